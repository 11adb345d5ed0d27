import { defineProject } from '../../vitest.shared.ts';

/**
 * The GraphQL contract specs against the scaled-out cluster (issue 14): PostgreSQL, BullMQ on
 * Redis, and a worker that runs every run and job (startTestServer with STRAND_TEST_REDIS_URL:
 * the API replica only queues, under a queue prefix of its own). The same spec files as in
 * embedded mode, unchanged: every one that starts a server. Run:
 *   bash tools/scripts/with-postgres.sh bash tools/scripts/with-redis.sh \
 *     npx vitest run --config apps/api/vitest.cluster.config.ts
 */
const config = defineProject(import.meta.dirname);
config.test!.include = ['src/**/*.spec.ts'];
// Specs of pure functions, and crash-hygiene (it spawns an embedded API process of its own):
// nothing in them meets the queue or the bus, so they run once, in the embedded pass.
config.test!.exclude = [
  ...(config.test!.exclude ?? []),
  'src/limits/**',
  'src/schema/**',
  'src/resolvers/*.spec.ts',
  'src/http/{multipart,shared-subscribe,spreadsheet-safe,static-files}.spec.ts',
  'src/security/crash-hygiene.spec.ts',
];
config.test!.env = { STRAND_TEST_DATABASE: 'postgresql' };
export default config;
