import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startStrandServer } from '../http/server.ts';
import type { StrandServer } from '../http/server.ts';

export interface GraphQLResponse<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export interface TestServer extends StrandServer {
  /** POSTs a GraphQL operation; returns the parsed response body. */
  request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** Collects a subscription's events until `until` says stop (or the stream ends). */
  subscribe<T>(
    query: string,
    variables: Record<string, unknown>,
    until: (event: T) => boolean,
  ): Promise<T[]>;
  stop(): Promise<void>;
}

/** A real server on a free loopback port with a fresh data directory. */
export async function startTestServer(): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'strand-api-'));
  const server = await startStrandServer({ port: 0, dataDir, dashboardDir: null });
  const ws = createClient({
    url: `${server.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    lazy: true,
  });
  return {
    ...server,
    async request<T>(
      query: string,
      variables?: Record<string, unknown>,
    ): Promise<GraphQLResponse<T>> {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GraphQLResponse<T>;
    },
    subscribe<T>(query: string, variables: Record<string, unknown>, until: (event: T) => boolean) {
      return new Promise<T[]>((resolve, reject) => {
        const events: T[] = [];
        const unsubscribe = ws.subscribe<T>(
          { query, variables },
          {
            next: (result) => {
              if (result.errors) return reject(new Error(JSON.stringify(result.errors)));
              events.push(result.data as T);
              if (until(result.data as T)) {
                unsubscribe();
                resolve(events);
              }
            },
            error: reject,
            complete: () => resolve(events),
          },
        );
      });
    },
    async stop() {
      await ws.dispose();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
