import { GenomicsError } from '../errors/genomics-error.ts';
import type { ExpressionValues } from './expression-values.ts';
import { geneMoments, shapeOf, withValues } from './expression-values.ts';

/** Per-gene centre and scale, to standardise a test set with the training set's values. */
export interface GeneScaling {
  means: Float32Array;
  sds: Float32Array;
}

/**
 * Standardises each gene to (x − mean) / sd, as R's `scale()`: sample sd (n − 1), NaN cells
 * ignored and kept. Without `scaling`, the means and sds are computed from m and returned; pass
 * the training set's to transform a test set identically. A gene with sd 0 (or a single
 * observed value) is only centred: dividing by 0 would give NaN or ±Infinity.
 */
export function zScoreGenes(
  m: ExpressionValues,
  scaling?: GeneScaling,
): { matrix: ExpressionValues; scaling: GeneScaling } {
  const [rows, cols] = shapeOf(m);
  let used = scaling;
  if (used) {
    if (used.means.length !== cols || used.sds.length !== cols) {
      throw new GenomicsError(
        'INVALID_ARGUMENT',
        `scaling has ${used.means.length} means and ${used.sds.length} sds for ${cols} genes`,
      );
    }
  } else {
    const means = new Float32Array(cols);
    const sds = new Float32Array(cols);
    for (let g = 0; g < cols; g++) {
      const { mean, variance } = geneMoments(m.values, rows, cols, g);
      means[g] = mean;
      sds[g] = Number.isNaN(variance) ? 0 : Math.sqrt(variance);
    }
    used = { means, sds };
  }
  const out = new Float32Array(m.values.length);
  for (let s = 0; s < rows; s++) {
    for (let g = 0; g < cols; g++) {
      const i = s * cols + g;
      const sd = used.sds[g];
      out[i] = (m.values[i] - used.means[g]) / (sd > 0 ? sd : 1);
    }
  }
  return { matrix: withValues(m, out), scaling: used };
}
