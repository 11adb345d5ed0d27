import { GenomicsError } from '../errors/genomics-error.ts';
import type { ExpressionValues } from './expression-values.ts';
import { geneMoments, shapeOf } from './expression-values.ts';

/**
 * Keeps the `top` genes of highest sample variance (NaN cells ignored; a gene with fewer than
 * two observed values has variance −∞ here, so it is dropped first). Ties go to the earlier gene;
 * the kept genes stay in their original order, and `kept` gives their original indices.
 */
export function varianceFilter(
  m: ExpressionValues,
  top: number,
): { matrix: ExpressionValues; kept: number[] } {
  const [rows, cols] = shapeOf(m);
  if (!Number.isInteger(top) || top < 1) {
    throw new GenomicsError('INVALID_ARGUMENT', `top must be an integer ≥ 1, got ${top}`);
  }
  const variances = Array.from({ length: cols }, (_, g) => {
    const { variance } = geneMoments(m.values, rows, cols, g);
    return Number.isNaN(variance) ? -Infinity : variance;
  });
  const order = variances.map((_, g) => g).sort((a, b) => variances[b] - variances[a] || a - b);
  const kept = order.slice(0, Math.min(top, cols)).sort((a, b) => a - b);
  const out = new Float32Array(rows * kept.length);
  for (let s = 0; s < rows; s++) {
    kept.forEach((g, j) => (out[s * kept.length + j] = m.values[s * cols + g]));
  }
  return {
    matrix: { genes: kept.map((g) => m.genes[g]), samples: m.samples, values: out },
    kept,
  };
}
