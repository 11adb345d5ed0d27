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

/** File name of the second input's scaling beside a saved model (DeepCpG's feature columns). */
export const EXTRA_SCALING_FILE = 'extra-input-scaling.json';

/** The per-column scaling of `rows` of a [count, width] row-major array (population sd). */
function fitColumns(
  values: Float32Array,
  width: number,
  rows: ArrayLike<number>,
  names: string[] | null,
): FeatureScaling {
  const f = width;
  const sum = new Float64Array(f);
  const sq = new Float64Array(f);
  const n = new Float64Array(f);
  for (let i = 0; i < rows.length; i++) {
    const at = rows[i] * f;
    for (let j = 0; j < f; j++) {
      const v = values[at + j];
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
  return { features: names, mean, sd };
}

/** (v − mean) / sd per column; missing values and constant columns become 0. */
function applyColumns(values: Float32Array, count: number, scaling: FeatureScaling): Float32Array {
  const f = scaling.mean.length;
  const x = new Float32Array(values.length);
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < f; j++) {
      const v = values[i * f + j];
      const sd = scaling.sd[j];
      x[i * f + j] = Number.isFinite(v) && sd > 0 ? (v - scaling.mean[j]) / sd : 0;
    }
  }
  return x;
}

/** Throws unless `names` (of `width` columns) are the ones `scaling` was learnt on, in order. */
function checkColumns(
  width: number,
  names: string[] | undefined,
  scaling: FeatureScaling,
  what: string,
): void {
  const f = scaling.mean.length;
  if (width !== f) {
    throw new LearningError(
      'INVALID_DATA',
      `the data has ${width} ${what}s; the model was trained on ${f}`,
    );
  }
  const trained = scaling.features;
  const at = trained?.findIndex((name, j) => names?.[j] !== name) ?? -1;
  if (trained && at >= 0 && names) {
    throw new LearningError(
      'INVALID_DATA',
      `${what} ${at + 1} is "${names[at]}"; the model was trained with "${trained[at]}" there (same ${what}s, same order needed)`,
    );
  }
}

/** The scaling of feature data's `rows` (population sd); null for sequences, which pass as is. */
export function fitFeatureScaling(
  data: LabelledData,
  rows: ArrayLike<number>,
): FeatureScaling | null {
  if (data.kind !== 'features') return null;
  return fitColumns(data.x, data.length * data.alphabetSize, rows, data.features ?? null);
}

/** `data` scaled by `scaling` (a copy); unchanged when scaling is null. */
export function applyFeatureScaling(
  data: LabelledData,
  scaling: FeatureScaling | null,
): LabelledData {
  if (scaling === null) return data;
  checkColumns(data.length * data.alphabetSize, data.features, scaling, 'feature');
  return { ...data, x: applyColumns(data.x, data.count, scaling) };
}

/** The scaling of the second input's `rows` (feature columns); null without one. */
export function fitExtraScaling(
  data: LabelledData,
  rows: ArrayLike<number>,
): FeatureScaling | null {
  if (!data.extraInput || !data.extraFeatures) return null;
  return fitColumns(data.extraInput, data.extraFeatures.length, rows, data.extraFeatures);
}

/** `data` with its second input scaled by `scaling` (a copy); unchanged when scaling is null. */
export function applyExtraScaling(
  data: LabelledData,
  scaling: FeatureScaling | null,
): LabelledData {
  if (scaling === null) return data;
  if (!data.extraInput || !data.extraFeatures) {
    throw new LearningError(
      'INVALID_DATA',
      `the model reads ${scaling.mean.length} feature columns as a second input; the data has none`,
    );
  }
  checkColumns(data.extraFeatures.length, data.extraFeatures, scaling, 'feature column');
  return { ...data, extraInput: applyColumns(data.extraInput, data.count, scaling) };
}
