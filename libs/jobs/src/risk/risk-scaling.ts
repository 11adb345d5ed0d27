import { zScoreGenes } from '@strand/genomics';
import type { GeneScaling } from '@strand/genomics';

/** One modality's matrix: row-major [sample][feature]. */
export interface FeatureMatrix {
  values: Float32Array;
  features: readonly string[];
}

/** The rows of a samples × features matrix at `rows`, in that order. */
export function pickRows(m: FeatureMatrix, rows: readonly number[]): FeatureMatrix {
  const f = m.features.length;
  const values = new Float32Array(rows.length * f);
  rows.forEach((r, i) => values.set(m.values.subarray(r * f, (r + 1) * f), i * f));
  return { values, features: m.features };
}

/**
 * Standardises features with a scaling fitted on `train` alone (z-score: @strand/genomics'
 * zScoreGenes, sample sd), then applied unchanged to `others`, so nothing of a test fold leaks
 * into its preprocessing. Missing values (NaN) become 0, the training mean; constant features
 * become 0.
 */
export function standardiseFold(
  train: FeatureMatrix,
  others: readonly FeatureMatrix[],
): { scaled: [Float32Array, ...Float32Array[]]; scaling: GeneScaling } {
  const { matrix, scaling } = zScoreGenes(asValues(train));
  const scaled: [Float32Array, ...Float32Array[]] = [
    zeroMissing(matrix.values),
    ...others.map((m) => zeroMissing(zScoreGenes(asValues(m), scaling).matrix.values)),
  ];
  return { scaled, scaling };
}

function asValues(m: FeatureMatrix) {
  const rows = m.values.length / Math.max(1, m.features.length);
  return {
    genes: m.features,
    samples: Array.from({ length: rows }, (_, i) => String(i)),
    values: m.values,
  };
}

function zeroMissing(values: Float32Array): Float32Array {
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) values[i] = 0;
  return values;
}
