import type { LabelledData } from './labelled-data.ts';
import { LearningError } from './learning.error.ts';

/**
 * Per-feature standardisation learnt from training rows: (x − mean) / sd, missing values (NaN)
 * and constant features becoming 0. Saved beside a model (`feature-scaling.json`) so whoever
 * applies it scales inputs the same way.
 */
export interface FeatureScaling {
  features: string[] | null;
  mean: number[];
  sd: number[];
}

/** File name of the scaling beside a saved model. */
export const FEATURE_SCALING_FILE = 'feature-scaling.json';

/** The scaling of feature data's `rows` (population sd); null for sequences, which pass as is. */
export function fitFeatureScaling(
  data: LabelledData,
  rows: ArrayLike<number>,
): FeatureScaling | null {
  if (data.kind !== 'features') return null;
  const f = data.length * data.alphabetSize;
  const sum = new Float64Array(f);
  const sq = new Float64Array(f);
  const n = new Float64Array(f);
  for (let i = 0; i < rows.length; i++) {
    const at = rows[i] * f;
    for (let j = 0; j < f; j++) {
      const v = data.x[at + j];
      if (Number.isFinite(v)) {
        sum[j] += v;
        sq[j] += v * v;
        n[j]++;
      }
    }
  }
  const mean = new Array<number>(f);
  const sd = new Array<number>(f);
  for (let j = 0; j < f; j++) {
    mean[j] = n[j] ? sum[j] / n[j] : 0;
    sd[j] = n[j] > 1 ? Math.sqrt(Math.max(sq[j] / n[j] - mean[j] * mean[j], 0)) : 0;
  }
  return { features: data.features ?? null, mean, sd };
}

/** `data` scaled by `scaling` (a copy); unchanged when scaling is null. */
export function applyFeatureScaling(
  data: LabelledData,
  scaling: FeatureScaling | null,
): LabelledData {
  if (scaling === null) return data;
  const f = scaling.mean.length;
  if (data.length * data.alphabetSize !== f) {
    throw new LearningError(
      'INVALID_DATA',
      `the data has ${data.length * data.alphabetSize} features; the model was trained on ${f}`,
    );
  }
  const trained = scaling.features;
  const at = trained?.findIndex((name, j) => data.features?.[j] !== name) ?? -1;
  if (trained && at >= 0 && data.features) {
    throw new LearningError(
      'INVALID_DATA',
      `feature ${at + 1} is "${data.features[at]}"; the model was trained with "${trained[at]}" there (same features, same order needed)`,
    );
  }
  const x = new Float32Array(data.x.length);
  for (let i = 0; i < data.count; i++) {
    for (let j = 0; j < f; j++) {
      const v = data.x[i * f + j];
      const sd = scaling.sd[j];
      x[i * f + j] = Number.isFinite(v) && sd > 0 ? (v - scaling.mean[j]) / sd : 0;
    }
  }
  return { ...data, x };
}
