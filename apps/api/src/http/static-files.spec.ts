import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { negotiateEncoding } from './content-encoding.ts';
import { serveStatic } from './static-files.ts';

let root: string;
let server: Server;
let base: string;
// Repetitive like a JS bundle, so it compresses well.
const script = Array.from({ length: 400 }, (_, i) => `export const value${i % 40} = ${i};`).join(
  '\n',
);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'strand-static-'));
  await mkdir(join(root, 'assets'));
  await writeFile(
    join(root, 'index.html'),
    `<!doctype html><title>Strand</title>${' '.repeat(600)}`,
  );
  await writeFile(join(root, 'assets', 'app-abc123.js'), script);
  await writeFile(join(root, 'assets', 'tiny.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'logo.png'), Buffer.alloc(4096, 7));
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    void serveStatic(root, url.pathname, res, req.headers);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(root, { recursive: true, force: true });
});

/** A raw GET (fetch() would decompress and hide the encoding). */
function get(path: string, acceptEncoding?: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
      const req = request(`${base}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('negotiateEncoding', () => {
  it('prefers brotli, honours q-values and *, and falls back to none', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip, deflate')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('identity')).toBeNull();
    expect(negotiateEncoding('')).toBeNull();
    expect(negotiateEncoding(undefined)).toBeNull();
  });
});

describe('serveStatic', () => {
  it('sends a script brotli-compressed to a browser that takes it, with Vary', async () => {
    const res = await get('/assets/app-abc123.js', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['vary']).toBe('Accept-Encoding');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(script.length / 5);
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
  });

  it('sends gzip to a client without brotli, and the file as it is to one without either', async () => {
    const gz = await get('/assets/app-abc123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);
    const plain = await get('/assets/app-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toBe('Accept-Encoding');
    expect(plain.body.toString()).toBe(script);
  });

  it('compresses index.html for client-side routes too', async () => {
    const res = await get('/runs/abc', 'br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(res.body).toString()).toMatch(/^<!doctype html><title>Strand/);
  });

  it('leaves images and tiny files alone', async () => {
    const png = await get('/assets/logo.png', 'br, gzip');
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers['vary']).toBeUndefined();
    expect(png.body.length).toBe(4096);
    const tiny = await get('/assets/tiny.js', 'br, gzip');
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('console.log(1)');
  });

  it('compresses a rebuilt file anew', async () => {
    const file = join(root, 'assets', 'app-abc123.js');
    const changed = script.replace('value0 = 0', 'value0 = 1000');
    await writeFile(file, changed);
    // A rebuild within the same millisecond still differs in time: set it apart explicitly.
    const later = new Date(Date.now() + 5000);
    await utimes(file, later, later);
    const res = await get('/assets/app-abc123.js', 'br');
    expect(brotliDecompressSync(res.body).toString()).toBe(changed);
  });
});
