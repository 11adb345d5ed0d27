import { describe, expect, test } from 'vitest';
import { readConfig } from './config.ts';

describe('readConfig: where artifacts live', () => {
  test('a directory by default, a bucket with STRAND_ARTIFACT_URL', () => {
    expect(readConfig({}).artifactBucket).toBeUndefined();
    const config = readConfig({
      STRAND_ARTIFACT_URL: 's3://strand-artifacts/prod/',
      STRAND_S3_REGION: 'eu-central-1',
      STRAND_ARTIFACT_DIR: '/var/cache/strand',
      AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'not-in-the-config',
    });
    expect(config.artifactBucket).toEqual({
      url: 's3://strand-artifacts/prod/',
      bucket: 'strand-artifacts',
      prefix: 'prod/',
      region: 'eu-central-1',
      forcePathStyle: false,
    });
    expect(config.artifactDir).toBe('/var/cache/strand');
    // The secret stays with the SDK, out of anything that could be logged.
    expect(JSON.stringify(config)).not.toContain('not-in-the-config');
  });

  test('a malformed bucket URL or endpoint stops start-up with the variable named', () => {
    expect(() => readConfig({ STRAND_ARTIFACT_URL: 's3://UPPER/x' })).toThrow(
      /STRAND_ARTIFACT_URL must be s3:\/\/bucket or s3:\/\/bucket\/prefix: a bucket name is 3–63/,
    );
    expect(() =>
      readConfig({ STRAND_ARTIFACT_URL: 's3://strand', STRAND_S3_ENDPOINT: 'minio:9000' }),
    ).toThrow(/STRAND_S3_ENDPOINT must be an http:\/\/ or https:\/\/ URL/);
    expect(() =>
      readConfig({ STRAND_ARTIFACT_URL: 's3://strand', AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE' }),
    ).toThrow(/AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together/);
  });
});
