import { describe, expect, test } from 'vitest';
import { readWorkerConfig } from './config.ts';

const BASE = {
  STRAND_DATABASE_URL: 'postgres://strand@127.0.0.1:5432/strand',
  STRAND_REDIS_URL: 'redis://127.0.0.1:6379',
  STRAND_ARTIFACT_DIR: '/srv/strand/artifacts',
};

describe('readWorkerConfig', () => {
  test('reads the cluster settings, with one training run and one job at a time by default', () => {
    const config = readWorkerConfig(BASE);
    expect(config.databaseUrl).toBe(BASE.STRAND_DATABASE_URL);
    expect(config.redisUrl).toBe(BASE.STRAND_REDIS_URL);
    expect(config.artifactDir).toBe('/srv/strand/artifacts');
    expect(config.trainingConcurrency).toBe(1);
    expect(config.jobConcurrency).toBe(1);
    expect(config.queuePrefix).toBe('strand');
    expect(config.stallSeconds).toBe(300);
    expect(config.projectRunningLimit).toBe(0);
  });

  test('a stall threshold in seconds and a per-project running limit, each a whole number', () => {
    // The stall threshold is not bounded by the cores (it once was: 300 was refused on 2 cores).
    expect(readWorkerConfig({ ...BASE, STRAND_STALL_SECONDS: '300' }).stallSeconds).toBe(300);
    expect(
      readWorkerConfig({ ...BASE, STRAND_PROJECT_RUNNING_LIMIT: '2' }).projectRunningLimit,
    ).toBe(2);
    for (const bad of ['0', '2.5', 'x']) {
      expect(() => readWorkerConfig({ ...BASE, STRAND_PROJECT_RUNNING_LIMIT: bad })).toThrow(
        /STRAND_PROJECT_RUNNING_LIMIT must be a whole number from 1/,
      );
    }
  });

  test('refuses to start without PostgreSQL, Redis or a shared artifact directory', () => {
    expect(() => readWorkerConfig({ ...BASE, STRAND_DATABASE_URL: '' })).toThrow(
      /STRAND_DATABASE_URL must be a postgres/,
    );
    expect(() => readWorkerConfig({ ...BASE, STRAND_DATABASE_URL: 'mysql://x' })).toThrow(
      /STRAND_DATABASE_URL/,
    );
    expect(() => readWorkerConfig({ ...BASE, STRAND_REDIS_URL: 'http://x' })).toThrow(
      /STRAND_REDIS_URL must be a redis/,
    );
    expect(() => readWorkerConfig({ ...BASE, STRAND_ARTIFACT_DIR: '' })).toThrow(
      /STRAND_ARTIFACT_DIR/,
    );
  });

  test('concurrency must be a whole number from 1', () => {
    expect(
      readWorkerConfig({ ...BASE, STRAND_TRAINING_CONCURRENCY: '2' }).trainingConcurrency,
    ).toBe(2);
    for (const bad of ['0', '-1', '1.5', 'many']) {
      expect(() => readWorkerConfig({ ...BASE, STRAND_JOB_CONCURRENCY: bad })).toThrow(
        /STRAND_JOB_CONCURRENCY/,
      );
    }
  });

  test('artifacts in a bucket: no shared directory needed; STRAND_ARTIFACT_DIR is the local copy', () => {
    const { STRAND_ARTIFACT_DIR: _, ...noDir } = BASE;
    const config = readWorkerConfig({
      ...noDir,
      STRAND_ARTIFACT_URL: 's3://strand-artifacts/cluster-1',
      STRAND_S3_ENDPOINT: 'http://minio:9000',
    });
    expect(config.artifactDir).toBeUndefined();
    expect(config.artifactBucket).toEqual({
      url: 's3://strand-artifacts/cluster-1',
      bucket: 'strand-artifacts',
      prefix: 'cluster-1/',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      forcePathStyle: true,
    });
    expect(
      readWorkerConfig({ ...BASE, STRAND_ARTIFACT_URL: 's3://strand-artifacts' }).artifactDir,
    ).toBe('/srv/strand/artifacts');
    // Without either, the message says both ways.
    expect(() => readWorkerConfig(noDir)).toThrow(
      /STRAND_ARTIFACT_DIR must be a shared directory \(or set STRAND_ARTIFACT_URL\)/,
    );
  });

  test('a malformed artifact bucket stops start-up with the variable named', () => {
    expect(() => readWorkerConfig({ ...BASE, STRAND_ARTIFACT_URL: '/srv/bucket' })).toThrow(
      /STRAND_ARTIFACT_URL must be s3:\/\/bucket or s3:\/\/bucket\/prefix: only s3:\/\/ is supported/,
    );
    expect(() =>
      readWorkerConfig({
        ...BASE,
        STRAND_ARTIFACT_URL: 's3://strand',
        STRAND_S3_FORCE_PATH_STYLE: 'maybe',
      }),
    ).toThrow(/STRAND_S3_FORCE_PATH_STYLE must be true or false/);
    expect(() => readWorkerConfig({ ...BASE, STRAND_S3_ENDPOINT: 'http://minio:9000' })).toThrow(
      /only apply with STRAND_ARTIFACT_URL/,
    );
  });
});
