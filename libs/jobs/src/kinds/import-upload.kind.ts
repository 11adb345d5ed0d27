/**
 * IMPORT_UPLOAD: a dataset sent to POST /upload, imported as a job. The request only streams the
 * body into its own directory under the upload scratch directory (UPLOAD_SCRATCH_DIR) and queues
 * this job; the import is IMPORT_DATASET's, and the job removes the upload directory once it
 * succeeded, failed or was cancelled (a job cancelled while still queued: `discard`). After a crash
 * the start-up sweep keeps the directories of uploads whose job is still to run, and the recovered
 * job imports again (the import is atomic); every other upload directory is swept.
 */
import { isAbsolute, join, relative, sep } from 'node:path';
import type { JsonObject, StrandDatabase } from '@strand/data';
import { userError } from '../errors/user-error.ts';
import type { JobKind } from '../platform/job-kind.ts';
import { JobError } from '../platform/job-kind.ts';
import { IMPORT_DATASET_KIND } from './import-dataset.kind.ts';
import type { ImportJobParams } from './import-dataset.kind.ts';

/** Where uploads are received before their import (inside the artifact store). */
export const UPLOAD_SCRATCH_DIR = 'tmp';

/** The kinds of dataset an upload may be (intervals need a reference on the server). */
export const UPLOAD_KINDS = [
  'sequence-classification',
  'sequence-regression',
  'variants',
  'expression',
] as const;

export type UploadJobParams = ImportJobParams & {
  /**
   * The upload's own directory as an artifact path ("tmp/upload-…"): pulled by whichever process
   * runs the job, removed at the end. `path` and `labelsPath` are relative to it.
   */
  uploadDir: string;
};

/**
 * The artifact path of an upload's directory: one entry of the scratch directory. Jobs queued by
 * an older version stored it as an absolute path under this process's artifact root.
 */
export function uploadDirOf(db: StrandDatabase, uploadDir: unknown): string | null {
  if (typeof uploadDir !== 'string' || uploadDir === '') return null;
  const rel = isAbsolute(uploadDir)
    ? relative(db.artifacts.root, uploadDir).split(sep).join('/')
    : uploadDir;
  const parts = rel.split('/');
  return parts.length === 2 && parts[0] === UPLOAD_SCRATCH_DIR && /^upload-[\w-]+$/.test(parts[1])
    ? rel
    : null;
}

/** A file's path relative to its upload directory: plain segments, none leaving it. */
function fileInUpload(path: unknown): string | null {
  if (typeof path !== 'string' || path === '' || isAbsolute(path)) return null;
  const parts = path.split(/[\\/]/);
  return parts.every((p) => p !== '' && p !== '.' && p !== '..') ? parts.join('/') : null;
}

async function removeUpload(db: StrandDatabase, uploadDir: unknown): Promise<void> {
  const dir = uploadDirOf(db, uploadDir);
  if (dir) await db.artifacts.remove(dir);
}

export const IMPORT_UPLOAD_KIND: JobKind<UploadJobParams> = {
  name: 'IMPORT_UPLOAD',
  role: 'editor',
  async prepare(em, db, projectId, raw) {
    const { uploadDir: rawDir, ...input } = raw as { uploadDir?: unknown } & JsonObject;
    // Only files POST /upload received: never a path elsewhere on the server.
    const uploadDir = uploadDirOf(db, rawDir);
    const path = fileInUpload(input.path);
    const labelsPath = input.labelsPath == null ? null : fileInUpload(input.labelsPath);
    if (!uploadDir || !path || (input.labelsPath != null && !labelsPath)) {
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
    // Checked where the request received the files (this process); stored relative to the upload.
    const local = db.artifacts.resolve(uploadDir);
    const prepared = await IMPORT_DATASET_KIND.prepare(em, db, projectId, {
      ...input,
      path: join(local, path),
      labelsPath: labelsPath && join(local, labelsPath),
    });
    if (!prepared.ok) return prepared;
    return {
      ok: true,
      value: {
        params: { ...prepared.value.params, path, labelsPath, uploadDir },
        lineage: { details: { ...prepared.value.lineage.details, upload: true } },
      },
    };
  },
  async run(context) {
    const { uploadDir, ...params } = context.params;
    try {
      const dir = uploadDirOf(context.db, uploadDir);
      if (!dir) throw new JobError('the upload is not in the scratch directory');
      const local = await context.db.artifacts.pull(dir);
      // Jobs queued by an older version stored absolute paths inside the upload directory.
      const at = (file: string) => (isAbsolute(file) ? file : join(local, file));
      return await IMPORT_DATASET_KIND.run({
        ...context,
        params: {
          ...params,
          path: at(params.path),
          labelsPath: params.labelsPath ? at(params.labelsPath) : null,
        },
      });
    } finally {
      // A shutdown leaves the job to run again at the next start: keep what it reads.
      if (context.signal.reason !== 'shutdown') await removeUpload(context.db, uploadDir);
    }
  },
  async discard(db, params) {
    await removeUpload(db, params.uploadDir);
  },
};
