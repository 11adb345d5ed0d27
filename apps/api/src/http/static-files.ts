// The built dashboard, served by the API: path checks, the SPA fallback to index.html, caching
// headers, and compression. Text files (html, js, css, svg, json) go out brotli- or
// gzip-compressed as the browser accepts, compressed once per file version and kept in memory
// (the dashboard's dist is a few hundred kB), so no request pays brotli's best quality twice.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { negotiateEncoding } from './content-encoding.ts';
import type { ContentEncoding } from './content-encoding.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Worth compressing: text. PNG and WOFF2 are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json']);
/** Below this a compressed body saves less than its headers cost. */
const MIN_COMPRESS_BYTES = 512;
/** Above this a file is streamed as it is rather than held in memory. */
const MAX_COMPRESS_BYTES = 16 * 1024 * 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

interface Compressed {
  /** The file version the bodies are of. */
  mtimeMs: number;
  size: number;
  bodies: Partial<Record<ContentEncoding, Promise<Buffer>>>;
}
/** By absolute path; a changed file (a rebuild) replaces its entry. */
const compressedFiles = new Map<string, Compressed>();

/** The file's body in `encoding`, made at most once per file version (zlib runs off-thread). */
function compressedBody(
  file: string,
  info: { mtimeMs: number; size: number },
  encoding: ContentEncoding,
): Promise<Buffer> {
  const known = compressedFiles.get(file);
  const entry =
    known && known.mtimeMs === info.mtimeMs && known.size === info.size
      ? known
      : { mtimeMs: info.mtimeMs, size: info.size, bodies: {} };
  compressedFiles.set(file, entry);
  const cached = entry.bodies[encoding];
  if (cached) return cached;
  const made = readFile(file).then((raw) =>
    encoding === 'br'
      ? brotli(raw, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          },
        })
      : gzipAsync(raw, { level: constants.Z_BEST_COMPRESSION }),
  );
  // A failed read is not remembered: the next request tries again.
  made.catch(() => {
    if (entry.bodies[encoding] === made) delete entry.bodies[encoding];
  });
  entry.bodies[encoding] = made;
  return made;
}

/**
 * Serves the built dashboard from `root`. Unknown paths get index.html (client-side routes);
 * paths that try to leave `root` are refused. Text files are sent compressed when the request's
 * Accept-Encoding allows (brotli first, then gzip), with `Vary: Accept-Encoding`.
 */
export async function serveStatic(
  root: string,
  pathname: string,
  res: ServerResponse,
  requestHeaders: IncomingHttpHeaders = {},
): Promise<void> {
  const decoded = decodeURIComponent(pathname);
  const target = normalize(join(root, decoded));
  if (target !== root && !target.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  let file = target;
  const info = await stat(file).catch(() => null);
  if (!info || info.isDirectory()) file = join(root, 'index.html');
  const exists = await stat(file).catch(() => null);
  if (!exists) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('The dashboard is not built. Run: npm run dashboard:build');
    return;
  }
  const immutable = file.includes(`${sep}assets${sep}`);
  const headers: Record<string, string | number> = {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  const compressible = COMPRESSIBLE.has(extname(file));
  // Caches must keep the encodings apart, also for the identity answer to a client without any.
  if (compressible) headers['vary'] = 'Accept-Encoding';
  const encoding =
    compressible && exists.size >= MIN_COMPRESS_BYTES && exists.size <= MAX_COMPRESS_BYTES
      ? negotiateEncoding(requestHeaders['accept-encoding'])
      : null;
  if (encoding) {
    const body = await compressedBody(file, exists, encoding);
    res.writeHead(200, {
      ...headers,
      'content-encoding': encoding,
      'content-length': body.length,
    });
    res.end(body);
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': exists.size });
  createReadStream(file).pipe(res);
}
