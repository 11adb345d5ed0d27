import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { FastaIndex } from '@strand/genomics';
import { sha256OfFiles } from '@strand/genomics';

/**
 * What identifies a reference FASTA cheaply: its byte size and the SHA-256 of its `.fai` (every
 * sequence's name, length and layout). Hashing a 3 GB genome would take a minute; the index
 * tells builds and edits apart in milliseconds (a changed base of the same length is the one
 * thing it cannot see).
 */
export interface ReferenceFingerprint {
  /** The file's name (never the server's directory). */
  name: string;
  bytes: number;
  faiSha256: string;
}

/** The fingerprint of `path`, building its `.fai` when missing (see FastaIndex.open). */
export async function referenceFingerprint(path: string): Promise<ReferenceFingerprint> {
  await FastaIndex.open(path);
  const [{ size }, faiSha256] = await Promise.all([stat(path), sha256OfFiles([`${path}.fai`])]);
  return { name: basename(path), bytes: size, faiSha256 };
}
