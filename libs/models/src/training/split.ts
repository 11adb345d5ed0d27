import { TrainingInputError } from './training-input.error.ts';
import { deriveSeed, seededRandom, shuffleInPlace } from './seed.ts';

/** Row indices of a training/validation split, each in ascending order. */
export interface RowSplit {
  train: Uint32Array;
  validation: Uint32Array;
}

/**
 * Splits rows into training and validation, stratified by label value (each class contributes
 * round(fraction · its size) rows to validation), reproducibly from `seed`.
 */
export function stratifiedSplit(
  labels: ArrayLike<number>,
  fraction: number,
  seed: number,
): RowSplit {
  if (!(fraction >= 0 && fraction < 1)) {
    throw new TrainingInputError(`options.validationFraction = ${fraction} is not in [0, 1)`);
  }
  const random = seededRandom(deriveSeed(seed, 'validation-split'));
  const validation: number[] = [];
  const train: number[] = [];
  // Binary labels keep their historic [0, 1] order, so existing splits do not change.
  const classes = [...new Set(Array.from(labels))].sort((a, b) => a - b);
  for (const label of classes) {
    const rows: number[] = [];
    for (let i = 0; i < labels.length; i++) if (labels[i] === label) rows.push(i);
    shuffleInPlace(rows, random);
    const take = Math.round(fraction * rows.length);
    validation.push(...rows.slice(0, take));
    train.push(...rows.slice(take));
  }
  const ascending = (rows: number[]) => Uint32Array.from(rows).sort();
  return { train: ascending(train), validation: ascending(validation) };
}
