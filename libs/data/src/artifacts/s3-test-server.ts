import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { S3ObjectStoreOptions } from './s3-object-store.ts';

/** s3rver's one account; another access key id is refused (InvalidAccessKeyId). */
export const TEST_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface TestS3Server {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  bucket: string;
  /** S3ObjectStore options for this server's bucket (path-style, its credentials), overridable. */
  options(overrides?: Partial<S3ObjectStoreOptions>): S3ObjectStoreOptions;
  /** Stops the server and deletes its directory. */
  close(): Promise<void>;
}

/**
 * Runs in the child: s3rver's continuation tokens use DES, which Node 20's OpenSSL 3 only has
 * with the legacy provider, so the server gets a process of its own started with it. The child
 * stops when its standard input closes (the parent ended, however it ended).
 */
const CHILD = `
const S3rver = require(process.argv[1]);
const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory,
  vhostBuckets: false, configureBuckets: [{ name: bucket }] });
server.run().then(({ port }) => console.log(JSON.stringify({ port })));
process.stdin.resume();
process.stdin.on('end', () => server.close().finally(() => process.exit(0)));
`;

/**
 * A real S3-compatible server (s3rver: path-style, multipart, ListObjectsV2 pagination; it checks
 * the access key id but not V4 signatures) on a free port with one empty bucket, its objects in
 * a temp directory. For specs and the cluster test.
 */
export async function startTestS3Server(bucket = 'strand-test'): Promise<TestS3Server> {
  const directory = await mkdtemp(join(tmpdir(), 'strand-s3rver-'));
  const s3rver = createRequire(import.meta.url).resolve('s3rver');
  const child = spawn(
    process.execPath,
    ['--openssl-legacy-provider', '-e', CHILD, s3rver, directory, bucket],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`s3rver exited (${code}) before it listened`)));
  });
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    options: (overrides = {}) => ({
      bucket,
      endpoint,
      forcePathStyle: true,
      credentials: TEST_S3_CREDENTIALS,
      ...overrides,
    }),
    async close() {
      child.stdin.end();
      await exited;
      await rm(directory, { recursive: true, force: true });
    },
  };
}
