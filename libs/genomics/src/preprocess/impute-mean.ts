import { GenomicsError } from '../errors/genomics-error.ts';
import type { ExpressionValues } from './expression-values.ts';
import { geneMoments, shapeOf, withValues } from './expression-values.ts';

/** Replaces each missing (NaN) cell by its gene's mean over the samples where it is observed. */
export function imputeMean(m: ExpressionValues): ExpressionValues {
  const [rows, cols] = shapeOf(m);
  const out = m.values.slice();
  for (let g = 0; g < cols; g++) {
    const { n, mean } = geneMoments(m.values, rows, cols, g);
    if (n === rows) continue;
    if (n === 0) {
      throw new GenomicsError(
        'ALL_MISSING',
        `gene "${m.genes[g]}" is missing in every sample; drop it before imputing`,
      );
    }
    for (let s = 0; s < rows; s++) if (Number.isNaN(out[s * cols + g])) out[s * cols + g] = mean;
  }
  return withValues(m, out);
}
