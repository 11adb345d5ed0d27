import { createHash } from 'node:crypto';
import { NO_PART, stratifiedParts } from '@strand/genomics';
import { LearningError } from './learning.error.ts';

/**
 * How a training run split its data into training and validation rows, recorded with the run
 * so the split can be checked and reproduced: stratified by class and seeded
 * (@strand/genomics stratifiedParts, the typed form of stratifiedSplit), or none.
 */
export interface SplitDescription {
  /** `stored`: the rows of a split stored with the dataset (`splitId`, see dataset-splits.ts). */
  method: 'stratified-holdout' | 'stored' | 'none';
  /** The stored split's id, when method is `stored`. */
  splitId?: string;
  seed: number;
  validationFraction: number;
  train: number;
  validation: number;
  /** SHA-256 (hex) of the validation row indices, ascending, as decimal text joined by ",". */
  validationSha256: string;
}

/** Part of a row in a HoldoutSplit. */
export const TRAIN_PART = 0;
export const VALIDATION_PART = 1;

/**
 * A training / validation split as one byte per row (TRAIN_PART, VALIDATION_PART, or NO_PART for
 * rows it leaves out): millions of rows cost a few MB, not arrays of indices.
 */
export interface HoldoutSplit {
  part: Uint8Array;
  description: SplitDescription;
}

/** SHA-256 (hex) of row indices, sorted ascending, as decimal text joined by "," (e.g. "0,4,9"). */
export function rowsChecksum(rows: ArrayLike<number>): string {
  const sorted = Array.from(rows).sort((a, b) => a - b);
  return createHash('sha256').update(sorted.join(',')).digest('hex');
}

/** rowsChecksum of the rows whose part is `p`, hashed as they are found (no array of them). */
export function partChecksum(part: Uint8Array, p: number): string {
  const hash = createHash('sha256');
  let text = '';
  let first = true;
  for (let i = 0; i < part.length; i++) {
    if (part[i] !== p) continue;
    text += first ? `${i}` : `,${i}`;
    first = false;
    if (text.length > 65_536) {
      hash.update(text);
      text = '';
    }
  }
  return hash.update(text).digest('hex');
}

/** The rows whose part is `p`, ascending. */
export function rowsOf(part: Uint8Array, p: number): Uint32Array {
  let n = 0;
  for (let i = 0; i < part.length; i++) if (part[i] === p) n++;
  const rows = new Uint32Array(n);
  n = 0;
  for (let i = 0; i < part.length; i++) if (part[i] === p) rows[n++] = i;
  return rows;
}

/** A 0/1 mask of the rows whose part is `p`. */
export function maskOf(part: Uint8Array, p: number): Uint8Array {
  return part.map((v) => (v === p ? 1 : 0));
}

/** How many rows have part `p`. */
export function countPart(part: Uint8Array, p: number): number {
  let n = 0;
  for (let i = 0; i < part.length; i++) if (part[i] === p) n++;
  return n;
}

/**
 * Seeded, stratified training/validation split of rows by class label; `fraction` 0 keeps every
 * row for training. With `rows` (a 0/1 mask) only those rows are split, as if they were the
 * data (the rest get NO_PART). Same labels, rows, fraction and seed → same rows.
 */
export function holdoutSplit(
  labels: ArrayLike<number>,
  fraction: number,
  seed: number,
  rows?: Uint8Array,
): HoldoutSplit {
  if (!(fraction >= 0 && fraction < 1)) {
    throw new LearningError(
      'INVALID_OPTIONS',
      `validationFraction must be in [0, 1); got ${fraction}`,
      'validationFraction',
    );
  }
  const part = stratifiedParts(
    labels,
    { train: 1 - fraction, valid: fraction, test: 0, seed },
    rows,
  );
  const train = countPart(part, TRAIN_PART);
  if (train === 0) {
    const total = part.length - countPart(part, NO_PART);
    throw new LearningError(
      'INVALID_DATA',
      `no training rows left: ${total} rows, validationFraction ${fraction}`,
    );
  }
  return {
    part,
    description: {
      method: fraction > 0 ? 'stratified-holdout' : 'none',
      seed,
      validationFraction: fraction,
      train,
      validation: countPart(part, VALIDATION_PART),
      validationSha256: partChecksum(part, VALIDATION_PART),
    },
  };
}
