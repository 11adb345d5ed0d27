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

// A budget small enough that 30 runs with a few fields each pass it.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ limits: { maxNodes: 200 } });
  const { datasetId } = await seedRun(server.db, { projectId: server.defaultProjectId });
  for (let i = 0; i < 29; i++) {
    await seedRun(server.db, { projectId: server.defaultProjectId, datasetId });
  }
});
afterAll(async () => {
  await server?.stop();
});

const BIG =
  '{ runs(first: 30) { edges { node { id status architecture seed epochs batchSize } } } }';
const SMALL = '{ runs(first: 5) { edges { node { id status } } } }';

async function overWebSocket(query: string): Promise<Result> {
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
          error: reject,
          complete: () => resolve(result),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

describe('the runtime budget (nodes returned, bytes, time)', () => {
  it.each([
    ['HTTP', (q: string) => server.request(q) as Promise<Result>],
    ['WebSocket', overWebSocket],
  ])(
    'stops an answer over the node budget with one QUERY_TOO_EXPENSIVE error over %s',
    async (_t, send) => {
      const big = await send(BIG);
      expect(big).toEqual({
        errors: [
          {
            message: expect.stringMatching(/^the answer is over 200 nodes: ask for fewer items/),
            extensions: { code: 'QUERY_TOO_EXPENSIVE' },
          },
        ],
      });
      const small = await send(SMALL);
      expect(small.errors).toBeUndefined();
      expect((small.data as { runs: { edges: unknown[] } }).runs.edges).toHaveLength(5);
    },
  );
});
