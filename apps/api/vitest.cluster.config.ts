import { defineProject } from '../../vitest.shared.ts';

/**
 * The GraphQL contract specs against the scaled-out cluster (issue 14): PostgreSQL, BullMQ on
 * Redis, and a worker that runs every run and job (startTestServer with STRAND_TEST_REDIS_URL:
 * the API replica only queues, under a queue prefix of its own). The same spec files as in
 * embedded mode, unchanged. Run:
 *   bash tools/scripts/with-postgres.sh bash tools/scripts/with-redis.sh \
 *     npx vitest run --config apps/api/vitest.cluster.config.ts
 */
const config = defineProject(import.meta.dirname);
config.test!.include = ['src/**/*.spec.ts'];
config.test!.env = { STRAND_TEST_DATABASE: 'postgresql' };
export default config;
