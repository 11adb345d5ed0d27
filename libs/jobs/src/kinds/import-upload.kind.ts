/**
 * IMPORT_UPLOAD: a dataset sent to POST /upload, imported as a job. The request only streams the
 * body into its own directory under the upload scratch directory (UPLOAD_SCRATCH_DIR) and queues
 * this job; the import is IMPORT_DATASET's, and the job removes the upload directory once it
 * succeeded, failed or was cancelled (a job cancelled while still queued: `discard`). After a crash
 * the start-up sweep keeps the directories of uploads whose job is still to run, and the recovered
 * job imports again (the import is atomic); every other upload directory is swept.
 */
import { rm } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { JsonObject, StrandDatabase } from '@strand/data';
import { userError } from '../errors/user-error.ts';
import type { JobKind } from '../platform/job-kind.ts';
import { UPLOAD_SCRATCH_DIR } from '../platform/sweep-leftovers.ts';
import { IMPORT_DATASET_KIND } from './import-dataset.kind.ts';
import type { ImportJobParams } from './import-dataset.kind.ts';

/** The kinds of dataset an upload may be (intervals need a reference on the server). */
export const UPLOAD_KINDS = [
  'sequence-classification',
  'sequence-regression',
  'variants',
  'expression',
] as const;

export type UploadJobParams = ImportJobParams & {
  /** The upload's own directory (absolute, inside the scratch directory): removed at the end. */
  uploadDir: string;
};

/** `path` when it lies strictly inside `dir` (both absolute). */
const inside = (dir: string, path: string) => {
  const rel = relative(dir, resolve(path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && rel.split(sep)[0] !== '..';
};

async function removeUpload(db: StrandDatabase, uploadDir: unknown): Promise<void> {
  const scratch = db.artifacts.resolve(UPLOAD_SCRATCH_DIR);
  if (typeof uploadDir === 'string' && inside(scratch, uploadDir)) {
    await rm(uploadDir, { recursive: true, force: true });
  }
}

export const IMPORT_UPLOAD_KIND: JobKind<UploadJobParams> = {
  name: 'IMPORT_UPLOAD',
  role: 'editor',
  async prepare(em, db, projectId, raw) {
    const { uploadDir, ...input } = raw as { uploadDir?: unknown } & JsonObject;
    const scratch = db.artifacts.resolve(UPLOAD_SCRATCH_DIR);
    // Only files POST /upload received: never a path elsewhere on the server.
    const files = [input.path, input.labelsPath].filter((p) => p != null);
    if (
      typeof uploadDir !== 'string' ||
      !inside(scratch, uploadDir) ||
      files.some((p) => typeof p !== 'string' || !inside(uploadDir, p))
    ) {
      return {
        ok: false,
        errors: [userError('path', 'NOT_AN_UPLOAD', 'an upload import reads uploaded files only')],
      };
    }
    if (!(UPLOAD_KINDS as readonly string[]).includes(String(input.kind))) {
      return {
        ok: false,
        errors: [
          userError('kind', 'UNKNOWN_KIND', `kind must be one of ${UPLOAD_KINDS.join(', ')}`),
        ],
      };
    }
    const prepared = await IMPORT_DATASET_KIND.prepare(em, db, projectId, input);
    if (!prepared.ok) return prepared;
    return {
      ok: true,
      value: {
        params: { ...prepared.value.params, uploadDir },
        lineage: { details: { ...prepared.value.lineage.details, upload: true } },
      },
    };
  },
  async run(context) {
    const { uploadDir, ...params } = context.params;
    try {
      return await IMPORT_DATASET_KIND.run({ ...context, params });
    } finally {
      // A shutdown leaves the job to run again at the next start: keep what it reads.
      if (context.signal.reason !== 'shutdown') await removeUpload(context.db, uploadDir);
    }
  },
  async discard(db, params) {
    await removeUpload(db, params.uploadDir);
  },
};
