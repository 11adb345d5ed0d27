import { GenomicsError } from '../errors/genomics-error.ts';
import type { ExpressionValues } from './expression-values.ts';
import { shapeOf, withValues } from './expression-values.ts';

/** Linear interpolation of `ys` (points at 0, 1/(n−1), …, 1) at t ∈ [0, 1], as R's approx(). */
function interpolate(ys: ArrayLike<number>, t: number): number {
  const pos = t * (ys.length - 1);
  const lo = Math.min(Math.floor(pos), ys.length - 2);
  return ys[lo] + (pos - lo) * (ys[lo + 1] - ys[lo]);
}

/** Average ranks (1-based; ties share the mean of their ranks) of the observed values. */
function averageRanks(observed: number[]): number[] {
  const order = observed.map((_, i) => i).sort((a, b) => observed[a] - observed[b]);
  const ranks = new Array<number>(observed.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && observed[order[j + 1]] === observed[order[i]]) j++;
    for (let k = i; k <= j; k++) ranks[order[k]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return ranks;
}

/**
 * Quantile normalisation across samples: every sample gets the same distribution, the mean of
 * the samples' sorted values. Ported from limma's `normalizeQuantiles(A, ties = TRUE)` (Smyth;
 * Bolstad et al. 2003), with samples as limma's columns: tied values get the reference value at
 * their average rank (interpolated), and a sample with missing values is interpolated onto the
 * full grid of ranks, its NaN cells staying NaN.
 * @example with genes as rows, samples (5,2,3,4), (4,1,4,2), (3,4,6,8) → (5.67,2,3,4.67), (5.17,2,5.17,3), (2,3,4.67,5.67)
 */
export function quantileNormalize(m: ExpressionValues): ExpressionValues {
  const [rows, cols] = shapeOf(m);
  if (rows < 2) return withValues(m, m.values.slice());
  const observedOf = (s: number) => {
    const row = Array.from(m.values.subarray(s * cols, (s + 1) * cols));
    const observed = row.filter((v) => !Number.isNaN(v));
    if (observed.length < 2) {
      throw new GenomicsError(
        'INVALID_MATRIX',
        `sample "${m.samples[s]}" has ${observed.length} observed values; quantile normalisation needs at least 2`,
      );
    }
    return { row, observed };
  };
  // The reference distribution: at each of `cols` evenly spaced quantiles, the samples' mean.
  const reference = new Float64Array(cols);
  for (let s = 0; s < rows; s++) {
    const sorted = observedOf(s).observed.sort((a, b) => a - b);
    for (let q = 0; q < cols; q++) {
      const value = sorted.length === cols ? sorted[q] : interpolate(sorted, q / (cols - 1));
      reference[q] += value / rows;
    }
  }
  const out = new Float32Array(m.values.length);
  for (let s = 0; s < rows; s++) {
    const { row, observed } = observedOf(s);
    const ranks = averageRanks(observed);
    let k = 0;
    row.forEach((v, g) => {
      out[s * cols + g] = Number.isNaN(v)
        ? NaN
        : interpolate(reference, (ranks[k++] - 1) / (observed.length - 1));
    });
  }
  return withValues(m, out);
}
