import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { startTestS3Server, TEST_S3_CREDENTIALS } from '@strand/data/testing';
import type { TestS3Server } from '@strand/data/testing';
import { CliError } from './cli-error.ts';
import { openEmbeddedStore } from './embedded-store.ts';

let server: TestS3Server;
let dir: string;

beforeAll(async () => {
  server = await startTestS3Server();
  dir = await mkdtemp(join(tmpdir(), 'strand-cli-store-'));
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

function bucketEnv(url: string) {
  vi.stubEnv('STRAND_ARTIFACT_URL', url);
  vi.stubEnv('STRAND_S3_ENDPOINT', server.endpoint);
  vi.stubEnv('AWS_ACCESS_KEY_ID', TEST_S3_CREDENTIALS.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', TEST_S3_CREDENTIALS.secretAccessKey);
}

describe('the CLI store with STRAND_ARTIFACT_URL', () => {
  test('artifacts go to the bucket, the local copy under the data dir', async () => {
    bucketEnv(`s3://${server.bucket}/cli`);
    const { db } = await openEmbeddedStore(join(dir, 'ok'));
    try {
      expect(db.artifacts.root).toBe(join(dir, 'ok', 'artifact-cache'));
      expect(db.artifacts.remote?.description).toBe(
        `s3://${server.bucket}/cli/ at ${server.endpoint}`,
      );
    } finally {
      await db.close();
    }
  });

  test('a malformed URL is a one-line CLI error; an unreachable bucket names itself', async () => {
    bucketEnv('s3:/strand');
    await expect(openEmbeddedStore(join(dir, 'bad'))).rejects.toThrow(CliError);
    await expect(openEmbeddedStore(join(dir, 'bad'))).rejects.toThrow(
      /^strand: STRAND_ARTIFACT_URL must be s3:\/\/bucket/,
    );
    bucketEnv('s3://missing-bucket/cli');
    await expect(openEmbeddedStore(join(dir, 'bad'))).rejects.toMatchObject({
      code: 'ARTIFACT_STORE_UNAVAILABLE',
      message: expect.stringContaining('the bucket "missing-bucket" does not exist'),
    });
  });
});
