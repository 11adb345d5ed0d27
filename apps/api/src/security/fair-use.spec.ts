/**
 * Issue 18's strangers and greedy members: bad-token floods, per-user limits, huge unauthenticated
 * WebSocket frames, socket caps, slow headers and slow bodies. No timing is asserted beyond
 * generous bounds: the machine running this may be slow and busy.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiToken, User } from '@strand/data';
import { startTestServer } from '../testing/test-server.ts';
import type { TestServer } from '../testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    limits: { headersTimeoutMs: 500, bodyTimeoutMs: 500, wsMaxPerAddress: 40, wsMaxPerUser: 2 },
  });
});
afterAll(async () => {
  await server?.stop();
});

/** One POST /graphql from a chosen loopback source address (Linux routes all of 127/8 locally). */
function post(
  target: TestServer,
  token: string,
  localAddress = '127.0.0.1',
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${target.url}/graphql`);
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: '/graphql',
        method: 'POST',
        localAddress,
        agent: false,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ query: '{ me { name } }' }));
  });
}

async function tokenLookups(target: TestServer): Promise<number> {
  const text = await (await fetch(`${target.url}/metrics`)).text();
  return Number(/^strand_auth_token_lookups_total (\d+)$/m.exec(text)?.[1]);
}

/** Runs `tasks` with at most `width` at once. */
async function pooled<T>(count: number, width: number, task: (i: number) => Promise<T>) {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

describe('strangers', () => {
  it('1,000 bad-token requests from one address: 429s after a few, no database lookup each', async () => {
    // 20 failures at once, then one per 10 s: the limit is reached however slow this machine is.
    const flooded = await startTestServer({
      limits: { failedAuthBurst: 20, failedAuthPerSecond: 0.1 },
    });
    try {
      await flood(flooded);
    } finally {
      await flooded.stop();
    }
  });

  async function flood(server: TestServer) {
    const before = await tokenLookups(server);
    const answers = await pooled(1000, 20, (i) => post(server, `strand_bad_${i}`));
    const statuses = answers.map((a) => a.status);
    const refused = statuses.filter((s) => s === 429).length;
    const unauthorised = statuses.filter((s) => s === 401).length;
    expect(refused + unauthorised).toBe(1000);
    expect(refused).toBeGreaterThanOrEqual(900);
    expect((await tokenLookups(server)) - before).toBe(unauthorised);
    const body = JSON.parse(answers[answers.length - 1].body) as {
      errors: { message: string; extensions: { code: string } }[];
    };
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(body.errors[0].message).toMatch(/^too many failed authentications from this address/);
    // Another address is not affected, nor is a valid token the server knows from this one.
    expect((await post(server, 'strand_bad_other', '127.0.0.2')).status).toBe(401);
    expect((await post(server, server.adminToken, '127.0.0.3')).status).toBe(200);
    expect((await post(server, server.adminToken)).status).toBe(200);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    // A WebSocket upgrade from the flooding address is refused before any frame.
    const upgrade = await new Promise<number>((resolve) => {
      const ws = new WebSocket(
        `${server.url.replace('http', 'ws')}/graphql`,
        'graphql-transport-ws',
      );
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => undefined);
    });
    expect(upgrade).toBe(429);
  }

  it('five unauthenticated 99 MB WebSocket frames are refused unread: memory grows < 50 MB', async () => {
    const target = await startTestServer();
    try {
      const url = new URL(target.url);
      global.gc?.();
      const before = process.memoryUsage();
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const sendHugeFrame = () =>
        new Promise<{ bytesSent: number; closed: boolean }>((resolve) => {
          const socket: Socket = connect(Number(url.port), url.hostname);
          let sent = 0;
          let upgraded = false;
          socket.on('error', () => undefined);
          socket.once('close', () => resolve({ bytesSent: sent, closed: true }));
          socket.on('data', (data: Buffer) => {
            if (upgraded || !data.toString('latin1').startsWith('HTTP/1.1 101')) return;
            upgraded = true;
            // A masked binary frame header announcing 99 MB (64-bit length), then its bytes.
            const size = 99 * 1024 * 1024;
            const header = Buffer.alloc(14);
            header[0] = 0x82;
            header[1] = 0x80 | 127;
            header.writeBigUInt64BE(BigInt(size), 2);
            socket.write(header);
            const pump = () => {
              while (sent < size && !socket.destroyed) {
                sent += chunk.length;
                if (!socket.write(chunk)) return void socket.once('drain', pump);
              }
            };
            pump();
          });
          socket.write(
            [
              'GET /graphql HTTP/1.1',
              `Host: ${url.host}`,
              'Upgrade: websocket',
              'Connection: Upgrade',
              'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
              'Sec-WebSocket-Version: 13',
              'Sec-WebSocket-Protocol: graphql-transport-ws',
              '',
              '',
            ].join('\r\n'),
          );
        });
      const results = await Promise.all(Array.from({ length: 5 }, sendHugeFrame));
      // The server closed each socket long before 99 MB arrived.
      for (const result of results) {
        expect(result.closed).toBe(true);
        expect(result.bytesSent).toBeLessThan(99 * 1024 * 1024);
      }
      global.gc?.();
      const after = process.memoryUsage();
      const grown = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
      expect(grown).toBeLessThan(50 * 1024 * 1024);
      expect((await fetch(`${target.url}/health`)).status).toBe(200);
    } finally {
      await target.stop();
    }
  });

  it('caps WebSockets per address and per user', async () => {
    const wsUrl = `${server.url.replace('http', 'ws')}/graphql`;
    const open = (token: string, localAddress: string) =>
      new Promise<{ socket: WebSocket; status: number; closed?: number }>((resolve) => {
        const socket = new WebSocket(wsUrl, 'graphql-transport-ws', { localAddress });
        socket.on('error', () => undefined);
        socket.on('unexpected-response', (_req, res) =>
          resolve({ socket, status: res.statusCode ?? 0 }),
        );
        socket.on('open', () => {
          socket.send(
            JSON.stringify({
              type: 'connection_init',
              payload: { authorization: `Bearer ${token}` },
            }),
          );
          socket.on('message', () => resolve({ socket, status: 101 }));
          socket.on('close', (code) => resolve({ socket, status: 101, closed: code }));
        });
      });
    // Per user: two sockets, the third is closed with 1013 (try again later).
    const user = await server.createUser('socket-hog', {});
    const first = await open(user.token, '127.0.0.4');
    const second = await open(user.token, '127.0.0.4');
    const third = await open(user.token, '127.0.0.4');
    expect([first.closed, second.closed, third.closed]).toEqual([undefined, undefined, 1013]);
    for (const s of [first, second, third]) s.socket.close();
    // Per address: 40 sockets without a word; the 41st upgrade is refused with 429.
    const idle = await Promise.all(
      Array.from(
        { length: 40 },
        () =>
          new Promise<WebSocket>((resolve, reject) => {
            const socket = new WebSocket(wsUrl, 'graphql-transport-ws', {
              localAddress: '127.0.0.5',
            });
            socket.on('open', () => resolve(socket));
            socket.on('error', reject);
          }),
      ),
    );
    const over = await open(server.adminToken, '127.0.0.5');
    expect(over.status).toBe(429);
    idle.forEach((s) => s.terminate());
  });
});

describe('per user', () => {
  it('more tokens buy no more requests: the per-user limit spans them', async () => {
    const limited = await startTestServer({
      limits: { ratePerSecond: 1000, rateBurst: 1000, userRatePerSecond: 2, userRateBurst: 10 },
    });
    try {
      const { id, token } = await limited.createUser('minter', {});
      const em = limited.db.fork();
      const user = await em.findOneOrFail(User, { id });
      const tokens = [token];
      for (let i = 0; i < 3; i++) tokens.push((await issueApiToken(em, user, `more ${i}`)).token);
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) => post(limited, tokens[i % tokens.length])),
      );
      const refused = answers.filter((a) => a.status === 429);
      expect(refused.length).toBeGreaterThanOrEqual(20);
      expect(JSON.parse(refused[0].body).errors[0].message).toMatch(
        /^rate limit of 2 requests\/s \(burst 10\) per user exceeded; retry in \d+ s$/,
      );
      // Another user is not affected.
      const other = await limited.createUser('bystander', {});
      expect((await post(limited, other.token)).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });
});

describe('slow clients', () => {
  const rawSocket = () => {
    const url = new URL(server.url);
    const socket = connect(Number(url.port), url.hostname);
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (data: string) => (received += data));
    socket.on('error', () => undefined);
    const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(received)));
    return { socket, closed };
  };

  it('headers that never end: the connection is closed (408) after the headers timeout', async () => {
    const { socket, closed } = rawSocket();
    socket.write('POST /graphql HTTP/1.1\r\nHost: strand\r\nX-Slow: 1\r\n');
    const drip = setInterval(() => socket.write('X-Slow: 1\r\n'), 100);
    try {
      expect(await closed).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      clearInterval(drip);
    }
  });

  it('a GraphQL body that trickles: 408 REQUEST_TIMEOUT, then the connection closes', async () => {
    const { socket, closed } = rawSocket();
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: strand\r\nContent-Type: application/json\r\nAuthorization: Bearer ${server.adminToken}\r\nContent-Length: 1000\r\n\r\n{"query":`,
    );
    const drip = setInterval(() => socket.write(' '), 100);
    try {
      const answer = await closed;
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(answer).toContain('"code":"REQUEST_TIMEOUT"');
    } finally {
      clearInterval(drip);
    }
  });
});
