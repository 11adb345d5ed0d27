/**
 * TOMTOM-like motif comparison (Gupta, Stamatoyannopoulos, Bailey & Noble, Genome Biol. 2007),
 * simplified:
 *   - column score: Pearson correlation of probability columns (TOMTOM's `-dist pearson`);
 *   - alignment score: the sum of column scores over the best ungapped offset with at least
 *     `minOverlap` aligned columns, on either strand (the query or its reverse complement);
 *   - p-value: empirical, not TOMTOM's exact per-offset distribution. The null is the best score
 *     of the same query against `shuffles` column-shuffled copies of every database matrix
 *     (each copy keeps its matrix's width and columns, so the null has the database's mix of
 *     widths and offsets); p = (1 + #null ≥ score) / (1 + #null). Its floor is 1 / (1 + #null)
 *     (≈ 1.1e-4 for 879 matrices × 10 shuffles), so ranks below it are told apart by score.
 */
import { GenomicsError } from '../../errors/genomics-error.ts';
import { createRng } from '../../random/rng.ts';
import type { Pfm } from '../pfm.ts';
import { bestAlignment } from './best-alignment.ts';
import { columnSimilarity, motifColumns, reverseComplementColumns } from './motif-columns.ts';
import type { MotifColumns } from './motif-columns.ts';

/** Options of `compareMotifs`. */
export interface CompareMotifsOptions {
  /** Fewest aligned columns (capped at the shorter width); default 5. */
  minOverlap?: number;
  /** Column-shuffled copies of each database matrix in the null; default 10. */
  shuffles?: number;
  /** Seed of the shuffles; default 1. */
  seed?: number;
}

/** One database matrix scored against the query. */
export interface MotifMatch {
  id: string;
  name: string;
  /** Sum of column Pearson correlations over the best alignment. */
  score: number;
  /** Empirical p-value of `score` (see the file comment). */
  pvalue: number;
  /** Target position of the aligned query's first column (may be negative). */
  offset: number;
  /** '+': the query as given; '-': its reverse complement aligned to the target. */
  strand: '+' | '-';
  /** Aligned columns. */
  overlap: number;
  /** 1 for the best match. */
  rank: number;
}

function check(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new GenomicsError('INVALID_OPTIONS', `${name} must be an integer ≥ ${min}, got ${value}`);
  }
}

/** Best alignment of both query strands against one target's (maybe permuted) columns. */
function align(
  forward: MotifColumns,
  reverse: MotifColumns,
  target: MotifColumns,
  minOverlap: number,
  sims: [Float64Array, Float64Array],
  order?: ArrayLike<number>,
) {
  const overlap = Math.min(minOverlap, forward.width, target.width);
  const plus = bestAlignment(sims[0], forward.width, target.width, overlap, order);
  const minus = bestAlignment(sims[1], reverse.width, target.width, overlap, order);
  return minus.score > plus.score
    ? { ...minus, strand: '-' as const }
    : { ...plus, strand: '+' as const };
}

/**
 * Scores `query` against every matrix of `database` and returns them best first (highest score;
 * equal scores keep database order), each with its empirical p-value, offset, strand and rank.
 * Deterministic for a given seed.
 * @example compareMotifs(filterPfm, await readJasparFile(path))[0].name // e.g. 'CTCF'
 */
export function compareMotifs(
  query: Pfm,
  database: readonly Pfm[],
  options: CompareMotifsOptions = {},
): MotifMatch[] {
  const { minOverlap = 5, shuffles = 10, seed = 1 } = options;
  check('minOverlap', minOverlap, 1);
  check('shuffles', shuffles, 0);
  if (query.counts.length === 0) {
    throw new GenomicsError('INVALID_MOTIF', `query motif ${query.id} has width 0`);
  }
  const forward = motifColumns(query);
  const reverse = reverseComplementColumns(forward);
  const rng = createRng(seed);
  const nullScores: number[] = [];
  const found = database.map((pfm, index) => {
    if (pfm.counts.length === 0) {
      throw new GenomicsError('INVALID_MOTIF', `database motif ${pfm.id} (#${index}) has width 0`);
    }
    const target = motifColumns(pfm);
    const sims: [Float64Array, Float64Array] = [
      columnSimilarity(forward, target),
      columnSimilarity(reverse, target),
    ];
    const order = Array.from({ length: target.width }, (_, j) => j);
    for (let s = 0; s < shuffles; s++) {
      rng.shuffle(order);
      nullScores.push(align(forward, reverse, target, minOverlap, sims, order).score);
    }
    return { pfm, ...align(forward, reverse, target, minOverlap, sims) };
  });
  const sortedNull = Float64Array.from(nullScores).sort();
  const atLeast = (score: number) => sortedNull.length - lowerBound(sortedNull, score);
  return found
    .map((m, index) => ({ m, index }))
    .sort((a, b) => b.m.score - a.m.score || a.index - b.index)
    .map(({ m }, i) => ({
      id: m.pfm.id,
      name: m.pfm.name,
      score: m.score,
      pvalue: (1 + atLeast(m.score)) / (1 + sortedNull.length),
      offset: m.offset,
      strand: m.strand,
      overlap: m.overlap,
      rank: i + 1,
    }));
}

/** First index whose value is ≥ x in an ascending array. */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
