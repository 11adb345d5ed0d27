import { GenomicsError } from '../errors/genomics-error.ts';
import { canonicalChromosome } from '../formats/chromosome-names.ts';
import { createRng } from '../random/rng.ts';
import type { Fold } from './split-types.ts';
import { ascending, groupIndexes } from './split-types.ts';

function checkK(k: number, groups: number, what: string): void {
  if (!Number.isInteger(k) || k < 2)
    throw new GenomicsError('INVALID_OPTIONS', `k must be an integer ≥ 2, got ${k}`);
  if (k > groups)
    throw new GenomicsError(
      'INVALID_OPTIONS',
      `k = ${k} folds need at least ${k} ${what}, got ${groups}`,
    );
}

/** Turns a record → fold assignment into k folds (fold i = test, the rest = train). */
function toFolds(foldOf: number[], k: number): Fold[] {
  return Array.from({ length: k }, (_, f) => {
    const fold: Fold = { train: [], test: [] };
    foldOf.forEach((g, i) => (g === f ? fold.test : fold.train).push(i));
    return fold;
  });
}

/**
 * Stratified random k-fold: each class is shuffled with the seeded RNG and dealt round-robin
 * into the folds (continuing where the previous class stopped), so fold sizes differ by at
 * most one and each fold keeps the class balance.
 */
export function kFold(
  labels: readonly (string | number)[],
  options: { k: number; seed: number },
): Fold[] {
  checkK(options.k, labels.length, 'records');
  const rng = createRng(options.seed);
  const foldOf = new Array<number>(labels.length);
  let next = 0;
  for (const indexes of groupIndexes(labels).values()) {
    for (const i of rng.shuffle([...indexes])) foldOf[i] = next++ % options.k;
  }
  return toFolds(foldOf, options.k);
}

/**
 * k-fold by chromosome: whole chromosomes (compared canonically, `chr1` = `1`) go to folds,
 * so no chromosome is in a fold's train and test. Chromosomes are shuffled with the seed, then
 * placed largest first into the fold with the fewest records, which keeps folds near equal.
 */
export function chromosomeKFold(
  chroms: readonly string[],
  options: { k: number; seed: number },
): Fold[] {
  const groups = groupIndexes(chroms.map(canonicalChromosome));
  checkK(options.k, groups.size, 'chromosomes');
  const rng = createRng(options.seed);
  const order = rng.shuffle([...groups.keys()]);
  // A stable sort keeps the shuffled order among chromosomes of equal size.
  order.sort((a, b) => (groups.get(b)?.length ?? 0) - (groups.get(a)?.length ?? 0));
  const sizes = new Array<number>(options.k).fill(0);
  const foldOf = new Array<number>(chroms.length);
  for (const chrom of order) {
    const indexes = groups.get(chrom) ?? [];
    const fold = sizes.indexOf(Math.min(...sizes));
    sizes[fold] += indexes.length;
    for (const i of indexes) foldOf[i] = fold;
  }
  return toFolds(foldOf, options.k).map((f) => ({
    train: f.train.sort(ascending),
    test: f.test.sort(ascending),
  }));
}
