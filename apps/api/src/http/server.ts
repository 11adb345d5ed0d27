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
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { openDatabase } from '@strand/data';
import type { ArtifactObjectStore, StrandDatabase } from '@strand/data';
import { connectCluster, createEventBus, Jobs } from '@strand/jobs';
import { AccessChanges } from '../auth/access-changes.ts';
import { authCache } from '../auth/auth-cache.ts';
import { authenticate } from '../auth/authenticate.ts';
import type { ProjectCreators } from '../auth/project-creators.ts';
import type { StrandContext } from '../context.ts';
import { budgetPlugin } from '../limits/budget-plugin.ts';
import { budgetSchema } from '../limits/budgeted-schema.ts';
import { DEFAULT_LIMITS } from '../limits/limits.ts';
import type { ApiLimits } from '../limits/limits.ts';
import { operationPolicy } from '../limits/operation-policy.ts';
import { FailedAuthLimit } from '../limits/failed-auth-limit.ts';
import { createRateLimit } from '../limits/rate-limit.ts';
import { HttpMetrics } from '../observability/http-metrics.ts';
import type { RouteName } from '../observability/http-metrics.ts';
import { renderJobMetrics } from '../observability/job-metrics.ts';
import { silentLogger } from '../observability/logger.ts';
import type { Logger } from '../observability/logger.ts';
import { tokenPrefixOf } from '../observability/token-prefix.ts';
import { buildStrandSchema } from '../schema/build-schema.ts';
import { handleGraphQLHttp } from './graphql-http.ts';
import { attachGraphQLWebSocket, clientAddress } from './graphql-ws.ts';
import { handleJobFile, isJobFilePath } from './job-files.ts';
import { handleJobReference, isJobReferencePath } from './job-reference.ts';
import { requestUrl } from './request-url.ts';
import { setSecurityHeaders } from './security-headers.ts';
import { DEFAULT_UPLOAD_LIMIT_BYTES, handleUpload } from './upload.ts';
import { serveStatic } from './static-files.ts';

export interface StrandServerOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  dataDir: string;
  /** PostgreSQL instead of SQLite in dataDir (STRAND_DATABASE_URL). */
  databaseUrl?: string;
  /**
   * Where artifacts live (STRAND_ARTIFACT_DIR; default dataDir/artifacts), or with
   * artifactRemote this replica's local copy of them (default dataDir/artifact-cache).
   */
  artifactDir?: string;
  /** An object store (an S3 bucket: STRAND_ARTIFACT_URL) holding the artifacts. */
  artifactRemote?: ArtifactObjectStore;
  /**
   * STRAND_REDIS_URL: scaled-out mode. This replica queues runs and jobs on BullMQ (apps/worker
   * processes run them) and relays subscriptions through Redis pub/sub, so any replica streams
   * progress of work started through any other.
   */
  redisUrl?: string;
  /** STRAND_QUEUE_PREFIX: Redis key prefix of the queues and channels (default `strand`); the
   * workers of the cluster must use the same. */
  queuePrefix?: string;
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
  /** Who may create projects (default `editor`: EDITORs and ADMINs of any project). */
  projectCreators?: ProjectCreators;
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
  if (isJobReferencePath(pathname)) return 'job_reference';
  return hasDashboard && method === 'GET' ? 'static' : 'not_found';
}

export async function startStrandServer(options: StrandServerOptions): Promise<StrandServer> {
  const logger = options.logger ?? silentLogger();
  // openDatabase applies pending migrations before it returns: from here on the DB is ready.
  const db = await openDatabase({
    dataDir: options.dataDir,
    databaseUrl: options.databaseUrl,
    artifactDir: options.artifactDir,
    artifactRemote: options.artifactRemote,
  });
  let accepting = true;
  const cluster = options.redisUrl
    ? connectCluster(options.redisUrl, {
        consume: false,
        ...(options.queuePrefix ? { prefix: options.queuePrefix } : {}),
      })
    : null;
  const bus = cluster?.bus ?? createEventBus();
  const httpMetrics = new HttpMetrics();
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const jobs = new Jobs(db, bus, {
    ...(cluster ? { engine: cluster.engine } : {}),
    concurrency: options.concurrency ?? 1,
    projectQueueLimit: limits.projectQueueLimit,
    projectRunningLimit: limits.projectRunningLimit,
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
  const schema = budgetSchema(await buildStrandSchema(bus));
  const production = options.production ?? false;

  // Unexpected errors: their name and stack frames go to the log (the message may quote data).
  const policy = operationPolicy(limits, production, (error) =>
    logger.error(
      {
        component: 'graphql',
        errorName: (error as Error)?.name,
        stack: String((error as Error)?.stack ?? '')
          .split('\n')
          .slice(1, 8)
          .join('\n'),
      },
      'unexpected error',
    ),
  );
  const rateLimit = createRateLimit(limits);
  const failedAuth = new FailedAuthLimit(limits.failedAuthPerSecond, limits.failedAuthBurst);
  const guardFor = (address: string) => ({
    address,
    limit: failedAuth,
    onLookup: () => httpMetrics.countTokenLookup(),
  });
  const access = new AccessChanges(authCache);

  const apollo = new ApolloServer<StrandContext>({
    schema,
    // The policy's own rule refuses introspection in production, over HTTP and WebSocket alike.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    validationRules: policy.validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
    formatError: policy.formatError,
    plugins: [ApolloServerPluginLandingPageDisabled(), budgetPlugin()],
  });
  await apollo.start();
  /**
   * A request's context: its caller (or UNAUTHENTICATED, HTTP 401; RATE_LIMITED, 429, for an
   * address that failed too often), after the rate limits.
   */
  const contextFor = async (
    authorization: string | undefined,
    address: string,
  ): Promise<StrandContext> => {
    const em = db.fork();
    const viewer = await authenticate(em, authorization, guardFor(address));
    rateLimit(viewer);
    return {
      db,
      em,
      jobs,
      viewer,
      budget: policy.budget(),
      access,
      projectCreators: options.projectCreators ?? 'editor',
    };
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

  const http = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // How often Node checks the two timeouts above (its default, 30 s, would let slow headers
      // hold a connection for up to 30 s past the limit).
      connectionsCheckingInterval: Math.max(100, Math.min(5_000, limits.headersTimeoutMs / 4)),
    },
    (req, res) => {
      setSecurityHeaders(res);
      const url = requestUrl(req);
      if (!url) {
        observe(req, res, '(malformed)');
        req.resume();
        return sendJson(res, 400, {
          errors: [{ message: 'malformed request URL', extensions: { code: 'BAD_REQUEST' } }],
        });
      }
      observe(req, res, url.pathname);
      const address = clientAddress(req);
      const context = () => contextFor(req.headers.authorization, address);
      const route = async () => {
        if (url.pathname === '/graphql')
          return handleGraphQLHttp(apollo, req, res, context, limits.bodyTimeoutMs);
        if (url.pathname === '/upload') {
          const limit = Number(process.env.STRAND_UPLOAD_LIMIT_BYTES ?? DEFAULT_UPLOAD_LIMIT_BYTES);
          return handleUpload(req, res, url, context, limit);
        }
        if (isJobFilePath(url.pathname)) return handleJobFile(req, res, url, context);
        if (isJobReferencePath(url.pathname)) return handleJobReference(req, res, url, context);
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
          return serveStatic(options.dashboardDir, url.pathname, res, req.headers);
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
    },
  );
  // Connections idle either way this long are closed (a slow body that stops sending); caps on
  // sockets in all. WebSockets clear the idle timer (ws) and have their own keep-alive.
  http.setTimeout(limits.idleTimeoutMs);
  http.maxConnections = limits.maxConnections;

  const graphqlWs = attachGraphQLWebSocket({
    http,
    schema,
    policy,
    caps: limits,
    refuseAddress: (address) => {
      try {
        failedAuth.check(address);
        return null;
      } catch (error) {
        return { status: 429, message: (error as Error).message };
      }
    },
    authenticate: async (authorization, request) => {
      const viewer = await authenticate(db.fork(), authorization, guardFor(clientAddress(request)));
      return { userId: viewer.userId };
    },
    context: (authorization, request) => contextFor(authorization, clientAddress(request)),
  });
  // Narrowed access ends at once on open sockets too: their clients reconnect and re-authenticate.
  access.onChange((userIds) => graphqlWs.closeForUsers(userIds));

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
      await graphqlWs.dispose();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await apollo.stop();
      await cluster?.close();
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
