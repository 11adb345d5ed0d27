import { createHash } from 'node:crypto';
import { stratifiedSplit } from '@strand/genomics';
import { LearningError } from './learning.error.ts';

/**
 * How a training run split its data into training and validation rows, recorded with the run
 * so the split can be checked and reproduced: stratified by class and seeded
 * (@strand/genomics stratifiedSplit), or none.
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

/** SHA-256 (hex) of row indices, sorted ascending, as decimal text joined by "," (e.g. "0,4,9"). */
export function rowsChecksum(rows: ArrayLike<number>): string {
  const sorted = Array.from(rows).sort((a, b) => a - b);
  return createHash('sha256').update(sorted.join(',')).digest('hex');
}

/**
 * Seeded, stratified training/validation split of rows by class label; `fraction` 0 keeps every
 * row for training. Same labels, fraction and seed → same rows.
 */
export function holdoutSplit(
  labels: ArrayLike<number>,
  fraction: number,
  seed: number,
): { train: number[]; validation: number[]; description: SplitDescription } {
  if (!(fraction >= 0 && fraction < 1)) {
    throw new LearningError(
      'INVALID_OPTIONS',
      `validationFraction must be in [0, 1); got ${fraction}`,
      'validationFraction',
    );
  }
  const split = stratifiedSplit(Array.from(labels), {
    train: 1 - fraction,
    valid: fraction,
    test: 0,
    seed,
  });
  if (split.train.length === 0) {
    throw new LearningError(
      'INVALID_DATA',
      `no training rows left: ${labels.length} rows, validationFraction ${fraction}`,
    );
  }
  return {
    train: split.train,
    validation: split.valid,
    description: {
      method: fraction > 0 ? 'stratified-holdout' : 'none',
      seed,
      validationFraction: fraction,
      train: split.train.length,
      validation: split.valid.length,
      validationSha256: rowsChecksum(split.valid),
    },
  };
}
