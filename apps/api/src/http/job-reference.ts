/**
 * GET (or HEAD) /jobs/<id>/reference/<file>: the reference FASTA a variant-scoring job (or an
 * explanation of genomic regions: REFERENCE_KINDS) was run on, for a genome browser (the dashboard's igv.js view) to read a window at a time. `file` is
 * `sequence` (the FASTA, plain or bgzip), `fai` (its index) or `gzi` (a bgzip FASTA's block
 * index). Single HTTP byte ranges (`Range: bytes=a-b`, `a-`, `-n`) answer 206, so a browser never
 * pulls a whole genome. Needs a Bearer token of a member (any role) of the job's project. An
 * unknown job, another project's job, a job of another kind, an unknown file name and a
 * reference no longer inside the import directory (or the artifact directory) all get the same
 * 404: a caller learns nothing about other projects or about the server's files.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Job } from '@strand/data';
import { importRoot, insideRoot } from '../auth/import-root.ts';
import type { StrandContext } from '../context.ts';
import { routeContext, sendError } from './route-context.ts';

const PATH = /^\/jobs\/([^/]+)\/reference\/([^/]+)$/;

/** Job kinds whose `params.reference` (a path inside the import directory) is served. */
const REFERENCE_KINDS: ReadonlySet<string> = new Set(['SCORE_VARIANTS', 'EXPLAIN_SEQUENCE']);

/** The files of a reference, by the name the route takes: the suffix on the FASTA's path. */
const FILES: Record<string, { suffix: string; type: string }> = {
  sequence: { suffix: '', type: 'application/octet-stream' },
  fai: { suffix: '.fai', type: 'text/tab-separated-values; charset=utf-8' },
  gzi: { suffix: '.gzi', type: 'application/octet-stream' },
};

/** Whether `pathname` is a job-reference route (matched before the dashboard's files). */
export function isJobReferencePath(pathname: string): boolean {
  return PATH.test(pathname);
}

/** A byte range of a file of `size` bytes: inclusive ends. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * The range a `Range` header asks for in a file of `size` bytes: null for no header (the whole
 * file), 'bad' (416) for one that lies past the end, asks for several ranges or is not a
 * bytes range. Ends past the file are clipped, as RFC 9110 says.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | null | 'bad' {
  if (header === undefined) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return 'bad';
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return 'bad';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return 'bad';
  return { start, end };
}

/** Whether `path` (a stored absolute path) still lies inside one of the server's data roots. */
async function allowedPath(path: string, artifactRoot: string): Promise<string | null> {
  const roots = [importRoot(), artifactRoot].filter((r): r is string => r !== null);
  for (const root of roots) {
    const real = await insideRoot(root, path);
    if (real) return real;
  }
  return null;
}

/** Handles one request; `context` authenticates (throws UNAUTHENTICATED / RATE_LIMITED). */
export async function handleJobReference(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  context: () => Promise<StrandContext>,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'GET a job reference file');
  }
  const ctx = await routeContext(res, context);
  if (!ctx) return;
  const [, rawId = '', rawName = ''] = PATH.exec(url.pathname) ?? [];
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part; // malformed escapes name no file: the lookup below answers 404
    }
  };
  const id = decode(rawId);
  const name = decode(rawName);
  const notFound = () =>
    sendError(
      res,
      404,
      'NOT_FOUND',
      `job ${id.slice(0, 60)} has no reference file "${name.slice(0, 60)}"`,
    );
  const file = Object.hasOwn(FILES, name) ? FILES[name] : undefined;
  if (!file) return notFound();
  const job = await ctx.em.findOne(Job, { id, project: { $in: ctx.viewer.projectIds } });
  const reference = job && REFERENCE_KINDS.has(job.kind) ? job.params.reference : undefined;
  if (typeof reference !== 'string') return notFound();
  // The stored path was inside the import directory when the job started; checked again now
  // (the directory may have moved, or a link inside it been changed since).
  const path = await allowedPath(`${reference}${file.suffix}`, ctx.db.artifacts.root);
  const size = path
    ? await stat(path).then(
        (s) => (s.isFile() ? s.size : null),
        () => null,
      )
    : null;
  if (!path || size === null) return notFound();
  const range = parseRange(req.headers.range, size);
  if (range === 'bad') {
    res.writeHead(416, { 'content-range': `bytes */${size}`, 'cache-control': 'no-store' });
    return void res.end();
  }
  const headers = {
    'content-type': file.type,
    'accept-ranges': 'bytes',
    'cache-control': 'private, no-store',
  };
  if (range === null) {
    res.writeHead(200, { ...headers, 'content-length': String(size) });
    if (req.method === 'HEAD') return void res.end();
    return pipeline(createReadStream(path), res);
  }
  res.writeHead(206, {
    ...headers,
    'content-length': String(range.end - range.start + 1),
    'content-range': `bytes ${range.start}-${range.end}/${size}`,
  });
  if (req.method === 'HEAD') return void res.end();
  await pipeline(createReadStream(path, { start: range.start, end: range.end }), res);
}
