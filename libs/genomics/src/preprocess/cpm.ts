import { GenomicsError } from '../errors/genomics-error.ts';
import type { ExpressionValues } from './expression-values.ts';
import { shapeOf, withValues } from './expression-values.ts';

/**
 * Counts per million: each sample's counts divided by its total (NaN cells left out of the
 * total and kept NaN) times 10^6, as edgeR's `cpm(x, log = FALSE)` without normalisation factors.
 */
export function countsPerMillion(m: ExpressionValues): ExpressionValues {
  const [rows, cols] = shapeOf(m);
  const out = new Float32Array(m.values.length);
  for (let s = 0; s < rows; s++) {
    let total = 0;
    for (let g = 0; g < cols; g++) {
      const v = m.values[s * cols + g];
      if (!Number.isNaN(v)) total += v;
    }
    if (!(total > 0)) {
      throw new GenomicsError(
        'INVALID_MATRIX',
        `sample "${m.samples[s]}" has a total count of ${total}; CPM needs a positive total`,
      );
    }
    for (let g = 0; g < cols; g++) out[s * cols + g] = (m.values[s * cols + g] / total) * 1e6;
  }
  return withValues(m, out);
}
