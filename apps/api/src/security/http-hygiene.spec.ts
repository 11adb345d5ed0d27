import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../testing/test-server.ts';
import type { TestServer } from '../testing/test-server.ts';

let server: TestServer;
let dashboardDir: string;
beforeAll(async () => {
  dashboardDir = await mkdtemp(join(tmpdir(), 'strand-dashboard-'));
  await mkdir(join(dashboardDir, 'assets'));
  await writeFile(join(dashboardDir, 'index.html'), '<!doctype html><title>Strand</title>');
  await writeFile(join(dashboardDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startTestServer({ dashboardDir });
});
afterAll(async () => {
  await server?.stop();
  await rm(dashboardDir, { recursive: true, force: true });
});

/** A raw GET: fetch() would normalise a malformed path before sending it. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}/`, { path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTP hygiene', () => {
  it('sends security headers with every dashboard file, API answer and error', async () => {
    for (const path of ['/', '/runs/abc', '/assets/app.js', '/graphql', '/health', '/nope.txt']) {
      const res = await fetch(`${server.url}${path}`, { method: 'GET' });
      await res.arrayBuffer();
      expect(res.headers.get('content-security-policy'), path).toMatch(
        /default-src 'self'.*frame-ancestors 'none'/,
      );
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  it('answers a malformed URL with 400, not 500', async () => {
    for (const path of ['/%', '/assets/%E0%A4%A', '/graphql%', '/jobs/%/files/x']) {
      const res = await rawGet(path);
      expect([path, res.status]).toEqual([path, 400]);
      expect(JSON.parse(res.body)).toEqual({
        errors: [{ message: 'malformed request URL', extensions: { code: 'BAD_REQUEST' } }],
      });
    }
    expect((await rawGet('/health')).status).toBe(200);
  });
});
