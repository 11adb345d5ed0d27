import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap } from '@apollo/server';
import type { ApolloServer, BaseContext, ContextThunk } from '@apollo/server';

/** Request bodies above this are refused (413) before they are parsed. */
export const MAX_GRAPHQL_BODY_BYTES = 1_000_000;

class BodyTooLargeError extends Error {}
class BodyTimeoutError extends Error {}

/** The body as text, refused past `limit` bytes or when it takes longer than `timeoutMs` (slow bodies). */
function readBody(req: IncomingMessage, limit: number, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      req.removeAllListeners('data');
      reject(new BodyTimeoutError());
    }, timeoutMs);
    req.once('close', () => clearTimeout(timer));
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop buffering but let the upload finish, so the client reads the 413 rather than a
        // reset connection; the response closes the connection (see handleGraphQLHttp).
        clearTimeout(timer);
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/**
 * Serves one GraphQL-over-HTTP request through Apollo Server on plain node:http (no express):
 * Apollo parses, validates and executes; this only moves bytes and headers.
 */
export async function handleGraphQLHttp<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  req: IncomingMessage,
  res: ServerResponse,
  context: ContextThunk<TContext>,
  bodyTimeoutMs: number,
): Promise<void> {
  let raw: string;
  try {
    raw = await readBody(req, MAX_GRAPHQL_BODY_BYTES, bodyTimeoutMs);
  } catch (error) {
    const [status, message, code] =
      error instanceof BodyTooLargeError
        ? [413, `request body over ${MAX_GRAPHQL_BODY_BYTES} bytes`, 'PAYLOAD_TOO_LARGE']
        : error instanceof BodyTimeoutError
          ? [408, `request body not received within ${bodyTimeoutMs} ms`, 'REQUEST_TIMEOUT']
          : [400, 'could not read request body', 'BAD_REQUEST'];
    if (res.writableEnded || res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
    res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
    // A slow sender is cut off once the answer is out, not read to the end.
    if (status === 408) res.once('finish', () => req.destroy());
    return;
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  let body: unknown = raw;
  if (raw && (headers.get('content-type') ?? '').includes('application/json')) {
    try {
      body = JSON.parse(raw);
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          errors: [
            { message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } },
          ],
        }),
      );
      return;
    }
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: (req.method ?? 'GET').toUpperCase(),
      headers,
      search: url.search,
      body,
    },
    context,
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
