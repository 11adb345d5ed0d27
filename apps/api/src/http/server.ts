/**
 * Strand's server: one port for GraphQL over HTTP (Apollo Server 5 on node:http), GraphQL over
 * WebSocket (graphql-ws, same path), health, and the built dashboard. Parts: open the store and
 * the job runner; build the schema; wire HTTP; wire WebSocket; close in reverse order.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { openDatabase } from '@strand/data';
import type { StrandDatabase } from '@strand/data';
import { createEventBus, Jobs } from '@strand/jobs';
import type { StrandContext } from '../context.ts';
import { buildStrandSchema } from '../schema/build-schema.ts';
import { handleGraphQLHttp } from './graphql-http.ts';
import { serveStatic } from './static-files.ts';

export interface StrandServerOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  dataDir: string;
  /** The built dashboard (apps/dashboard/dist); not served when absent. */
  dashboardDir?: string | null;
  production?: boolean;
  /** Training runs at once (default 1). */
  concurrency?: number;
}

export interface StrandServer {
  url: string;
  port: number;
  db: StrandDatabase;
  jobs: Jobs;
  close(): Promise<void>;
}

export async function startStrandServer(options: StrandServerOptions): Promise<StrandServer> {
  const db = await openDatabase({ dataDir: options.dataDir });
  const bus = createEventBus();
  const jobs = new Jobs(db, bus, {
    concurrency: options.concurrency ?? 1,
    onError: (runId, error) =>
      console.error(`strand: job ${runId} failed unexpectedly: ${(error as Error).message}`),
  });
  await jobs.recover();
  const schema = await buildStrandSchema(bus);
  const production = options.production ?? false;

  const apollo = new ApolloServer<StrandContext>({
    schema,
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
  });
  await apollo.start();
  const contextFor = async (): Promise<StrandContext> => ({ db, em: db.fork(), jobs });

  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = async () => {
      if (url.pathname === '/graphql') return handleGraphQLHttp(apollo, req, res, contextFor);
      if (url.pathname === '/health') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 'ok' }));
        return;
      }
      if (options.dashboardDir && req.method === 'GET')
        return serveStatic(options.dashboardDir, url.pathname, res);
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    };
    route().catch((error: unknown) => {
      console.error(`strand: ${req.method} ${url.pathname} failed: ${(error as Error).message}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          errors: [{ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        }),
      );
    });
  });

  const wss = new WebSocketServer({ server: http, path: '/graphql' });
  const wsServer = useServer<Record<string, unknown>>({ schema, context: contextFor }, wss);

  await new Promise<void>((resolve) =>
    http.listen(options.port, options.host ?? '127.0.0.1', resolve),
  );
  const port = (http.address() as AddressInfo).port;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      await jobs.close();
      await wsServer.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await apollo.stop();
      await db.close();
    })());

  return { url: `http://${host}:${port}`, port, db, jobs, close };
}
