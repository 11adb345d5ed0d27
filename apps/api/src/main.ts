/**
 * Starts the Strand API (embedded mode): `npm run api`, configured by STRAND_PORT (default
 * 4000), STRAND_DATA_DIR (default .strand), STRAND_HOST (default 127.0.0.1), STRAND_ADMIN_TOKEN
 * (first start only), the limits of README "Limits" and "Fair use", STRAND_STALL_SECONDS,
 * STRAND_TRAINING_CONCURRENCY, STRAND_SHUTDOWN_TIMEOUT_MS, STRAND_LOG_LEVEL,
 * STRAND_ARTIFACT_URL (README "Scaling out") and NODE_ENV=production. Structured logs (pino, JSON lines) go to stdout besides the start-up
 * banner. SIGTERM / SIGINT: graceful shutdown (README, "Operations").
 */
import {
  DataError,
  DEFAULT_PROJECT_SLUG,
  ensureFirstAdmin,
  openArtifactRemote,
  Project,
} from '@strand/data';
import { readConfig } from './config.ts';
import { startStrandServer } from './http/server.ts';
import type { StrandServer } from './http/server.ts';
import { startUnavailableServer } from './http/unavailable-server.ts';
import type { UnavailableServer } from './http/unavailable-server.ts';
import { surviveClosedPipes } from './observability/closed-pipes.ts';
import { createLogger } from './observability/logger.ts';

surviveClosedPipes();
const config = readConfig();
const logger = createLogger(config.logLevel);
/** Past this, a shutdown that has not finished (a job that ignores its stop) exits anyway. */
const shutdownTimeoutMs = Number(process.env.STRAND_SHUTDOWN_TIMEOUT_MS ?? 60_000);

let server: StrandServer | UnavailableServer;
try {
  const artifactRemote = config.artifactBucket && (await openArtifactRemote(config.artifactBucket));
  server = await startStrandServer({ ...config, artifactRemote, logger });
} catch (error) {
  const known =
    error instanceof DataError &&
    (error.code === 'ARTIFACT_STORE_UNAVAILABLE' || error.code === 'DATABASE_DAMAGED');
  if (!known) throw error;
  // A clear line for the operator (no stack).
  logger.fatal({ code: error.code }, error.message);
  console.error(`Strand API cannot start: ${error.message}`);
  // The bucket may come up later (a compose start): exit so the orchestrator starts us again.
  if (error.code === 'ARTIFACT_STORE_UNAVAILABLE') process.exit(1);
  // A damaged database stays damaged: /ready answers 503 for the orchestrator.
  server = await startUnavailableServer({ ...config, reason: 'the database is damaged' });
  console.error(`Strand API not ready (/ready answers 503): ${server.url}`);
}
if ('db' in server) await announce(server);

async function announce(server: StrandServer) {
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
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: running jobs stop after their current batch');
    const forced = setTimeout(() => {
      logger.error({ signal, shutdownTimeoutMs }, 'shutdown took too long; exiting');
      process.exit(1);
    }, shutdownTimeoutMs);
    forced.unref();
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
