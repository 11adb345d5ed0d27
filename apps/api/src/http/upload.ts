/**
 * POST /upload: a dataset file sent as the raw request body, imported like importDataset.
 * Query parameters: kind (sequence-classification or variants), filename (names the file in
 * errors and tells FASTA from a table), name, projectId, genomeBuild. Needs a Bearer token with
 * the EDITOR role; bodies over the limit are refused with 413 before anything is stored.
 * Expression matrices need a sample table beside them: import them through importDataset.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { GraphQLError } from 'graphql';
import { importDataset } from '@strand/jobs';
import { targetProject } from '../auth/target-project.ts';
import type { StrandContext } from '../context.ts';
import { Dataset } from '../types/dataset.type.ts';

export const DEFAULT_UPLOAD_LIMIT_BYTES = 100 * 1024 * 1024;
const UPLOAD_KINDS = ['sequence-classification', 'variants'];

class TooLarge extends Error {}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
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
  if (!UPLOAD_KINDS.includes(kind)) {
    req.resume();
    return send(res, 400, {
      userErrors: [
        {
          field: 'kind',
          code: 'UNKNOWN_KIND',
          message: `kind must be one of ${UPLOAD_KINDS.join(', ')} (expression: use importDataset)`,
        },
      ],
    });
  }
  const target = targetProject(ctx.viewer, url.searchParams.get('projectId'), 'editor');
  if ('error' in target) {
    req.resume();
    return send(res, target.error.code === 'FORBIDDEN' ? 403 : 400, { userErrors: [target.error] });
  }
  if (Number(req.headers['content-length'] ?? 0) > limitBytes) {
    req.resume();
    return send(res, 413, {
      errors: [{ message: `upload over ${limitBytes} bytes`, code: 'PAYLOAD_TOO_LARGE' }],
    });
  }
  const filename =
    basename(url.searchParams.get('filename') || 'upload').replace(/[^\w.-]/g, '_') || 'upload';
  const dir = await mkdtemp(join(tmpdir(), 'strand-upload-'));
  try {
    const path = join(dir, filename);
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done(size > limitBytes ? new TooLarge() : null, chunk);
      },
    });
    try {
      await pipeline(req, counter, createWriteStream(path));
    } catch (error) {
      if (error instanceof TooLarge) {
        req.resume();
        return send(res, 413, {
          errors: [{ message: `upload over ${limitBytes} bytes`, code: 'PAYLOAD_TOO_LARGE' }],
        });
      }
      throw error;
    }
    const outcome = await importDataset(ctx.em, ctx.db.artifacts, {
      projectId: target.projectId,
      kind,
      path,
      name: url.searchParams.get('name') ?? filename,
      genomeBuild: url.searchParams.get('genomeBuild'),
    });
    if (!outcome.ok) return send(res, 400, { userErrors: outcome.errors });
    const d = Dataset.from(outcome.value);
    return send(res, 201, {
      dataset: {
        id: d.id,
        name: d.name,
        kind: d.kind,
        recordCount: d.recordCount,
        checksum: d.checksum,
      },
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
