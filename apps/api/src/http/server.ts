/**
 * Strand's server: one port for GraphQL over HTTP (Apollo Server 5 on node:http), GraphQL over
 * WebSocket (graphql-ws, same path), health, and the built dashboard. Parts: open the store and
 * the job runner; build the schema; Apollo with the limits; authenticate each HTTP request;
 * wire HTTP; authenticate each WebSocket (connection_init) and check each subscription; close in
 * reverse order.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { GraphQLError, parse, specifiedRules, validate } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { openDatabase } from '@strand/data';
import type { StrandDatabase } from '@strand/data';
import { createEventBus, Jobs } from '@strand/jobs';
import { authenticate } from '../auth/authenticate.ts';
import type { StrandContext } from '../context.ts';
import { formatError } from '../limits/format-error.ts';
import { DEFAULT_LIMITS } from '../limits/limits.ts';
import type { ApiLimits } from '../limits/limits.ts';
import { createRateLimit } from '../limits/rate-limit.ts';
import { limitRules } from '../limits/validation-rules.ts';
import { HttpMetrics } from '../observability/http-metrics.ts';
import type { RouteName } from '../observability/http-metrics.ts';
import { renderJobMetrics } from '../observability/job-metrics.ts';
import { silentLogger } from '../observability/logger.ts';
import type { Logger } from '../observability/logger.ts';
import { tokenPrefixOf } from '../observability/token-prefix.ts';
import { buildStrandSchema } from '../schema/build-schema.ts';
import { handleGraphQLHttp } from './graphql-http.ts';
import { handleJobFile, isJobFilePath } from './job-files.ts';
import { DEFAULT_UPLOAD_LIMIT_BYTES, handleUpload } from './upload.ts';
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
  /** Request limits; missing ones take DEFAULT_LIMITS. */
  limits?: Partial<ApiLimits>;
  /** Structured logs (requests, job lifecycle); default: none. */
  logger?: Logger;
  /** A run with no progress for this long is STALLED (default 300). */
  stallSeconds?: number;
}

export interface StrandServer {
  url: string;
  port: number;
  db: StrandDatabase;
  jobs: Jobs;
  /** False once close() began: /ready answers 503 from then on. */
  readonly ready: boolean;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function routeOf(pathname: string, hasDashboard: boolean, method: string | undefined): RouteName {
  if (pathname === '/graphql') return 'graphql';
  if (pathname === '/health') return 'health';
  if (pathname === '/ready') return 'ready';
  if (pathname === '/metrics') return 'metrics';
  if (pathname === '/upload') return 'upload';
  if (isJobFilePath(pathname)) return 'job_files';
  return hasDashboard && method === 'GET' ? 'static' : 'not_found';
}

export async function startStrandServer(options: StrandServerOptions): Promise<StrandServer> {
  const logger = options.logger ?? silentLogger();
  // openDatabase applies pending migrations before it returns: from here on the DB is ready.
  const db = await openDatabase({ dataDir: options.dataDir });
  let accepting = true;
  const bus = createEventBus();
  const httpMetrics = new HttpMetrics();
  const jobs = new Jobs(db, bus, {
    concurrency: options.concurrency ?? 1,
    log: logger.child({ component: 'jobs' }),
    ...(options.stallSeconds !== undefined ? { stallSeconds: options.stallSeconds } : {}),
    // The error's message stays out: it may quote a value of the data.
    onError: (runId, error) =>
      logger.error(
        { component: 'jobs', runId, errorName: (error as Error)?.name },
        'job failed unexpectedly',
      ),
  });
  await jobs.recover();
  const schema = await buildStrandSchema(bus);
  const production = options.production ?? false;

  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const rules = limitRules(limits);
  const rateLimit = createRateLimit(limits.ratePerSecond, limits.rateBurst);

  const apollo = new ApolloServer<StrandContext>({
    schema,
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    validationRules: rules,
    parseOptions: { maxTokens: limits.maxTokens },
    formatError: formatError(production),
  });
  await apollo.start();
  /** A request's context: its caller (or UNAUTHENTICATED, HTTP 401), after the rate limit. */
  const contextFor = async (authorization: string | undefined): Promise<StrandContext> => {
    const em = db.fork();
    const viewer = await authenticate(em, authorization);
    rateLimit(viewer);
    return { db, em, jobs, viewer };
  };

  /** One log line and one metrics sample per finished request (path only: no query string). */
  const observe = (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    const started = performance.now();
    const route = routeOf(pathname, Boolean(options.dashboardDir), req.method);
    res.once('finish', () => {
      const seconds = (performance.now() - started) / 1000;
      httpMetrics.observe(req.method ?? 'GET', route, res.statusCode, seconds);
      if (route === 'health' || route === 'ready' || route === 'metrics') return;
      logger.info(
        {
          component: 'http',
          method: req.method,
          path: route === 'not_found' ? '(other)' : pathname,
          status: res.statusCode,
          durationMs: Math.round(seconds * 10_000) / 10,
          token: tokenPrefixOf(req.headers.authorization),
        },
        'request',
      );
    });
  };

  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    observe(req, res, url.pathname);
    const route = async () => {
      if (url.pathname === '/graphql')
        return handleGraphQLHttp(apollo, req, res, () => contextFor(req.headers.authorization));
      if (url.pathname === '/upload') {
        const limit = Number(process.env.STRAND_UPLOAD_LIMIT_BYTES ?? DEFAULT_UPLOAD_LIMIT_BYTES);
        return handleUpload(req, res, url, () => contextFor(req.headers.authorization), limit);
      }
      if (isJobFilePath(url.pathname))
        return handleJobFile(req, res, url, () => contextFor(req.headers.authorization));
      // Liveness: answers while the process runs. No token, no data.
      if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
      // Readiness: the database is open and migrated, and the server is not shutting down.
      if (url.pathname === '/ready') {
        const ok = accepting && (await db.orm.isConnected());
        return sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'unavailable' });
      }
      // Prometheus text format; counts and timings only, no token needed (see README).
      if (url.pathname === '/metrics') {
        const lines = [...(await renderJobMetrics(db, jobs)), ...httpMetrics.render()];
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
        res.end(`${lines.join('\n')}\n`);
        return;
      }
      if (options.dashboardDir && req.method === 'GET')
        return serveStatic(options.dashboardDir, url.pathname, res);
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    };
    route().catch((error: unknown) => {
      logger.error(
        {
          component: 'http',
          method: req.method,
          path: url.pathname,
          errorName: (error as Error)?.name,
        },
        'request failed',
      );
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          errors: [{ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        }),
      );
    });
  });

  const wss = new WebSocketServer({ server: http, path: '/graphql' });
  const wsServer = useServer<Record<string, unknown>, { authorization: string }>(
    {
      schema,
      // connection_init must carry `authorization: "Bearer <token>"`; else close with 4401.
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        try {
          if (typeof authorization !== 'string') throw new Error('no API token');
          await authenticate(db.fork(), authorization);
        } catch {
          ctx.extra.socket.close(
            4401,
            'Unauthorized: connectionParams.authorization must be "Bearer <valid token>"',
          );
          return false;
        }
        ctx.extra.authorization = authorization;
        return true;
      },
      // Each subscription re-reads the caller's memberships and passes the same limits as HTTP.
      onSubscribe: async (ctx, _id, payload) => {
        let context: StrandContext;
        try {
          context = await contextFor(ctx.extra.authorization);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('internal error')];
        }
        let document;
        try {
          document = parse(payload.query, { maxTokens: limits.maxTokens });
        } catch (error) {
          return [error as GraphQLError];
        }
        const errors = validate(schema, document, [...specifiedRules, ...rules]);
        if (errors.length) return errors;
        return {
          schema,
          document,
          variableValues: payload.variables,
          operationName: payload.operationName,
          contextValue: context,
        };
      },
    },
    wss,
  );

  await new Promise<void>((resolve) =>
    http.listen(options.port, options.host ?? '127.0.0.1', resolve),
  );
  const port = (http.address() as AddressInfo).port;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      accepting = false;
      logger.info({ component: 'server' }, 'shutting down: running jobs stop after their batch');
      await jobs.close();
      await wsServer.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await apollo.stop();
      await db.close();
    })());

  return {
    url: `http://${host}:${port}`,
    port,
    db,
    jobs,
    get ready() {
      return accepting;
    },
    close,
  };
}
