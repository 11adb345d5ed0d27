import os from 'node:os';
import { resolve } from 'node:path';
import { readArtifactRemote } from '@strand/data';
import type { ArtifactRemoteSettings } from '@strand/data';

/** An apps/worker process's configuration, from the environment (README, "Scaling out"). */
export interface WorkerConfig {
  /** STRAND_DATABASE_URL: the cluster's PostgreSQL (required). */
  databaseUrl: string;
  /** STRAND_REDIS_URL: the cluster's Redis (required). */
  redisUrl: string;
  /**
   * STRAND_ARTIFACT_DIR: the artifact directory every process of the cluster shares (required
   * without artifactBucket); with artifactBucket, this worker's local copy (default
   * dataDir/artifact-cache).
   */
  artifactDir?: string;
  /**
   * STRAND_ARTIFACT_URL (s3://bucket/prefix) with STRAND_S3_ENDPOINT, STRAND_S3_REGION and
   * STRAND_S3_FORCE_PATH_STYLE: artifacts in an S3-compatible bucket; nothing else is shared.
   * The credentials stay in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, read by the SDK.
   */
  artifactBucket?: ArtifactRemoteSettings;
  /** STRAND_DATA_DIR: local scratch (default .strand-worker). */
  dataDir: string;
  /** STRAND_TRAINING_CONCURRENCY: training runs at once here, one core each (default 1). */
  trainingConcurrency: number;
  /** STRAND_JOB_CONCURRENCY: background jobs at once here (default 1). */
  jobConcurrency: number;
  /** STRAND_STALL_SECONDS: a run with no progress for this long is STALLED (default 300). */
  stallSeconds: number;
  /**
   * STRAND_PROJECT_RUNNING_LIMIT: training runs, and apart other jobs, one project may have
   * running at once in the cluster (default 0: no limit); give every worker the same value.
   */
  projectRunningLimit: number;
  /** STRAND_QUEUE_PREFIX: Redis key prefix of the queues (default strand). */
  queuePrefix: string;
  logLevel: string;
}

function count(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`${name} must be a whole number from 1 to ${max}; got "${raw}"`);
  }
  return value;
}

/** Work at once in one process: a few per core at most. */
const PER_PROCESS = os.availableParallelism() * 4;

function required(env: NodeJS.ProcessEnv, name: string, pattern: RegExp, what: string): string {
  const value = env[name];
  if (!value || !pattern.test(value)) throw new Error(`${name} must be ${what}`);
  return value;
}

export function readWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const artifactBucket = readArtifactRemote(env);
  const artifactDir = artifactBucket
    ? env.STRAND_ARTIFACT_DIR || undefined
    : required(env, 'STRAND_ARTIFACT_DIR', /./, 'a shared directory (or set STRAND_ARTIFACT_URL)');
  return {
    databaseUrl: required(env, 'STRAND_DATABASE_URL', /^postgres(ql)?:\/\//, 'a postgres:// URL'),
    redisUrl: required(env, 'STRAND_REDIS_URL', /^redis:\/\//, 'a redis:// URL'),
    ...(artifactDir ? { artifactDir: resolve(artifactDir) } : {}),
    ...(artifactBucket ? { artifactBucket } : {}),
    dataDir: resolve(env.STRAND_DATA_DIR || '.strand-worker'),
    trainingConcurrency: count(env, 'STRAND_TRAINING_CONCURRENCY', 1, PER_PROCESS),
    jobConcurrency: count(env, 'STRAND_JOB_CONCURRENCY', 1, PER_PROCESS),
    stallSeconds: count(env, 'STRAND_STALL_SECONDS', 300, 86_400),
    projectRunningLimit: count(env, 'STRAND_PROJECT_RUNNING_LIMIT', 0, 100_000),
    queuePrefix: env.STRAND_QUEUE_PREFIX || 'strand',
    logLevel: env.STRAND_LOG_LEVEL || 'info',
  };
}
