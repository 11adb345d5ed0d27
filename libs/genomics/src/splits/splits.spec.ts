import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalChromosome } from '../formats/chromosome-names.ts';
import { chromosomeHoldout } from './chromosome-holdout.ts';
import { chromosomeKFold, kFold } from './k-fold.ts';
import type { Fold, Split } from './split-types.ts';
import { NO_PART, stratifiedParts, stratifiedSplit } from './stratified-split.ts';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
/** Every index 0..n-1 appears in exactly one of the sets. */
function expectPartition(sets: number[][], n: number): void {
  expect([...sets.flat()].sort((a, b) => a - b)).toEqual(range(n));
}
const chromsOf = (chroms: string[], indexes: number[]) =>
  new Set(indexes.map((i) => canonicalChromosome(chroms[i])));
const disjoint = (a: Set<string>, b: Set<string>) => [...a].every((x) => !b.has(x));

const labelsArb = fc.array(fc.constantFrom('a', 'b', 'c', 1, 0), { minLength: 1, maxLength: 300 });
const chromsArb = fc.array(
  fc.constantFrom('chr1', '1', 'chr2', '2', 'chrX', '3', 'chrM', 'MT', '4'),
  {
    minLength: 1,
    maxLength: 300,
  },
);

describe('stratifiedSplit', () => {
  it('assigns every record to exactly one set, keeps class balance, and repeats with a seed', () => {
    fc.assert(
      fc.property(labelsArb, fc.integer(), (labels, seed) => {
        const options = { train: 0.7, valid: 0.15, test: 0.15, seed };
        const split = stratifiedSplit(labels, options);
        expectPartition([split.train, split.valid, split.test], labels.length);
        expect(stratifiedSplit(labels, options)).toEqual(split);
        for (const label of new Set(labels)) {
          const n = labels.filter((l) => l === label).length;
          const inTest = split.test.filter((i) => labels[i] === label).length;
          expect(Math.abs(inTest - 0.15 * n)).toBeLessThan(1);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('gives 70/15/15 of 100 records per class and a different split for another seed', () => {
    const labels = range(200).map((i) => (i < 100 ? 'pos' : 'neg'));
    const split: Split = stratifiedSplit(labels, { train: 0.7, valid: 0.15, test: 0.15, seed: 1 });
    expect([split.train.length, split.valid.length, split.test.length]).toEqual([140, 30, 30]);
    expect(split.test.filter((i) => i < 100).length).toBe(15);
    expect(stratifiedSplit(labels, { train: 0.7, valid: 0.15, test: 0.15, seed: 2 })).not.toEqual(
      split,
    );
  });

  it('is the split it was with arrays of indices (seed 7, 12 records)', () => {
    const labels = ['a', 'b', 'a', 'a', 'b', 'c', 'a', 'b', 'a', 'c', 'a', 'b'];
    // What stratifiedSplit gave before it was computed on typed arrays (stratifiedParts).
    expect(stratifiedSplit(labels, { train: 0.5, valid: 0.25, test: 0.25, seed: 7 })).toEqual(
      SEED_7_SPLIT,
    );
  });

  it('stratifiedParts of masked rows splits them as stratifiedSplit splits them alone', () => {
    fc.assert(
      fc.property(labelsArb, fc.integer(), (labels, seed) => {
        const options = { train: 0.6, valid: 0.2, test: 0.2, seed };
        const mask = Uint8Array.from(labels, (_, i) => (i % 3 === 1 ? 0 : 1));
        const kept = range(labels.length).filter((i) => mask[i] === 1);
        const alone = stratifiedSplit(
          kept.map((i) => labels[i]),
          options,
        );
        const parts = stratifiedParts(labels, options, mask);
        const rowsOf = (p: number) => range(labels.length).filter((i) => parts[i] === p);
        expect(rowsOf(0)).toEqual(alone.train.map((i) => kept[i]));
        expect(rowsOf(1)).toEqual(alone.valid.map((i) => kept[i]));
        expect(rowsOf(2)).toEqual(alone.test.map((i) => kept[i]));
        expect(rowsOf(NO_PART)).toEqual(range(labels.length).filter((i) => mask[i] === 0));
      }),
      { numRuns: 100 },
    );
  });

  it('rejects fractions that do not sum to 1', () => {
    expect(() => stratifiedSplit(['a'], { train: 0.8, valid: 0.1, test: 0.2, seed: 1 })).toThrow(
      'split fractions must be ≥ 0 and sum to 1, got 0.8 + 0.1 + 0.2 = 1.1',
    );
  });
});

describe('chromosomeHoldout', () => {
  it('puts whole chromosomes in test and valid, matching chr8 with 8', () => {
    const chroms = ['chr1', '1', 'chr8', '8', 'chr9', '2'];
    expect(chromosomeHoldout(chroms, { test: ['8'], valid: ['chr9'] })).toEqual({
      train: [0, 1, 5],
      valid: [4],
      test: [2, 3],
    });
  });

  it('never shares a chromosome between sets and assigns every record', () => {
    fc.assert(
      fc.property(chromsArb, (chroms) => {
        const [held] = chroms;
        const split = chromosomeHoldout(chroms, { test: [held] });
        expectPartition([split.train, split.valid, split.test], chroms.length);
        expect(disjoint(chromsOf(chroms, split.train), chromsOf(chroms, split.test))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('names held-out chromosomes without records and overlapping lists', () => {
    expect(() => chromosomeHoldout(['1'], { test: ['chr7'] })).toThrow(
      'held-out chromosome(s) chr7 have no records',
    );
    expect(() => chromosomeHoldout(['1'], { test: ['1'], valid: ['chr1'] })).toThrow(
      'chromosome(s) 1 are listed for both test and valid',
    );
  });
});

describe('k-fold', () => {
  const checkFolds = (folds: Fold[], n: number) => {
    expectPartition(
      folds.map((f) => f.test),
      n,
    );
    for (const f of folds) expectPartition([f.train, f.test], n);
  };

  it('stratified folds partition the records, sizes within one, same seed same folds', () => {
    fc.assert(
      fc.property(labelsArb, fc.integer({ min: 2, max: 5 }), fc.integer(), (labels, k, seed) => {
        fc.pre(labels.length >= k);
        const folds = kFold(labels, { k, seed });
        checkFolds(folds, labels.length);
        const sizes = folds.map((f) => f.test.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(kFold(labels, { k, seed })).toEqual(folds);
      }),
      { numRuns: 100 },
    );
  });

  it('chromosome folds never share a chromosome between train and test', () => {
    fc.assert(
      fc.property(chromsArb, fc.integer({ min: 2, max: 3 }), fc.integer(), (chroms, k, seed) => {
        fc.pre(new Set(chroms.map(canonicalChromosome)).size >= k);
        const folds = chromosomeKFold(chroms, { k, seed });
        checkFolds(folds, chroms.length);
        for (const f of folds)
          expect(disjoint(chromsOf(chroms, f.train), chromsOf(chroms, f.test))).toBe(true);
        expect(chromosomeKFold(chroms, { k, seed })).toEqual(folds);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses more folds than records or chromosomes', () => {
    expect(() => kFold(['a', 'b'], { k: 3, seed: 1 })).toThrow(
      'k = 3 folds need at least 3 records, got 2',
    );
    expect(() => chromosomeKFold(['chr1', '1'], { k: 2, seed: 1 })).toThrow(
      'k = 2 folds need at least 2 chromosomes, got 1',
    );
  });
});

/** stratifiedSplit of the 12 labels above, seed 7, 50/25/25, as the array version computed it. */
const SEED_7_SPLIT: Split = { train: [1, 2, 3, 5, 7, 8], valid: [6, 9, 10, 11], test: [0, 4] };
