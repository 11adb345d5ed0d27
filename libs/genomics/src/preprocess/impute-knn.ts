import { GenomicsError } from '../errors/genomics-error.ts';
import type { ExpressionValues } from './expression-values.ts';
import { geneMoments, shapeOf, withValues } from './expression-values.ts';

/**
 * Distance between two samples in the style of Bioconductor impute's `impute.knn`: the mean of
 * squared differences over the genes both have observed (so pairs sharing fewer genes are not
 * favoured), square-rooted; Infinity when they share none.
 */
function distance(values: Float32Array, cols: number, a: number, b: number): number {
  let n = 0;
  let sum = 0;
  for (let g = 0; g < cols; g++) {
    const d = values[a * cols + g] - values[b * cols + g];
    if (!Number.isNaN(d)) {
      n++;
      sum += d * d;
    }
  }
  return n === 0 ? Infinity : Math.sqrt(sum / n);
}

/**
 * k-nearest-neighbour imputation: a sample's missing gene gets the unweighted mean of that gene
 * in the k samples nearest to it (see `distance`) among those that have the gene observed, as
 * impute.knn averages its neighbours (impute.knn finds neighbouring genes; here the neighbours
 * are samples, the rows models read). Ties in distance go to the earlier sample. When no sample
 * sharing any gene has it, the gene's mean is used. Costs samples² × genes.
 */
export function imputeKnn(m: ExpressionValues, k: number): ExpressionValues {
  const [rows, cols] = shapeOf(m);
  if (!Number.isInteger(k) || k < 1) {
    throw new GenomicsError('INVALID_ARGUMENT', `k must be an integer ≥ 1, got ${k}`);
  }
  const { values } = m;
  const out = values.slice();
  for (let s = 0; s < rows; s++) {
    let byDistance: { sample: number; d: number }[] | undefined;
    for (let g = 0; g < cols; g++) {
      if (!Number.isNaN(values[s * cols + g])) continue;
      byDistance ??= Array.from({ length: rows }, (_, t) => ({
        sample: t,
        d: t === s ? Infinity : distance(values, cols, s, t),
      }))
        .filter(({ d }) => d < Infinity)
        .sort((a, b) => a.d - b.d || a.sample - b.sample);
      const donors = byDistance
        .filter(({ sample }) => !Number.isNaN(values[sample * cols + g]))
        .slice(0, k);
      if (donors.length > 0) {
        let sum = 0;
        for (const { sample } of donors) sum += values[sample * cols + g];
        out[s * cols + g] = sum / donors.length;
        continue;
      }
      const { n, mean } = geneMoments(values, rows, cols, g);
      if (n === 0) {
        throw new GenomicsError(
          'ALL_MISSING',
          `gene "${m.genes[g]}" is missing in every sample; drop it before imputing`,
        );
      }
      out[s * cols + g] = mean;
    }
  }
  return withValues(m, out);
}
