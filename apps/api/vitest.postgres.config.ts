import { defineProject } from '../../vitest.shared.ts';

/**
 * The GraphQL contract specs that need no training, against PostgreSQL (the scaled-out
 * database): startTestServer gives each server a fresh database on the throwaway server of
 * tools/scripts/with-postgres.sh (STRAND_TEST_DATABASE=postgresql). Run:
 *   bash tools/scripts/with-postgres.sh npx vitest run --config apps/api/vitest.postgres.config.ts
 */
const config = defineProject(import.meta.dirname);
config.test!.include = [
  'src/tracking/*.api.spec.ts',
  'src/security/access-lifecycle.spec.ts',
  'src/security/tracking-isolation.spec.ts',
  'src/security/authentication.spec.ts',
];
config.test!.env = { STRAND_TEST_DATABASE: 'postgresql' };
export default config;
