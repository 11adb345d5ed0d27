import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setSecurityHeaders } from './security-headers.ts';

export interface UnavailableServer {
  url: string;
  close(): Promise<void>;
}

/**
 * What the API serves when it cannot start (a damaged database): `/health` answers 200 (the
 * process lives, so an orchestrator does not restart it in a loop), `/ready` 503 with the reason,
 * everything else 503 SERVICE_UNAVAILABLE. The reason is a short phrase: the log has the details
 * (file names, what to do), never the clients.
 */
export async function startUnavailableServer(options: {
  port: number;
  host?: string;
  reason: string;
}): Promise<UnavailableServer> {
  const http = createServer((req, res) => {
    setSecurityHeaders(res);
    req.resume();
    const path = (req.url ?? '').split('?')[0];
    const [status, body] =
      path === '/health'
        ? [200, { status: 'ok' }]
        : path === '/ready'
          ? [503, { status: 'unavailable', reason: options.reason }]
          : [
              503,
              {
                errors: [
                  {
                    message: `the API is not serving: ${options.reason}`,
                    extensions: { code: 'SERVICE_UNAVAILABLE' },
                  },
                ],
              },
            ];
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) =>
    http.listen(options.port, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = http.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
