/**
 * POST /upload: a dataset imported from files sent in the request, as a job, like importDataset.
 * The request only streams the body to a temporary directory (size-limited) and queues an
 * IMPORT_UPLOAD job on it; the job imports, then removes the directory.
 *
 * Body, one of:
 * - the file itself as the raw body (`curl --data-binary @promoters.tsv`), for
 *   sequence-classification and variants;
 * - multipart/form-data (`curl -F file=@expression.tsv -F labels=@samples.tsv`): the part named
 *   `file` is the dataset file, the part named `labels` an expression import's sample table.
 *   Each part is streamed to a temporary file as it arrives.
 * Query parameters: kind (sequence-classification, variants or expression), filename (names the
 * file in errors and tells FASTA from a table; default the part's file name), name, project (id
 * or slug; projectId is read too), genomeBuild, labelColumn and orientation (expression),
 * featureColumn (repeatable) and profileColumn (sequence tables).
 *
 * Needs a Bearer token with the EDITOR role in the project; a body over the limit (both files
 * together) is refused with 413 before anything is stored. Answers 202 with the queued job
 * (`{ job: { id, kind, status, projectId, createdAt } }`): follow it with
 * jobProgress or job(id); its outputDataset is the dataset. A malformed record fails the job
 * (file:line: reason), nothing stored. Checks done before queueing (unknown kind, a missing
 * part, a bad project or column option) answer 400 with userErrors; a full project queue 429.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rename } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, join, relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { GraphQLError } from 'graphql';
import { Project } from '@strand/data';
import { UPLOAD_KINDS, UPLOAD_SCRATCH_DIR } from '@strand/jobs';
import { targetProject } from '../auth/target-project.ts';
import type { StrandContext } from '../context.ts';
import type { ReceivedPart } from './multipart.ts';
import { boundaryOf, MultipartError, receiveMultipart, TooLarge } from './multipart.ts';

export const DEFAULT_UPLOAD_LIMIT_BYTES = 100 * 1024 * 1024;

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const safeName = (name: string) => basename(name).replace(/[^\w.-]/g, '_') || 'upload';

/** The project named by `project` (id or slug) or `projectId`, as an id when it is the caller's. */
async function projectParam(ctx: StrandContext, url: URL): Promise<string | null> {
  const value = url.searchParams.get('project') ?? url.searchParams.get('projectId');
  if (!value || ctx.viewer.roleIn(value) !== null) return value;
  const ids = ctx.viewer.projectIds;
  const bySlug = await ctx.em.findOne(Project, { slug: value, id: { $in: ids } });
  return bySlug?.id ?? value;
}

/** The raw body into `path`; throws TooLarge past the limit. */
async function receiveRaw(req: IncomingMessage, path: string, limitBytes: number): Promise<void> {
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(size > limitBytes ? new TooLarge() : null, chunk);
    },
  });
  await pipeline(req, counter, createWriteStream(path));
}

/** Handles one upload; `context` authenticates (throws UNAUTHENTICATED / RATE_LIMITED). */
export async function handleUpload(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  context: () => Promise<StrandContext>,
  limitBytes: number,
): Promise<void> {
  if (req.method !== 'POST')
    return send(
      res,
      405,
      { errors: [{ message: 'POST the file as the body', code: 'METHOD_NOT_ALLOWED' }] },
      { allow: 'POST' },
    );
  let ctx: StrandContext;
  try {
    ctx = await context();
  } catch (error) {
    req.resume();
    if (error instanceof GraphQLError) {
      const code = String(error.extensions.code);
      const status = code === 'UNAUTHENTICATED' ? 401 : code === 'RATE_LIMITED' ? 429 : 400;
      return send(res, status, { errors: [{ message: error.message, code }] });
    }
    throw error;
  }
  const kind = url.searchParams.get('kind') ?? '';
  if (!(UPLOAD_KINDS as readonly string[]).includes(kind)) {
    req.resume();
    return send(res, 400, {
      userErrors: [
        {
          field: 'kind',
          code: 'UNKNOWN_KIND',
          message: `kind must be one of ${UPLOAD_KINDS.join(', ')}`,
        },
      ],
    });
  }
  const target = targetProject(ctx.viewer, await projectParam(ctx, url), 'editor');
  if ('error' in target) {
    req.resume();
    return send(res, target.error.code === 'FORBIDDEN' ? 403 : 400, { userErrors: [target.error] });
  }
  const tooLarge = () =>
    send(res, 413, {
      errors: [{ message: `upload over ${limitBytes} bytes`, code: 'PAYLOAD_TOO_LARGE' }],
    });
  if (Number(req.headers['content-length'] ?? 0) > limitBytes) {
    req.resume();
    return tooLarge();
  }
  let boundary: string | null;
  try {
    boundary = boundaryOf(req.headers['content-type']);
  } catch (error) {
    req.resume();
    return send(res, 400, {
      errors: [{ message: (error as Error).message, code: 'BAD_MULTIPART' }],
    });
  }
  // Inside the data directory, so a restart after a crash sweeps what was being received.
  const scratch = ctx.db.artifacts.resolve(UPLOAD_SCRATCH_DIR);
  await mkdir(scratch, { recursive: true });
  const dir = await mkdtemp(join(scratch, 'upload-'));
  let queued = false;
  try {
    let file: ReceivedPart | undefined;
    let labels: ReceivedPart | undefined;
    try {
      if (boundary === null) {
        const filename = url.searchParams.get('filename') || 'upload';
        file = { field: 'file', filename, path: join(dir, 'upload'), bytes: 0 };
        await receiveRaw(req, file.path, limitBytes);
      } else {
        const parts = await receiveMultipart(req, boundary, dir, limitBytes);
        req.resume(); // an epilogue after the closing boundary, if any
        file = parts.find((p) => p.field === 'file');
        labels = parts.find((p) => p.field === 'labels');
      }
    } catch (error) {
      req.resume();
      if (error instanceof TooLarge) return tooLarge();
      if (error instanceof MultipartError) {
        return send(res, 400, { errors: [{ message: error.message, code: error.code }] });
      }
      throw error;
    }
    const missing =
      file === undefined
        ? 'a multipart upload needs a part named "file"'
        : kind === 'expression' && labels === undefined
          ? 'an expression upload needs its sample table: send multipart parts "file" and "labels"'
          : null;
    if (missing || !file) {
      return send(res, 400, {
        userErrors: [{ field: file ? 'labels' : 'file', code: 'REQUIRED', message: missing }],
      });
    }
    // Stored under the names the client gave: errors then read `promoters.tsv:12: …`.
    const filename = safeName(url.searchParams.get('filename') || file.filename);
    const path = await renamed(file.path, join(dir, 'file'), filename);
    const labelsPath = labels
      ? await renamed(labels.path, join(dir, 'labels'), safeName(labels.filename))
      : null;
    // The import is a job (nothing heavy on the request thread), perhaps run by a worker on
    // another machine: the upload is published to the artifact store, the job owns it from here
    // on and removes it when it ends. Its paths are relative to the upload's directory.
    const uploadDir = `${UPLOAD_SCRATCH_DIR}/${basename(dir)}`;
    await ctx.db.artifacts.push(uploadDir);
    const outcome = await ctx.jobs.startJob(ctx.em, {
      projectId: target.projectId,
      kind: 'IMPORT_UPLOAD',
      params: {
        uploadDir,
        kind,
        path: relative(dir, path),
        name: url.searchParams.get('name') ?? filename,
        labelsPath: labelsPath && relative(dir, labelsPath),
        labelColumn: url.searchParams.get('labelColumn'),
        featureColumns: url.searchParams.getAll('featureColumn').length
          ? url.searchParams.getAll('featureColumn')
          : null,
        profileColumn: url.searchParams.get('profileColumn'),
        genomeBuild: url.searchParams.get('genomeBuild'),
        orientation: url.searchParams.get('orientation'),
        strict: url.searchParams.get('strict') === 'true',
      },
    });
    if (!outcome.ok) {
      const full = outcome.errors.some((e) => e.code === 'QUEUE_FULL');
      return send(res, full ? 429 : 400, { userErrors: outcome.errors });
    }
    queued = true;
    const job = outcome.value;
    return send(res, 202, {
      job: {
        id: job.id,
        kind: job.kind,
        status: job.status,
        projectId: target.projectId,
        createdAt: job.createdAt.toISOString(),
      },
    });
  } finally {
    if (!queued) await ctx.db.artifacts.remove(`${UPLOAD_SCRATCH_DIR}/${basename(dir)}`);
  }
}

/** Moves a received file to `<subdir>/<name>` (its own directory, so two names cannot clash). */
async function renamed(from: string, subdir: string, name: string): Promise<string> {
  await mkdir(subdir, { recursive: true });
  const to = join(subdir, name);
  await rename(from, to);
  return to;
}
