import { defineProject } from '../../vitest.shared.ts';

/**
 * The libs/data specs that run on any dialect, against PostgreSQL: the test target runs them under
 * tools/scripts/with-postgres.sh (a throwaway server; skipped with a message when PostgreSQL is
 * not installed). database.spec, concurrency.spec and projects-migration.spec are about the
 * SQLite file itself and stay SQLite-only; postgres.spec checks the PostgreSQL schema.
 */
const config = defineProject(import.meta.dirname);
config.test!.include = [
  'src/postgres.spec.ts',
  'src/access/access.spec.ts',
  'src/auth/auth.spec.ts',
  'src/entities/entities.spec.ts',
  'src/queries/*.spec.ts',
];
config.test!.env = { STRAND_TEST_DATABASE: 'postgresql' };
export default config;
