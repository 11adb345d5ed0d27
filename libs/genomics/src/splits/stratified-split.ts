import { GenomicsError } from '../errors/genomics-error.ts';
import { createRng } from '../random/rng.ts';
import type { Split } from './split-types.ts';

/** Fractions of a split; they must sum to 1. */
export interface SplitFractions {
  train: number;
  valid: number;
  test: number;
  seed: number;
}

/** Largest-remainder rounding of n × fractions, so the parts always add up to n. */
function apportion(n: number, fractions: number[]): number[] {
  const exact = fractions.map((f) => f * n);
  const counts = exact.map(Math.floor);
  const byRemainder = exact
    .map((x, i) => ({ i, remainder: x - Math.floor(x) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  let left = n - counts.reduce((a, b) => a + b, 0);
  for (const { i } of byRemainder) {
    if (left-- <= 0) break;
    counts[i]++;
  }
  return counts;
}

/** Checks fractions: finite, non-negative, summing to 1. */
export function checkFractions(fractions: number[]): void {
  const sum = fractions.reduce((a, b) => a + b, 0);
  if (fractions.some((f) => !(f >= 0)) || Math.abs(sum - 1) > 1e-9) {
    throw new GenomicsError(
      'INVALID_OPTIONS',
      `split fractions must be ≥ 0 and sum to 1, got ${fractions.join(' + ')} = ${sum}`,
    );
  }
}

/**
 * Splits records into train / valid / test at random, stratified by label: each class is
 * shuffled with the seeded RNG and cut by the fractions (largest-remainder rounding), so every
 * record lands in exactly one set and each set keeps the class balance. Same seed, same split.
 */
export function stratifiedSplit(
  labels: readonly (string | number)[],
  options: SplitFractions,
): Split {
  const parts = stratifiedParts(labels, options);
  const split: Split = { train: [], valid: [], test: [] };
  const sets = [split.train, split.valid, split.test];
  // In stored order: each set comes out ascending.
  for (let i = 0; i < parts.length; i++) sets[parts[i]].push(i);
  return split;
}

/** Part of each record in stratifiedParts' answer that `rows` left out. */
export const NO_PART = 255;

/**
 * stratifiedSplit as one byte per record: 0 train, 1 valid, 2 test (the same records as
 * stratifiedSplit's sets), in typed arrays only — millions of records cost a few bytes each,
 * not a JS array of indices per set. With `rows` (a 0/1 mask) only the masked records are split,
 * exactly as stratifiedSplit splits those records taken alone (in order); the others are
 * NO_PART.
 */
export function stratifiedParts(
  labels: ArrayLike<string | number>,
  options: SplitFractions,
  rows?: Uint8Array,
): Uint8Array {
  const fractions = [options.train, options.valid, options.test];
  checkFractions(fractions);
  const rng = createRng(options.seed);
  const n = labels.length;
  // Classes in order of first appearance, then each record's place in its class.
  const classOf = new Int32Array(n).fill(-1);
  const index = new Map<string | number, number>();
  const sizes: number[] = [];
  for (let i = 0; i < n; i++) {
    if (rows && rows[i] === 0) continue;
    let k = index.get(labels[i]);
    if (k === undefined) {
      k = sizes.length;
      index.set(labels[i], k);
      sizes.push(0);
    }
    classOf[i] = k;
    sizes[k]++;
  }
  const starts = new Int32Array(sizes.length + 1);
  sizes.forEach((size, k) => (starts[k + 1] = starts[k] + size));
  const members = new Int32Array(starts[sizes.length]);
  const fill = starts.slice(0, sizes.length);
  for (let i = 0; i < n; i++) if (classOf[i] >= 0) members[fill[classOf[i]]++] = i;
  const parts = new Uint8Array(n).fill(NO_PART);
  for (let k = 0; k < sizes.length; k++) {
    const shuffled = rng.shuffle(members.subarray(starts[k], starts[k + 1]));
    let at = 0;
    apportion(shuffled.length, fractions).forEach((count, s) => {
      for (let j = at; j < at + count; j++) parts[shuffled[j]] = s;
      at += count;
    });
  }
  return parts;
}
