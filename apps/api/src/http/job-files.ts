/**
 * GET /jobs/<id>/files/<name>: a job's result file, streamed (scores.tsv, scores.vcf and, with
 * ismTop, ism.json of a variant-scoring job, calls.vcf of a variant-calling job). Needs a Bearer token of a member (any role) of the job's project. A job
 * of another project, an unknown job, a name not on the list, or a file not written yet all get
 * the same 404, so a caller learns nothing about other projects' jobs. Every TSV or CSV file is
 * streamed through spreadsheetSafe (cells that a spreadsheet would run as formulas are quoted),
 * whichever job wrote it: the rule follows the file's extension, not a list of files.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Job } from '@strand/data';
import type { JobKindName } from '@strand/data';
import { CALL_FILES, SCORE_FILES } from '@strand/jobs';
import type { StrandContext } from '../context.ts';
import { routeContext, sendError } from './route-context.ts';
import { spreadsheetSafe } from './spreadsheet-safe.ts';

/** The files each kind of job offers, with their content types. */
const JOB_FILES: Partial<Record<JobKindName, Record<string, string>>> = {
  SCORE_VARIANTS: Object.fromEntries(
    SCORE_FILES.map((name) => [
      name,
      name.endsWith('.vcf')
        ? 'text/x-vcf; charset=utf-8'
        : name.endsWith('.json')
          ? 'application/json; charset=utf-8'
          : 'text/tab-separated-values; charset=utf-8',
    ]),
  ),
  CALL_VARIANTS: Object.fromEntries(CALL_FILES.map((name) => [name, 'text/x-vcf; charset=utf-8'])),
};

const PATH = /^\/jobs\/([^/]+)\/files\/([^/]+)$/;

/** Whether `pathname` is a job-file route (matched before the dashboard's files). */
export function isJobFilePath(pathname: string): boolean {
  return PATH.test(pathname);
}

/** Handles one download; `context` authenticates (throws UNAUTHENTICATED / RATE_LIMITED). */
export async function handleJobFile(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  context: () => Promise<StrandContext>,
): Promise<void> {
  if (req.method !== 'GET') {
    res.setHeader('allow', 'GET');
    return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'GET a job file');
  }
  const ctx = await routeContext(res, context);
  if (!ctx) return;
  const [, rawId, rawName] = PATH.exec(url.pathname) ?? [];
  const decode = (part = '') => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part; // malformed escapes name no file: the lookup below answers 404
    }
  };
  const id = decode(rawId);
  const name = decode(rawName);
  const notFound = () =>
    sendError(res, 404, 'NOT_FOUND', `job ${id.slice(0, 60)} has no file "${name.slice(0, 60)}"`);
  const job = await ctx.em.findOne(Job, { id, project: { $in: ctx.viewer.projectIds } });
  const type = job ? JOB_FILES[job.kind]?.[name] : undefined;
  if (!job || !type) return notFound();
  // Only names on the list reach the path, so it cannot leave the job's directory.
  const path = await ctx.db.artifacts
    .pull(`${job.artifactPath}/${name}`, { optional: true })
    .catch(() => null);
  if (!path) return notFound();
  const size = await stat(path).then(
    (s) => (s.isFile() ? s.size : null),
    () => null,
  );
  if (size === null) return notFound();
  const spreadsheet = /\.(tsv|csv)$/.exec(name)?.[1] as 'tsv' | 'csv' | undefined;
  res.writeHead(200, {
    'content-type': type,
    // A neutralised file may grow by a byte per cell: its length is known only once sent.
    ...(spreadsheet ? {} : { 'content-length': String(size) }),
    'content-disposition': `attachment; filename="${job.id}-${name}"`,
    'cache-control': 'no-store',
  });
  if (spreadsheet) await pipeline(createReadStream(path), spreadsheetSafe(spreadsheet), res);
  else await pipeline(createReadStream(path), res);
}
