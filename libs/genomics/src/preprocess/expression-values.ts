import { GenomicsError } from '../errors/genomics-error.ts';

/**
 * The part of an ExpressionMatrix the preprocessing steps read and write: values row-major
 * [sample][gene], NaN = missing. An ExpressionMatrix is one; each step returns a new one.
 */
export interface ExpressionValues {
  genes: readonly string[];
  samples: readonly string[];
  values: Float32Array;
}

/** Checks that values holds samples × genes cells; returns [samples, genes]. */
export function shapeOf(m: ExpressionValues): [number, number] {
  const rows = m.samples.length;
  const cols = m.genes.length;
  if (m.values.length !== rows * cols) {
    throw new GenomicsError(
      'INVALID_MATRIX',
      `values has ${m.values.length} cells, expected ${rows} samples × ${cols} genes = ${rows * cols}`,
    );
  }
  return [rows, cols];
}

/** A copy of m with new values (genes and samples unchanged). */
export function withValues(m: ExpressionValues, values: Float32Array): ExpressionValues {
  return { genes: m.genes, samples: m.samples, values };
}

/** Mean and sample variance (n − 1) of one gene over the samples where it is not NaN. */
export function geneMoments(
  values: Float32Array,
  rows: number,
  cols: number,
  gene: number,
): { n: number; mean: number; variance: number } {
  let n = 0;
  let sum = 0;
  for (let s = 0; s < rows; s++) {
    const v = values[s * cols + gene];
    if (!Number.isNaN(v)) {
      n++;
      sum += v;
    }
  }
  const mean = n > 0 ? sum / n : NaN;
  let squares = 0;
  for (let s = 0; s < rows; s++) {
    const v = values[s * cols + gene];
    if (!Number.isNaN(v)) squares += (v - mean) ** 2;
  }
  return { n, mean, variance: n > 1 ? squares / (n - 1) : NaN };
}
