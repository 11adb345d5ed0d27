/**
 * Starts the Strand API (embedded mode): `npm run api`, configured by STRAND_PORT (default
 * 4000), STRAND_DATA_DIR (default .strand), STRAND_HOST (default 127.0.0.1), STRAND_ADMIN_TOKEN
 * (first start only), STRAND_RATE_LIMIT / STRAND_RATE_BURST, STRAND_STALL_SECONDS,
 * STRAND_TRAINING_CONCURRENCY,
 * STRAND_LOG_LEVEL and NODE_ENV=production. Structured logs (pino, JSON lines) go to stdout
 * besides the start-up banner. SIGTERM / SIGINT: graceful shutdown (README, "Operations").
 */
import { DEFAULT_PROJECT_SLUG, ensureFirstAdmin, Project } from '@strand/data';
import { readConfig } from './config.ts';
import { startStrandServer } from './http/server.ts';
import { createLogger } from './observability/logger.ts';

const config = readConfig();
const logger = createLogger(config.logLevel);
const server = await startStrandServer({ ...config, logger });
// First start: an admin user, admin of the `default` project, with a token shown only now.
const admin = await ensureFirstAdmin(server.db.fork(), config.adminToken);
if (admin?.generated) {
  console.log(`Admin API token:  ${admin.token}`);
  console.log('                  (shown once: store it now; the server keeps only its hash)');
} else if (admin) {
  console.log('Admin user created with the token given in STRAND_ADMIN_TOKEN.');
}
if (process.env.STRAND_DEMO === '1') {
  const em = server.db.fork();
  const project = await em.findOne(Project, { slug: DEFAULT_PROJECT_SLUG });
  const created = project ? await server.jobs.ensureDemoDataset(em, project.id) : null;
  if (created)
    console.log(`Demo dataset:     "${created.name}" (${created.recordCount} sequences)`);
}
console.log(`Strand API:       ${server.url}/graphql (HTTP and WebSocket)`);
console.log(`Data directory:   ${config.dataDir}`);
if (config.dashboardDir) console.log(`Strand dashboard: ${server.url}/`);
else console.log('Dashboard not built (npm run dashboard:build); serving the API only.');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: running jobs stop after their current batch');
    server.close().then(
      () => {
        logger.info({ signal }, 'stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ signal, errorName: (error as Error)?.name }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
