/**
 * GraphQL over WebSocket (graphql-transport-ws, graphql-ws's server core on `ws`), under the same
 * OperationPolicy as HTTP: the limit rules, introspection, the error format and the runtime
 * budget. graphql-ws's own `ws` glue (`graphql-ws/use/ws`) is replaced by the few lines below so
 * that frames are capped (maxPayload, before any parsing: a 99 MB frame is refused unread), a
 * socket error is answered with a close rather than a console line, and the server can close the
 * sockets of a user whose access changed (revoked token, removed member). Upgrades are admitted
 * here too: at most so many sockets in all, per client address and per user, and none from an
 * address that failed to authenticate too often.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { GraphQLError, parse, specifiedRules, validate } from 'graphql';
import type { ExecutionResult, GraphQLSchema } from 'graphql';
import { CloseCode, makeServer } from 'graphql-ws';
import type { WebSocket } from 'ws';
import { WebSocketServer } from 'ws';
import type { StrandContext } from '../context.ts';
import { formatErrors } from '../limits/format-error.ts';
import type { OperationPolicy } from '../limits/operation-policy.ts';
import { exceededError } from '../limits/query-budget.ts';
import { sharedSubscribe } from './shared-subscribe.ts';

/** Frames above this are refused before they are read (ws closes with 1009). */
export const WS_MAX_PAYLOAD_BYTES = 1024 * 1024;
/** Operations one socket may have running at once. */
export const WS_MAX_OPERATIONS = 100;
/** Interval of keep-alive pings; a socket that misses one pong is dropped. */
const KEEP_ALIVE_MS = 12_000;
/** Close code for a socket whose user's access changed; graphql-ws clients reconnect. */
export const ACCESS_CHANGED_CLOSE = 4403;
/** Close code for a socket over the per-user cap (1013: try again later). */
export const TRY_AGAIN_LATER_CLOSE = 1013;

/** The caps on open sockets (ApiLimits). */
export interface WebSocketCaps {
  wsMaxConnections: number;
  wsMaxPerAddress: number;
  wsMaxPerUser: number;
}

/** The client address of a request (the TCP peer). */
export function clientAddress(request: IncomingMessage): string {
  return request.socket.remoteAddress ?? 'unknown';
}

interface Extra {
  socket: WebSocket;
  request: IncomingMessage;
  authorization?: string;
  userId?: string;
}

export interface GraphQLWebSocketOptions {
  http: HttpServer;
  schema: GraphQLSchema;
  policy: OperationPolicy;
  caps: WebSocketCaps;
  /** Why an address may not open a socket now (e.g. it failed authentication too often); null: it may. */
  refuseAddress(address: string): { status: number; message: string } | null;
  /** The caller of an Authorization value (throws when it is not valid). */
  authenticate(authorization: string, request: IncomingMessage): Promise<{ userId: string }>;
  /** A fresh context for one operation (throws UNAUTHENTICATED or RATE_LIMITED). */
  context(authorization: string, request: IncomingMessage): Promise<StrandContext>;
}

export interface GraphQLWebSocket {
  /** Closes the sockets of these users (their access changed): they reconnect and re-authenticate. */
  closeForUsers(userIds: Iterable<string>): void;
  readonly connections: number;
  dispose(): Promise<void>;
}

export function attachGraphQLWebSocket(options: GraphQLWebSocketOptions): GraphQLWebSocket {
  const { schema, policy } = options;
  const { caps } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_PAYLOAD_BYTES });
  const byUser = new Map<string, Set<WebSocket>>();
  const byAddress = new Map<string, number>();
  const userOf = new WeakMap<WebSocket, string>();
  const rules = [...specifiedRules, ...policy.validationRules];

  const server = makeServer<Record<string, unknown>, Extra>({
    schema,
    // Progress events are executed once per event for all who follow the run or job alike.
    subscribe: sharedSubscribe(),
    // connection_init must carry `authorization: "Bearer <token>"`; else close with 4401.
    onConnect: async (ctx) => {
      const authorization = ctx.connectionParams?.authorization;
      try {
        if (typeof authorization !== 'string') throw new Error('no API token');
        const { userId } = await options.authenticate(authorization, ctx.extra.request);
        let sockets = byUser.get(userId);
        if (!sockets) byUser.set(userId, (sockets = new Set()));
        if (sockets.size >= caps.wsMaxPerUser) {
          ctx.extra.socket.close(
            TRY_AGAIN_LATER_CLOSE,
            `at most ${caps.wsMaxPerUser} WebSockets per user`,
          );
          return false;
        }
        ctx.extra.authorization = authorization;
        ctx.extra.userId = userId;
        sockets.add(ctx.extra.socket);
        userOf.set(ctx.extra.socket, userId);
        return true;
      } catch {
        ctx.extra.socket.close(
          4401,
          'Unauthorized: connectionParams.authorization must be "Bearer <valid token>"',
        );
        return false;
      }
    },
    // Each operation re-reads the caller's memberships and passes the same checks as HTTP.
    onSubscribe: async (ctx, _id, payload) => {
      if (Object.keys(ctx.subscriptions).length > WS_MAX_OPERATIONS) {
        return [
          new GraphQLError(`at most ${WS_MAX_OPERATIONS} operations at once per connection`, {
            extensions: { code: 'TOO_MANY_OPERATIONS' },
          }),
        ];
      }
      let context: StrandContext;
      try {
        context = await options.context(ctx.extra.authorization ?? '', ctx.extra.request);
      } catch (error) {
        return [error instanceof GraphQLError ? error : new GraphQLError('internal error')];
      }
      let document;
      try {
        document = parse(payload.query, { maxTokens: policy.limits.maxTokens });
      } catch (error) {
        if (error instanceof GraphQLError) {
          // Apollo's code for the same failure over HTTP.
          return [
            new GraphQLError(error.message, {
              ...error,
              extensions: { code: 'GRAPHQL_PARSE_FAILED' },
            }),
          ];
        }
        throw error;
      }
      const errors = validate(schema, document, rules);
      if (errors.length) {
        return errors.map(
          (e) =>
            new GraphQLError(e.message, {
              nodes: e.nodes,
              originalError: e,
              extensions: { ...e.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
            }),
        );
      }
      return {
        schema,
        document,
        variableValues: payload.variables,
        operationName: payload.operationName,
        contextValue: context,
      };
    },
    onError: (_ctx, _id, _payload, errors) => formatErrors(policy.formatError, errors),
    onNext: (_ctx, _id, _payload, args, result: ExecutionResult) => {
      const exceeded = exceededError((args.contextValue as StrandContext).budget);
      if (exceeded) return { errors: [exceeded] };
      if (!result.errors?.length) return result;
      return { ...result, errors: formatErrors(policy.formatError, result.errors) };
    },
  });

  const refuseUpgrade = (socket: Duplex, status: number, message: string) => {
    const reason =
      status === 429 ? 'Too Many Requests' : status === 404 ? 'Not Found' : 'Service Unavailable';
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nconnection: close\r\ncontent-type: text/plain\r\ncontent-length: ${Buffer.byteLength(message)}\r\n\r\n${message}`,
    );
  };
  options.http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/graphql') return refuseUpgrade(socket, 404, 'not found');
    const address = clientAddress(request);
    const refused = options.refuseAddress(address);
    if (refused) return refuseUpgrade(socket, refused.status, refused.message);
    if (wss.clients.size >= caps.wsMaxConnections)
      return refuseUpgrade(socket, 503, `at most ${caps.wsMaxConnections} WebSockets at once`);
    const open = byAddress.get(address) ?? 0;
    if (open >= caps.wsMaxPerAddress)
      return refuseUpgrade(socket, 429, `at most ${caps.wsMaxPerAddress} WebSockets per address`);
    byAddress.set(address, open + 1);
    let counted = true;
    const uncount = () => {
      if (!counted) return;
      counted = false;
      const left = (byAddress.get(address) ?? 1) - 1;
      if (left > 0) byAddress.set(address, left);
      else byAddress.delete(address);
    };
    socket.once('close', uncount);
    wss.handleUpgrade(request, socket, head, (ws) => {
      ws.once('close', uncount);
      wss.emit('connection', ws, request);
    });
  });

  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    // ws reports a refused frame (over maxPayload, bad opcode) as an error and closes the socket.
    socket.on('error', () => socket.terminate());
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise((resolve) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(data, () => resolve());
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (data) => {
            handle(String(data)).catch(() =>
              socket.close(CloseCode.InternalServerError, 'internal error'),
            );
          }),
      },
      { socket, request },
    );
    // Keep-alive as graphql-ws's glue does it: a link that stops answering pings is dropped.
    let alive = true;
    socket.on('pong', () => (alive = true));
    const keepAlive = setInterval(() => {
      if (!alive) return socket.terminate();
      alive = false;
      socket.ping();
    }, KEEP_ALIVE_MS);
    socket.once('close', (code, reason) => {
      clearInterval(keepAlive);
      const userId = userOf.get(socket);
      const sockets = userId ? byUser.get(userId) : undefined;
      if (userId && sockets?.delete(socket) && sockets.size === 0) byUser.delete(userId);
      void closed(code, String(reason));
    });
  });

  return {
    closeForUsers(userIds) {
      for (const userId of userIds) {
        for (const socket of byUser.get(userId) ?? []) {
          socket.close(ACCESS_CHANGED_CLOSE, 'access changed: reconnect and authenticate again');
        }
      }
    },
    get connections() {
      return wss.clients.size;
    },
    async dispose() {
      for (const client of wss.clients) client.close(1001, 'Going away');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
