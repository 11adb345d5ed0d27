import { existsSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArtifactRemote } from '@strand/data';
import type { ArtifactRemoteSettings } from '@strand/data';
import { DEFAULT_STALL_SECONDS } from '@strand/jobs';
import { PROJECT_CREATORS } from './auth/project-creators.ts';
import type { ProjectCreators } from './auth/project-creators.ts';
import { DEFAULT_LIMITS } from './limits/limits.ts';
import type { ApiLimits } from './limits/limits.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface ApiConfig {
  port: number;
  host: string;
  dataDir: string;
  dashboardDir: string | null;
  production: boolean;
  /** STRAND_ADMIN_TOKEN: the first admin's token (first start only); null: generate one. */
  adminToken: string | null;
  /** The limits set by environment variables (LIMIT_ENV); the others keep DEFAULT_LIMITS. */
  limits: Partial<ApiLimits>;
  /** STRAND_STALL_SECONDS: a run with no progress for this long is STALLED (default 300). */
  stallSeconds: number;
  /**
   * STRAND_TRAINING_CONCURRENCY: training runs at once, one core each (default: every core, so
   * a sweep trains its trials side by side).
   */
  concurrency: number;
  /** STRAND_LOG_LEVEL: pino level (default info; `silent` turns logs off). */
  logLevel: string;
  /** STRAND_PROJECT_CREATORS: who may create projects (editor, admin or anyone; default editor). */
  projectCreators: ProjectCreators;
  /** STRAND_DATABASE_URL: a postgres:// URL (scaled-out mode); absent: SQLite in dataDir. */
  databaseUrl?: string;
  /**
   * STRAND_ARTIFACT_DIR: artifacts shared by every process of a cluster (default
   * dataDir/artifacts); with artifactBucket, this replica's local copy (default
   * dataDir/artifact-cache).
   */
  artifactDir?: string;
  /**
   * STRAND_ARTIFACT_URL (s3://bucket/prefix) with STRAND_S3_ENDPOINT, STRAND_S3_REGION and
   * STRAND_S3_FORCE_PATH_STYLE: artifacts in an S3-compatible bucket instead of a shared
   * directory. The credentials stay in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, read by the SDK.
   */
  artifactBucket?: ArtifactRemoteSettings;
  /** STRAND_REDIS_URL: scaled-out mode (BullMQ queues, Redis pub/sub; see apps/worker). */
  redisUrl?: string;
  /** STRAND_QUEUE_PREFIX: Redis key prefix of the queues and channels (as the workers'). */
  queuePrefix?: string;
}

/** The limits an operator may set, by environment variable (README: "Limits", "Fair use"). */
export const LIMIT_ENV: Record<string, keyof ApiLimits> = {
  STRAND_RATE_LIMIT: 'ratePerSecond',
  STRAND_RATE_BURST: 'rateBurst',
  STRAND_USER_RATE_LIMIT: 'userRatePerSecond',
  STRAND_USER_RATE_BURST: 'userRateBurst',
  STRAND_AUTH_FAILURE_RATE: 'failedAuthPerSecond',
  STRAND_AUTH_FAILURE_BURST: 'failedAuthBurst',
  STRAND_WS_MAX_CONNECTIONS: 'wsMaxConnections',
  STRAND_WS_MAX_PER_ADDRESS: 'wsMaxPerAddress',
  STRAND_WS_MAX_PER_USER: 'wsMaxPerUser',
  STRAND_MAX_CONNECTIONS: 'maxConnections',
  STRAND_HEADERS_TIMEOUT_MS: 'headersTimeoutMs',
  STRAND_BODY_TIMEOUT_MS: 'bodyTimeoutMs',
  STRAND_REQUEST_TIMEOUT_MS: 'requestTimeoutMs',
  STRAND_IDLE_TIMEOUT_MS: 'idleTimeoutMs',
  STRAND_PROJECT_QUEUE_LIMIT: 'projectQueueLimit',
  STRAND_PROJECT_RUNNING_LIMIT: 'projectRunningLimit',
};

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new Error(`${name} must be a positive number; got "${raw}"`);
  }
  return value;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = positive(env, name, fallback);
  if (!Number.isInteger(value))
    throw new Error(`${name} must be a whole number; got "${env[name]}"`);
  return value;
}

/** Reads the API's configuration from the environment; a bad value stops start-up with a clear message. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const port = Number(env.STRAND_PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`STRAND_PORT must be a port number (0–65535); got "${env.STRAND_PORT}"`);
  }
  const logLevel = env.STRAND_LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new Error(`STRAND_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got "${logLevel}"`);
  }
  const projectCreators = (env.STRAND_PROJECT_CREATORS || 'editor') as ProjectCreators;
  if (!PROJECT_CREATORS.includes(projectCreators)) {
    throw new Error(
      `STRAND_PROJECT_CREATORS must be one of ${PROJECT_CREATORS.join(', ')}; got "${projectCreators}"`,
    );
  }
  if (env.STRAND_DATABASE_URL && !/^postgres(ql)?:\/\//.test(env.STRAND_DATABASE_URL)) {
    throw new Error('STRAND_DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  if (env.STRAND_REDIS_URL && !/^redis:\/\//.test(env.STRAND_REDIS_URL)) {
    throw new Error('STRAND_REDIS_URL must be a redis:// URL');
  }
  if (env.STRAND_REDIS_URL && !env.STRAND_DATABASE_URL) {
    throw new Error('STRAND_REDIS_URL (scaled out) needs STRAND_DATABASE_URL (PostgreSQL)');
  }
  const artifactBucket = readArtifactRemote(env);
  const dashboardDir = resolve(env.STRAND_DASHBOARD_DIR ?? `${repoRoot}apps/dashboard/dist`);
  return {
    port,
    host: env.STRAND_HOST ?? '127.0.0.1',
    dataDir: resolve(env.STRAND_DATA_DIR ?? `${repoRoot}.strand`),
    dashboardDir: existsSync(dashboardDir) ? dashboardDir : null,
    production: env.NODE_ENV === 'production',
    adminToken: env.STRAND_ADMIN_TOKEN?.trim() || null,
    limits: Object.fromEntries(
      Object.entries(LIMIT_ENV).map(([name, key]) => [
        key,
        positive(env, name, DEFAULT_LIMITS[key]),
      ]),
    ),
    stallSeconds: positive(env, 'STRAND_STALL_SECONDS', DEFAULT_STALL_SECONDS),
    concurrency: wholeNumber(env, 'STRAND_TRAINING_CONCURRENCY', os.availableParallelism()),
    logLevel,
    projectCreators,
    ...(env.STRAND_DATABASE_URL ? { databaseUrl: env.STRAND_DATABASE_URL } : {}),
    ...(env.STRAND_ARTIFACT_DIR ? { artifactDir: resolve(env.STRAND_ARTIFACT_DIR) } : {}),
    ...(artifactBucket ? { artifactBucket } : {}),
    ...(env.STRAND_REDIS_URL ? { redisUrl: env.STRAND_REDIS_URL } : {}),
    ...(env.STRAND_QUEUE_PREFIX ? { queuePrefix: env.STRAND_QUEUE_PREFIX } : {}),
  };
}
