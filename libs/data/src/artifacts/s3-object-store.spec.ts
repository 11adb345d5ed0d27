import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { DataError } from '../errors/data-error.ts';
import { MIN_PART_SIZE, S3ObjectStore } from './s3-object-store.ts';
import type { S3ObjectStoreOptions } from './s3-object-store.ts';
import { startTestS3Server } from './s3-test-server.ts';
import type { TestS3Server } from './s3-test-server.ts';

let server: TestS3Server;
let dir: string;
let prefix = 0;

beforeAll(async () => {
  server = await startTestS3Server();
  dir = await mkdtemp(join(tmpdir(), 'strand-s3-spec-'));
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});
// Each test its own prefix in the one bucket.
beforeEach(() => {
  prefix++;
});

function store(options: Partial<S3ObjectStoreOptions> = {}): S3ObjectStore {
  return new S3ObjectStore(server.options({ prefix: `t${prefix}/`, ...options }));
}

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * An HTTP proxy in front of the server that records each request ("PUT /bucket/key?…") and lets
 * `meddle` answer instead (true when it did).
 */
async function proxy(
  meddle: (req: IncomingMessage, res: ServerResponse) => boolean = () => false,
  onAnswer?: (req: IncomingMessage, answer: IncomingMessage, res: ServerResponse) => boolean,
): Promise<{ endpoint: string; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const target = new URL(server.endpoint);
  const front: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (meddle(req, res)) return;
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 500, answer.headers);
        if (!onAnswer?.(req, answer, res)) answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((done) => front.listen(0, '127.0.0.1', done));
  const { port } = front.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((done) => front.close(() => done())),
  };
}

describe('S3ObjectStore on an S3-compatible server', () => {
  test('upload, head, download: the same bytes back and one version throughout', async () => {
    const s3 = store();
    expect(await s3.head('models/r1/model.json')).toBeNull();
    const version = await s3.upload('models/r1/model.json', await file('a', '{"layers":[]}'));
    expect(await s3.head('models/r1/model.json')).toEqual({
      key: 'models/r1/model.json',
      size: 13,
      version,
    });
    const copy = join(dir, 'a.copy');
    expect(await s3.download('models/r1/model.json', copy)).toBe(version);
    expect(await readFile(copy, 'utf8')).toBe('{"layers":[]}');
  });

  test('an overwrite changes the version', async () => {
    const s3 = store();
    const first = await s3.upload('k', await file('b', 'one'));
    const second = await s3.upload('k', await file('b', 'two'));
    expect(second).not.toBe(first);
    expect((await s3.head('k'))?.version).toBe(second);
  });

  test('list follows continuation tokens past a page and stays inside its prefix', async () => {
    const s3 = store({ pageSize: 2 });
    const content = await file('c', 'x');
    const keys = ['d/1', 'd/2', 'd/3', 'd/4', 'd/sub/5'];
    for (const key of [...keys, 'dx/6', 'e/7']) await s3.upload(key, content);
    const listed = await collect(s3.list('d/'));
    expect(listed.map((o) => o.key).sort()).toEqual(keys);
    expect(listed.every((o) => o.size === 1 && o.version.length > 0)).toBe(true);
    // Another prefix in the same bucket sees none of them.
    expect(await collect(store({ prefix: 'elsewhere' }).list(''))).toEqual([]);
  });

  test('past 1,000 keys: a listing of two pages, a delete in two batches', async () => {
    const s3 = store();
    const content = await file('many', 'x');
    const keys = Array.from({ length: 1003 }, (_, i) => `many/${String(i).padStart(4, '0')}`);
    for (let i = 0; i < keys.length; i += 32) {
      await Promise.all(keys.slice(i, i + 32).map((key) => s3.upload(key, content)));
    }
    const listed = await collect(s3.list('many/'));
    expect(listed.map((o) => o.key).sort()).toEqual(keys);
    await s3.delete(keys);
    expect(await collect(s3.list('many/'))).toEqual([]);
  }, 60_000);

  test('a file larger than the part size goes up in parts and comes back whole', async () => {
    const front = await proxy();
    try {
      const s3 = store({ endpoint: front.endpoint, partSize: MIN_PART_SIZE, partConcurrency: 2 });
      const data = randomBytes(2 * MIN_PART_SIZE + 12_345);
      const version = await s3.upload('datasets/big/table.arrow', await file('big', data));
      const key = `/${server.bucket}/t${prefix}/datasets/big/table.arrow`;
      expect(front.seen.filter((r) => r.startsWith(`POST ${key}?uploads`))).toHaveLength(1);
      expect(
        front.seen.filter((r) => r.startsWith(`PUT ${key}?`) && r.includes('partNumber=')),
      ).toHaveLength(3);
      expect(front.seen.filter((r) => r.startsWith(`POST ${key}?uploadId=`))).toHaveLength(1);
      expect(await s3.head('datasets/big/table.arrow')).toMatchObject({
        size: data.length,
        version,
      });
      const copy = join(dir, 'big.copy');
      expect(await s3.download('datasets/big/table.arrow', copy)).toBe(version);
      expect(sha(await readFile(copy))).toBe(sha(data));
    } finally {
      await front.close();
    }
  });

  test('download of a missing object is NOT_FOUND; delete removes and ignores missing keys', async () => {
    const s3 = store();
    await expect(s3.download('nothing', join(dir, 'n'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const content = await file('d', 'x');
    await s3.upload('a/1', content);
    await s3.upload('a/2', content);
    await s3.delete(['a/1', 'a/2', 'a/never']);
    expect(await s3.head('a/1')).toBeNull();
    expect(await collect(s3.list('a/'))).toEqual([]);
    await s3.delete([]);
  });

  test('bad credentials: a clear error naming the bucket and never the secret', async () => {
    const s3 = store({
      credentials: { accessKeyId: 'AKIAWRONG', secretAccessKey: 'wrong-secret-42' },
    });
    for (const attempt of [
      () => s3.head('k'),
      () => s3.upload('k', join(dir, 'd')),
      () => collect(s3.list('')),
    ]) {
      const error = await attempt().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DataError);
      expect((error as DataError).code).toBe('ARTIFACT_STORE_UNAVAILABLE');
      expect((error as DataError).message).toContain(`s3://${server.bucket}/t${prefix}/`);
      expect((error as DataError).message).toMatch(/access denied .*AWS_SECRET_ACCESS_KEY/);
      expect((error as DataError).message).not.toContain('wrong-secret-42');
    }
  });

  test('a listing says when the bucket or the server is missing', async () => {
    expect(await collect(store().list(''))).toEqual([]);
    await expect(collect(store({ bucket: 'no-such-bucket' }).list(''))).rejects.toThrow(
      /s3:\/\/no-such-bucket\/.*the bucket "no-such-bucket" does not exist/,
    );
    await expect(
      collect(store({ endpoint: 'http://127.0.0.1:9', maxAttempts: 1 }).list('')),
    ).rejects.toThrow(/cannot reach the server \(ECONNREFUSED\)/);
  });

  test('5xx answers and a body cut short are retried', async () => {
    // Every other request answered 503 SlowDown; the first GET's body cut short.
    let count = 0;
    let cutGet = true;
    const front = await proxy(
      (req, res) => {
        if (++count % 2 === 0) return false;
        req.resume();
        res.writeHead(503, { 'content-type': 'application/xml' });
        res.end('<Error><Code>SlowDown</Code><Message>busy</Message></Error>');
        return true;
      },
      (req, answer, res) => {
        if (req.method !== 'GET' || !cutGet || answer.statusCode !== 200) return false;
        cutGet = false;
        answer.once('data', (chunk: Buffer) => {
          res.write(chunk.subarray(0, 10));
          res.destroy();
        });
        return true;
      },
    );
    try {
      const s3 = store({ endpoint: front.endpoint });
      const data = randomBytes(100_000);
      const version = await s3.upload('r', await file('r', data));
      const copy = join(dir, 'r.copy');
      expect(await s3.download('r', copy)).toBe(version);
      expect(sha(await readFile(copy))).toBe(sha(data));
      expect(cutGet).toBe(false);
      // PUT twice, GET four times (503, cut, 503, whole).
      expect(front.seen).toHaveLength(6);
    } finally {
      await front.close();
    }
  });
});
