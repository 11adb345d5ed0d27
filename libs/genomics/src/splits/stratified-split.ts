import { GenomicsError } from '../errors/genomics-error.ts';
import { createRng } from '../random/rng.ts';
import type { Split } from './split-types.ts';
import { ascending, groupIndexes } from './split-types.ts';

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
  const fractions = [options.train, options.valid, options.test];
  checkFractions(fractions);
  const rng = createRng(options.seed);
  const split: Split = { train: [], valid: [], test: [] };
  const sets = [split.train, split.valid, split.test];
  for (const indexes of groupIndexes(labels).values()) {
    const shuffled = rng.shuffle([...indexes]);
    let at = 0;
    apportion(shuffled.length, fractions).forEach((count, s) => {
      sets[s].push(...shuffled.slice(at, at + count));
      at += count;
    });
  }
  sets.forEach((set) => set.sort(ascending));
  return split;
}
