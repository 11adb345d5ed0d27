/**
 * apps/worker: a process of the scaled-out mode that takes training runs and background jobs
 * from the BullMQ queues on Redis and runs them (every job kind: training with checkpoints and
 * resume, import, scoring, explain, CV, sweeps whose trials go back on the queue for any worker).
 * Progress goes out through Redis pub/sub to every API replica. Start as many as there are cores
 * to spare, on as many machines as share the PostgreSQL, the Redis and the artifact directory
 * (or bucket: STRAND_ARTIFACT_URL).
 * SIGTERM / SIGINT: takes no new work; running runs stop after their batch and go back on the
 * queue (another worker resumes them from their checkpoint). A worker killed outright loses its
 * queue lock; another worker resumes its run within seconds (see libs/jobs cluster/).
 */
import { pino } from 'pino';
import { DataError, openArtifactRemote, openDatabase } from '@strand/data';
import { connectCluster, Jobs } from '@strand/jobs';
import { readWorkerConfig } from './config.ts';

const config = readWorkerConfig();
const logger = pino({ level: config.logLevel, base: { component: 'worker', pid: process.pid } });
const db = await openDatabase({
  dataDir: config.dataDir,
  databaseUrl: config.databaseUrl,
  artifactDir: config.artifactDir,
  artifactRemote: config.artifactBucket && (await openArtifactRemote(config.artifactBucket)),
}).catch((error: unknown) => {
  if (!(error instanceof DataError && error.code === 'ARTIFACT_STORE_UNAVAILABLE')) throw error;
  // The bucket may come up later: exit so the orchestrator starts the worker again.
  logger.fatal({ code: error.code }, error.message);
  console.error(`Strand worker cannot start: ${error.message}`);
  process.exit(1);
});
const cluster = connectCluster(config.redisUrl, { consume: true, prefix: config.queuePrefix });
const jobs = new Jobs(db, cluster.bus, {
  engine: cluster.engine,
  concurrency: config.trainingConcurrency,
  jobConcurrency: config.jobConcurrency,
  stallSeconds: config.stallSeconds,
  projectRunningLimit: config.projectRunningLimit,
  log: logger,
  onError: (id, error) =>
    logger.warn({ id, errorName: (error as Error)?.name }, 'queue item failed; retried'),
});
logger.info(
  { training: config.trainingConcurrency, jobs: config.jobConcurrency },
  'worker ready: taking runs and jobs from the queue',
);
console.log(`Strand worker ${process.pid} ready`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: running work goes back on the queue after its batch');
    jobs
      .close()
      .then(() => cluster.close())
      .then(() => db.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ errorName: (error as Error)?.name }, 'shutdown failed');
          process.exit(1);
        },
      );
  });
}
