import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRun } from '../testing/seed-run.ts';
import { startTestServer } from '../testing/test-server.ts';
import type { TestServer } from '../testing/test-server.ts';

interface Result {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

let prod: TestServer;
let dev: TestServer;
beforeAll(async () => {
  [prod, dev] = await Promise.all([
    startTestServer({ production: true }),
    startTestServer({ production: false }),
  ]);
  for (const server of [prod, dev])
    await seedRun(server.db, { projectId: server.defaultProjectId });
});
afterAll(async () => {
  await Promise.all([prod?.stop(), dev?.stop()]);
});

/** One operation over graphql-ws (queries run there too, not only subscriptions). */
async function overWebSocket(server: TestServer, query: string): Promise<Result> {
  const client = createClient({
    url: `${server.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${server.adminToken}` },
  });
  try {
    return await new Promise<Result>((resolve, reject) => {
      let result: Result = {};
      client.subscribe(
        { query },
        {
          next: (value) => (result = value as Result),
          error: (error) =>
            Array.isArray(error) ? resolve({ errors: error as Result['errors'] }) : reject(error),
          complete: () => resolve(result),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

async function overHttp(server: TestServer, query: string): Promise<Result> {
  return server.request(query);
}

const transports = [
  ['HTTP', overHttp],
  ['WebSocket', overWebSocket],
] as const;

/** Whatever a response says, it names no table, no SQL, no server path and no stack. */
function leaksNothing(result: Result) {
  const text = JSON.stringify(result);
  expect(text).not.toMatch(/SQLITE|select |run_note|no such table/i);
  expect(text).not.toMatch(/\/(tmp|srv|home|work)\//);
  expect(text).not.toContain('stacktrace');
  for (const error of result.errors ?? []) {
    expect(typeof error.extensions?.code).toBe('string');
  }
}

describe.each(transports)('production policy over %s', (_name, send) => {
  it('refuses introspection', async () => {
    const result = await send(prod, '{ __schema { types { name } } }');
    expect(result.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/introspection is not allowed/i),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(result.data ?? null).toBeNull();
    leaksNothing(result);
    const typeQuery = await send(prod, '{ __type(name: "Run") { fields { name } } }');
    expect(typeQuery.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('gives no "Did you mean" suggestions', async () => {
    const result = await send(prod, '{ me { nme } }');
    expect(result.errors?.[0].message).toBe('Cannot query field "nme" on type "Me".');
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('masks an internal error: no SQL, no table, a code', async () => {
    // A broken table makes the note resolver fail inside the database driver.
    await prod.db.fork().getConnection().execute('alter table run_note rename to run_note_gone');
    try {
      const result = await send(prod, '{ runs(first: 1) { edges { node { id note } } } }');
      expect(result.errors).toEqual([
        {
          message: 'internal error',
          path: expect.any(Array),
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ]);
      leaksNothing(result);
    } finally {
      await prod.db.fork().getConnection().execute('alter table run_note_gone rename to run_note');
    }
  });

  it('also outside production: every error has a code, and no stack or server path', async () => {
    for (const query of ['{ me { nme } }', '{ runs(first: 0) { totalCount } }', '{ me { ']) {
      const result = await send(dev, query);
      expect(result.errors?.length, query).toBeGreaterThan(0);
      expect(JSON.stringify(result)).not.toContain('stacktrace');
      for (const error of result.errors ?? []) expect(typeof error.extensions?.code).toBe('string');
    }
  });
});
