import type { LabelledData } from './labelled-data.ts';
import { LearningError } from './learning.error.ts';

/**
 * Per-feature standardisation learnt from training rows: (x − mean) / sd, missing values (NaN)
 * and constant features becoming 0; with a feature selection, only the `selected` columns are
 * kept (in input order). Saved beside a model (`feature-scaling.json`) so whoever applies it
 * scales and selects inputs the same way.
 */
export interface FeatureScaling {
  /** Names of every input column (null when the data has none). */
  features: string[] | null;
  /** Of every input column. */
  mean: number[];
  sd: number[];
  /** The selection learnt on the training rows: indices of the kept columns, ascending. */
  selection?: (FeatureSelection & { selected: number[] }) | null;
}

/**
 * In-fold feature selection of a feature vector (expression) before the model: the `k` columns
 * scoring highest on the training rows alone — `f-test`: the ANOVA F of the classes (for two
 * classes the square of the pooled two-sample t), `variance`: the variance (any target).
 */
export interface FeatureSelection {
  method: 'f-test' | 'variance';
  k: number;
}

/** A fit's feature-selection option: a selection, `auto` (the default) or `none`. */
export type FeatureSelectionOption = FeatureSelection | 'auto' | 'none';

/** Methods of FeatureSelection, for validation and help. */
export const FEATURE_SELECTION_METHODS = ['f-test', 'variance'] as const;

/**
 * Columns kept by `auto` when a feature vector has more columns than training rows (p ≫ n:
 * microarrays, RNA-seq): the top 200 by F-test for class labels, by variance otherwise. Chosen
 * on simulated p ≫ n cohorts and Golub (see the baselines2 note); below p = n, `auto` keeps all.
 */
export const AUTO_SELECTED_FEATURES = 200;

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

/**
 * (v − mean) / sd per column; missing values and constant columns become 0. With a selection,
 * only the selected columns, in order.
 */
function applyColumns(values: Float32Array, count: number, scaling: FeatureScaling): Float32Array {
  const f = scaling.mean.length;
  const columns = scaling.selection?.selected ?? null;
  const w = columns ? columns.length : f;
  const x = new Float32Array(count * w);
  for (let i = 0; i < count; i++) {
    for (let c = 0; c < w; c++) {
      const j = columns ? (columns[c] as number) : c;
      const v = values[i * f + j];
      const sd = scaling.sd[j];
      x[i * w + c] = Number.isFinite(v) && sd > 0 ? (v - scaling.mean[j]) / sd : 0;
    }
  }
  return x;
}

/**
 * The selection `option` resolves to on `data`'s training `rows`: null for sequences, `none`,
 * or `auto` when there are no more feature columns than training rows. Throws LearningError for
 * a selection that does not fit (k out of range, a second axis, F-test without classes).
 */
export function resolveFeatureSelection(
  data: LabelledData,
  rows: ArrayLike<number>,
  option: FeatureSelectionOption | undefined,
): FeatureSelection | null {
  if (data.kind !== 'features' || option === 'none') return null;
  const width = data.length * data.alphabetSize;
  const classes = !data.tasks && !data.profile && data.labelNames.length >= 2;
  if (option === undefined || option === 'auto') {
    if (width <= rows.length || data.alphabetSize !== 1 || width <= AUTO_SELECTED_FEATURES) {
      return null;
    }
    return { method: classes ? 'f-test' : 'variance', k: AUTO_SELECTED_FEATURES };
  }
  if (!FEATURE_SELECTION_METHODS.includes(option.method)) {
    throw new LearningError(
      'INVALID_OPTIONS',
      `featureSelection.method must be one of ${FEATURE_SELECTION_METHODS.join(', ')}; got "${String(option.method)}"`,
      'featureSelection',
    );
  }
  if (!Number.isInteger(option.k) || option.k < 1 || option.k > width) {
    throw new LearningError(
      'INVALID_OPTIONS',
      `featureSelection.k must be an integer from 1 to the number of features (${width}); got ${option.k}`,
      'featureSelection',
    );
  }
  if (data.alphabetSize !== 1) {
    throw new LearningError(
      'INVALID_OPTIONS',
      `feature selection needs one value per feature; this data has ${data.alphabetSize} per step`,
      'featureSelection',
    );
  }
  if (option.method === 'f-test' && !classes) {
    throw new LearningError(
      'INVALID_OPTIONS',
      'featureSelection f-test needs one label column of classes; use variance',
      'featureSelection',
    );
  }
  return { method: option.method, k: option.k };
}

/**
 * Per column of `rows` (missing values skipped): the ANOVA F of the classes `labels`, or the
 * variance. A column with no within-class spread scores +Infinity when its class means differ.
 */
export function featureScores(
  data: LabelledData,
  rows: ArrayLike<number>,
  method: FeatureSelection['method'],
): Float64Array {
  const f = data.length * data.alphabetSize;
  const k = method === 'f-test' ? data.labelNames.length : 1;
  const n = new Float64Array(f * k);
  const sum = new Float64Array(f * k);
  const sq = new Float64Array(f * k);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as number;
    const c = method === 'f-test' ? (data.labels[r] as number) : 0;
    const at = r * f;
    for (let j = 0; j < f; j++) {
      const v = data.x[at + j] as number;
      if (!Number.isFinite(v)) continue;
      const q = j * k + c;
      n[q]++;
      sum[q] += v;
      sq[q] += v * v;
    }
  }
  const scores = new Float64Array(f);
  for (let j = 0; j < f; j++) {
    let total = 0;
    let totalSum = 0;
    let within = 0;
    let groups = 0;
    for (let c = 0; c < k; c++) {
      const q = j * k + c;
      if (!n[q]) continue;
      groups++;
      total += n[q];
      totalSum += sum[q];
      within += Math.max(sq[q] - (sum[q] * sum[q]) / n[q], 0);
    }
    if (total < 2) continue;
    const grand = totalSum / total;
    if (method === 'variance') {
      scores[j] = within / total;
      continue;
    }
    let between = 0;
    for (let c = 0; c < k; c++) {
      const q = j * k + c;
      if (n[q]) between += n[q] * (sum[q] / n[q] - grand) ** 2;
    }
    if (groups < 2 || total <= groups) continue;
    const msb = between / (groups - 1);
    const msw = within / (total - groups);
    scores[j] = msw > 1e-12 ? msb / msw : between > 1e-12 ? Infinity : 0;
  }
  return scores;
}

/** The `k` best-scoring columns (ties: the earlier column), ascending. */
function topColumns(scores: Float64Array, k: number): number[] {
  const order = Array.from(scores.keys()).sort((a, b) => {
    const d = (scores[b] as number) - (scores[a] as number);
    return d > 0 || d < 0 ? d : a - b;
  });
  return order.slice(0, k).sort((a, b) => a - b);
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

/**
 * The scaling of feature data's `rows` (population sd), with the feature selection `selection`
 * (resolveFeatureSelection) learnt on the same rows only; null for sequences, which pass as is.
 */
export function fitFeatureScaling(
  data: LabelledData,
  rows: ArrayLike<number>,
  selection: FeatureSelection | null = null,
): FeatureScaling | null {
  if (data.kind !== 'features') return null;
  const scaling = fitColumns(data.x, data.length * data.alphabetSize, rows, data.features ?? null);
  if (!selection) return scaling;
  const selected = topColumns(featureScores(data, rows, selection.method), selection.k);
  return { ...scaling, selection: { ...selection, selected } };
}

/**
 * `data` scaled by `scaling` (a copy): with a selection, only the selected features (length k);
 * unchanged when scaling is null.
 */
export function applyFeatureScaling(
  data: LabelledData,
  scaling: FeatureScaling | null,
): LabelledData {
  if (scaling === null) return data;
  checkColumns(data.length * data.alphabetSize, data.features, scaling, 'feature');
  const x = applyColumns(data.x, data.count, scaling);
  const selected = scaling.selection?.selected;
  if (!selected) return { ...data, x };
  return {
    ...data,
    x,
    length: selected.length,
    alphabetSize: 1,
    ...(data.features ? { features: selected.map((j) => data.features?.[j] as string) } : {}),
  };
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
