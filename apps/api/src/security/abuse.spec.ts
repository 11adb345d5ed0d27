import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../testing/test-server.ts';
import type { TestServer } from '../testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

interface Raw {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function raw(query: string, token = server.adminToken): Promise<Raw> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Raw['body'] };
}

/** The server still answers a normal query. */
async function stillUp(token = server.adminToken) {
  const res = await raw('{ me { name } }', token);
  expect(res.status).toBe(200);
  expect(res.body.data).toEqual({ me: { name: expect.any(String) } });
}

function codes(res: Raw): unknown[] {
  return (res.body.errors ?? []).map((e) => e.extensions?.code);
}

describe('limits', () => {
  it('refuses deep nesting (QUERY_TOO_DEEP)', async () => {
    // runs → edges → node → project → runs → … : 4 levels per round.
    let selection = 'id';
    for (let i = 0; i < 4; i++)
      selection = `runs(first: 1) { edges { node { project { ${selection} } } } }`;
    const res = await raw(`{ ${selection} }`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        message: 'query depth is over the limit of 10 nested fields',
        extensions: expect.objectContaining({ code: 'QUERY_TOO_DEEP' }),
      }),
    ]);
    await stillUp();
  });

  it('refuses first: 100000 with BAD_USER_INPUT naming the value', async () => {
    const res = await raw('{ runs(first: 100000) { totalCount } }');
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        message: 'first must be from 1 to 100; got 100000',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
    await stillUp();
  });

  it('refuses an expensive query (QUERY_TOO_COMPLEX) but allows a full page', async () => {
    const ok = await raw('{ runs(first: 100) { edges { node { id dataset { name } } } } }');
    expect(ok.body.errors).toBeUndefined();
    // 100 runs × 100 runs of their project each: over 10,000.
    const res = await raw(
      '{ runs(first: 100) { edges { node { project { runs(first: 100) { edges { node { id } } } } } } } }',
    );
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(res.body.errors![0].message).toMatch(/^query cost is over the limit of 10000/);
    await stillUp();
  });

  it('counts what lists return: fan-outs through bounded lists are refused before running', async () => {
    // Issue 18: unpaginated lists counted as one item, so a VIEWER's query of cost ~900 returned
    // millions of nodes. Now Dataset.derived is paged and every other list declares its bound.
    const viewer = await server.createUser('curious', { [server.defaultProjectId]: 'viewer' });
    for (const query of [
      '{ runs(first: 100) { edges { node { dataset { derived { runs(first: 100) { edges { node { id history { epoch } } } } } } } } } }',
      '{ jobs(first: 100) { edges { node { runs { history { epoch metrics { name value } } } } } } }',
      '{ projects { runs(first: 100) { edges { node { history { epoch } } } } } }',
    ]) {
      const res = await raw(query, viewer.token);
      expect([query, res.status, codes(res)]).toEqual([query, 400, ['QUERY_TOO_COMPLEX']]);
    }
    // A run page (every epoch of one run, with its metrics) stays well inside the limit.
    const page = await raw(
      '{ runs(first: 1) { edges { node { history { epoch seconds metrics { name value } } } } } }',
      viewer.token,
    );
    expect(page.body.errors).toBeUndefined();
    await stillUp(viewer.token);
  });

  it('refuses 500 aliases (TOO_MANY_ALIASES)', async () => {
    const aliases = Array.from({ length: 500 }, (_, i) => `a${i}: me { name }`).join(' ');
    const res = await raw(`{ ${aliases} }`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        message: 'the query has 500 aliased fields, over the limit of 20',
        extensions: expect.objectContaining({ code: 'TOO_MANY_ALIASES' }),
      }),
    ]);
    await stillUp();
  });

  it('refuses a huge query string: too many tokens, or a body over 1 MB', async () => {
    const many = await raw(`{ ${'__typename '.repeat(20_000)} }`);
    expect(many.status).toBe(400);
    expect(codes(many)).toEqual(['QUERY_TOO_LARGE']);
    expect(many.body.errors![0].message).toBe('the query is over the limit of 5000 tokens');
    const huge = await raw(`{ me { name } } # ${'x'.repeat(1_100_000)}`);
    expect(huge.status).toBe(413);
    expect(codes(huge)).toEqual(['PAYLOAD_TOO_LARGE']);
    await stillUp();
  });

  it('gives every error an extensions.code, also unknown fields and syntax errors', async () => {
    expect(codes(await raw('{ nope }'))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(codes(await raw('{ me { '))).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(codes(await raw('{ runs(after: "garbage") { totalCount } }'))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});

describe('rate limit', () => {
  it('refuses rapid fire per token (RATE_LIMITED, 429, Retry-After) and recovers', async () => {
    // A server with a small bucket, so the test does not depend on how fast requests are served.
    const limited = await startTestServer({ limits: { ratePerSecond: 5, rateBurst: 10 } });
    try {
      const user = await limited.createUser('rapid', {});
      const other = await limited.createUser('bystander', {});
      const fire = (token: string) =>
        fetch(`${limited.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ me { name } }' }),
        });
      const answers = await Promise.all(Array.from({ length: 40 }, () => fire(user.token)));
      const refused = answers.filter((a) => a.status === 429);
      const served = answers.filter((a) => a.status === 200);
      expect(served.length + refused.length).toBe(40);
      expect(served.length).toBeGreaterThanOrEqual(10);
      expect(refused.length).toBeGreaterThanOrEqual(20);
      const body = (await refused[0].json()) as Raw['body'];
      expect(body.errors).toEqual([
        {
          message: 'rate limit of 5 requests/s (burst 10) per API token exceeded; retry in 1 s',
          extensions: expect.objectContaining({ code: 'RATE_LIMITED' }),
        },
      ]);
      expect(refused[0].headers.get('retry-after')).toBe('1');
      expect((await fire(other.token)).status).toBe(200); // other tokens are not affected
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await fire(user.token)).status).toBe(200); // the bucket refilled
    } finally {
      await limited.stop();
    }
  });
});

describe('in production (NODE_ENV=production)', () => {
  it('turns off introspection; stack traces never leave', async () => {
    const prod = await startTestServer({ production: true });
    try {
      const res = await fetch(`${prod.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${prod.adminToken}` },
        body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
      });
      const body = (await res.json()) as Raw['body'];
      expect(body.errors![0].extensions).toEqual({
        code: 'GRAPHQL_VALIDATION_FAILED',
        validationErrorCode: 'INTROSPECTION_DISABLED',
      });
      expect(body.errors![0].message).toMatch(/introspection is not allowed/i);
      const bad = await prod.request('{ runs(first: 0) { totalCount } }');
      expect(bad.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'first' });
    } finally {
      await prod.stop();
    }
    // Stack traces name the server's files: they go to its log, in development too.
    const dev = await server.request('{ runs(first: 0) { totalCount } }');
    expect(dev.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'first' });
  });
});
