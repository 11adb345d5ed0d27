import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../testing/test-server.ts';
import type { TestServer } from '../testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  process.env.STRAND_UPLOAD_LIMIT_BYTES = '2000';
  server = await startTestServer();
});
afterAll(async () => {
  delete process.env.STRAND_UPLOAD_LIMIT_BYTES;
  await server?.stop();
});

const upload = (query: string, body: string, token: string | null = server.adminToken) =>
  fetch(`${server.url}/upload?${query}`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body,
  });

describe('POST /upload', () => {
  it('imports an uploaded sequence table (201) and lists it', async () => {
    const res = await upload(
      'kind=sequence-classification&filename=mine.tsv&name=mine',
      'id\tlabel\tsequence\na\tx\tACGT\nb\ty\tGGCC\n',
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      dataset: { name: 'mine', kind: 'sequence-classification', recordCount: 2 },
    });
  });

  it('answers malformed content with file:line: reason (400), without a token 401, over the limit 413', async () => {
    const bad = await upload(
      'kind=sequence-classification&filename=bad.tsv',
      'id\tlabel\tsequence\na\tx\tAC!T\n',
    );
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { userErrors: { message: string }[] };
    expect(body.userErrors[0].message).toMatch(/^bad\.tsv:2: /);
    expect((await upload('kind=variants', '##fileformat=VCFv4.2\n', null)).status).toBe(401);
    const big = await upload(
      'kind=sequence-classification',
      `id\tlabel\tsequence\n${'a\t1\tACGT\n'.repeat(400)}`,
    );
    expect(big.status).toBe(413);
  });

  it('needs the editor role', async () => {
    const viewer = await server.createUser('viewer', { [server.defaultProjectId]: 'viewer' });
    const res = await upload(
      'kind=sequence-classification',
      'id\tlabel\tsequence\na\tx\tACGT\n',
      viewer.token,
    );
    expect(res.status).toBe(403);
  });
});
