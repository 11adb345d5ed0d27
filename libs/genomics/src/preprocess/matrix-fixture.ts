import type { ExpressionValues } from './expression-values.ts';

/** A samples × genes matrix from rows, for specs; genes g0, g1, …; samples s0, s1, …. */
export function matrix(rows: number[][]): ExpressionValues {
  return {
    samples: rows.map((_, i) => `s${i}`),
    genes: rows[0].map((_, i) => `g${i}`),
    values: Float32Array.from(rows.flat()),
  };
}
