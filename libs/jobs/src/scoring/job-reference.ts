/**
 * The reference FASTA a job reads (SCORE_VARIANTS, EXPLAIN_SEQUENCE with regions): checked and
 * fingerprinted when the job is prepared, and checked again when it runs, so a job never reads a
 * reference other than the one it was started on. The API confines the path to its import
 * directory first; messages name the file, never the server's directory.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { userError } from '../errors/user-error.ts';
import type { UserError } from '../errors/user-error.ts';
import { JobError } from '../platform/job-kind.ts';
import { referenceFingerprint } from './reference-fingerprint.ts';
import type { ReferenceFingerprint } from './reference-fingerprint.ts';

/** The fingerprint of the reference at `path` (its .fai built when missing), or why not. */
export async function prepareJobReference(
  field: string,
  path: string,
): Promise<{ ok: true; value: ReferenceFingerprint } | { ok: false; error: UserError }> {
  const name = basename(String(path));
  const isFile = await stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!isFile) {
    return { ok: false, error: userError(field, 'FILE_NOT_FOUND', `no reference FASTA "${name}"`) };
  }
  try {
    return { ok: true, value: await referenceFingerprint(path) };
  } catch (error) {
    const e = error as Error & { code?: unknown };
    const code = typeof e.code === 'string' && /^[A-Z_]+$/.test(e.code) ? e.code : null;
    if (!code) throw error;
    // Strand's genomics errors name the file: keep its name, never the server's directory.
    return { ok: false, error: userError(field, code, e.message.split(path).join(name)) };
  }
}

/** Fails the job when the reference changed (or went) since the job was prepared. */
export async function checkJobReference(
  path: string,
  expected: ReferenceFingerprint,
): Promise<void> {
  const now = await referenceFingerprint(path).catch(() => null);
  if (!now || now.bytes !== expected.bytes || now.faiSha256 !== expected.faiSha256) {
    throw new JobError(
      `the reference ${expected.name} ${now ? 'changed' : 'cannot be read any more'} since the job was started; start a new job`,
    );
  }
}
