import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../database.ts';
import { ArtifactStore } from './artifact-store.ts';
import { S3ObjectStore } from './s3-object-store.ts';
import { startTestS3Server } from './s3-test-server.ts';
import type { TestS3Server } from './s3-test-server.ts';

let server: TestS3Server;
let dir: string;

beforeAll(async () => {
  server = await startTestS3Server();
  dir = await mkdtemp(join(tmpdir(), 'strand-artifacts-s3-'));
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

function remote(prefix: string): S3ObjectStore {
  return new S3ObjectStore(server.options({ prefix }));
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Two "machines": each its own local copy, nothing shared but the bucket. */
function machines(prefix: string): [ArtifactStore, ArtifactStore, S3ObjectStore] {
  const bucket = remote(prefix);
  return [
    new ArtifactStore(join(dir, prefix, 'api'), bucket),
    new ArtifactStore(join(dir, prefix, 'worker'), bucket),
    bucket,
  ];
}

describe('ArtifactStore over an S3-compatible bucket', () => {
  test('a file one store writes the other reads; a rewrite is fetched again', async () => {
    const [api, worker] = machines('files');
    await api.writeAtomic('datasets/d1/meta.json', '{"v":1}');
    expect(await worker.exists('datasets/d1/meta.json')).toBe(true);
    expect(await worker.sizeOf('datasets/d1/meta.json')).toBe(7);
    expect((await worker.read('datasets/d1/meta.json')).toString()).toBe('{"v":1}');

    await api.writeAtomic('datasets/d1/meta.json', '{"v":22}');
    expect((await worker.read('datasets/d1/meta.json')).toString()).toBe('{"v":22}');
    // The worker's local copy itself was replaced, for readers that open the path.
    const local = await worker.pull('datasets/d1/meta.json');
    expect(local).toBe(join(dir, 'files', 'worker', 'datasets/d1/meta.json'));
    expect(await readFile(local, 'utf8')).toBe('{"v":22}');
  });

  test('a directory pushed by one store is pulled whole by the other', async () => {
    const [worker, api] = machines('dirs');
    const model = worker.resolve('models/r1');
    await mkdir(join(model, 'weights'), { recursive: true });
    await writeFile(join(model, 'model.json'), '{"format":"layers-model"}');
    await writeFile(join(model, 'weights', 'group1.bin'), Buffer.alloc(4096, 7));
    await writeFile(join(model, 'unfinished.bin.123.tmp'), 'partial');
    await worker.push('models/r1');

    expect(await api.exists('models/r1')).toBe(true);
    expect(await api.sizeOf('models/r1')).toBe(25 + 4096);
    const local = await api.pull('models/r1');
    expect(await readFile(join(local, 'model.json'), 'utf8')).toBe('{"format":"layers-model"}');
    expect(await readFile(join(local, 'weights', 'group1.bin'))).toEqual(Buffer.alloc(4096, 7));
    // A temp file of an unfinished write never leaves its machine.
    await expect(readFile(join(local, 'unfinished.bin.123.tmp'))).rejects.toThrow(/ENOENT/);
  });

  test('remove deletes the remote objects: the other store no longer finds them', async () => {
    const [api, worker, bucket] = machines('removal');
    await api.writeAtomic('outputs/j1/a.tsv', 'a');
    await api.writeAtomic('outputs/j1/b.tsv', 'b');
    await api.writeAtomic('outputs/j2/c.tsv', 'c');
    await worker.pull('outputs/j1');

    await worker.remove('outputs/j1');
    expect(await api.exists('outputs/j1')).toBe(false);
    expect((await collect(bucket.list(''))).map((o) => o.key)).toEqual(['outputs/j2/c.tsv']);
    await expect(api.pull('outputs/j1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(api.read('outputs/j1/a.tsv')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The removing store's local copy went too.
    await expect(readFile(worker.resolve('outputs/j1/a.tsv'))).rejects.toThrow(/ENOENT/);
  });

  test('an artifact that exists nowhere is NOT_FOUND for pull, read and sizeOf', async () => {
    const [api] = machines('missing');
    expect(await api.exists('models/none')).toBe(false);
    for (const op of [() => api.pull('models/none'), () => api.read('models/none/x.bin')]) {
      await expect(op()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(api.sizeOf('models/none')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('openDatabase with an artifact bucket', () => {
  test('the local copy defaults to dataDir/artifact-cache; the store pushes to the bucket', async () => {
    const dataDir = join(dir, 'db-ok');
    const bucket = remote('db-ok');
    const db = await openDatabase({ dataDir, artifactRemote: bucket });
    try {
      expect(db.artifacts.root).toBe(join(dataDir, 'artifact-cache'));
      expect(db.artifacts.remote).toBe(bucket);
      await db.artifacts.writeAtomic('a.txt', 'a');
      expect(await bucket.head('a.txt')).toMatchObject({ size: 1 });
    } finally {
      await db.close();
    }
  });

  test('an unreachable bucket stops it before the database opens, naming the bucket', async () => {
    const dataDir = join(dir, 'db-bad');
    const missing = new S3ObjectStore(server.options({ bucket: 'no-such-bucket', prefix: 'p' }));
    await expect(openDatabase({ dataDir, artifactRemote: missing })).rejects.toMatchObject({
      code: 'ARTIFACT_STORE_UNAVAILABLE',
      message: expect.stringMatching(
        /^s3:\/\/no-such-bucket\/p\/ at http:\/\/127\.0\.0\.1:\d+: LIST .*does not exist/,
      ),
    });
    await expect(readFile(join(dataDir, 'strand.db'))).rejects.toThrow(/ENOENT/);
  });
});
