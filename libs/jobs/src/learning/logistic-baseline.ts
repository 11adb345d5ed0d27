/**
 * The baseline every model is compared with (issue: gReLU, Kipoi and papers report one): an
 * L2-regularised multinomial logistic regression on the raw inputs, one-hot bases flattened for
 * sequences, features standardised with the training rows' mean and sd for expression (missing
 * values at the training mean). It minimises Σ log-loss + ½·‖W‖²/C as scikit-learn's
 * LogisticRegression(C) does (intercepts unpenalised), by full-batch Adam to a small gradient.
 * Two classes fit one softmax over both, which is the same model as a sigmoid.
 */
import { taskMetrics } from '@strand/models';
import type { LabelledData } from './labelled-data.ts';

/** Inverse regularisation strength (scikit-learn's default). */
export const BASELINE_C = 1;

/** What a baseline is, for results. */
export interface BaselineDescription {
  method: 'logistic-regression';
  /** `one-hot`: flattened one-hot bases; `standardised`: features scaled by training rows. */
  features: 'one-hot' | 'standardised';
  penalty: 'l2';
  C: number;
}

/** The baseline's description for data of this kind. */
export function describeBaseline(data: Pick<LabelledData, 'kind'>): BaselineDescription {
  return {
    method: 'logistic-regression',
    features: data.kind === 'sequence' ? 'one-hot' : 'standardised',
    penalty: 'l2',
    C: BASELINE_C,
  };
}

/** Whether the baseline applies: one label column of two or more classes (no multitask, profile). */
export function baselineApplies(data: LabelledData): boolean {
  return !data.tasks && !data.profile && !data.extraFeatures && data.labelNames.length >= 2;
}

/**
 * Fits the baseline on `train` and returns the test metrics named as a model's (`test_auroc`,
 * `test_accuracy`, … for two classes; `test_accuracy`, `test_macro_f1`, `test_auroc` for more).
 */
export function baselineMetrics(
  train: LabelledData,
  test: LabelledData,
  C = BASELINE_C,
): Record<string, number> {
  const k = train.labelNames.length;
  const d = train.length * train.alphabetSize;
  const scale = train.kind === 'features' ? standardiser(train.x, train.count, d) : null;
  const xTrain = scale ? scale(train.x, train.count) : train.x;
  const xTest = scale ? scale(test.x, test.count) : test.x;
  const model = fitSoftmax(xTrain, train.labels, train.count, d, k, C);
  const probs = predictSoftmax(model, xTest, test.count, d, k);
  const labels = Float32Array.from(test.labels);
  const raw =
    k === 2
      ? taskMetrics('binary', labels, column(probs, k, 1), 1)
      : taskMetrics('multiclass', labels, probs, k);
  const metrics: Record<string, number> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (/^val_(confusion_|auroc_c)/.test(key)) continue;
    metrics[key.replace(/^val_/, 'test_')] = value;
  }
  return metrics;
}

/** Standardises columns with the mean and sd of these rows (NaN → the mean, sd 0 → 1). */
function standardiser(x: Float32Array, n: number, d: number) {
  const mean = new Float64Array(d);
  const sq = new Float64Array(d);
  const seen = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const v = x[i * d + j] as number;
      if (Number.isNaN(v)) continue;
      mean[j] += v;
      sq[j] += v * v;
      seen[j]++;
    }
  }
  const sd = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const m = seen[j] ? mean[j] / seen[j] : 0;
    mean[j] = m;
    const variance = seen[j] ? sq[j] / seen[j] - m * m : 0;
    sd[j] = variance > 1e-12 ? Math.sqrt(variance) : 1;
  }
  return (rows: Float32Array, count: number): Float32Array => {
    const out = new Float32Array(count * d);
    for (let i = 0; i < count; i++) {
      for (let j = 0; j < d; j++) {
        const v = rows[i * d + j] as number;
        out[i * d + j] = Number.isNaN(v) ? 0 : (v - mean[j]) / sd[j];
      }
    }
    return out;
  };
}

interface Softmax {
  w: Float64Array;
  b: Float64Array;
}

/** Full-batch Adam on the penalised mean log-loss; stops when the gradient is tiny. */
function fitSoftmax(
  x: Float32Array,
  y: ArrayLike<number>,
  n: number,
  d: number,
  k: number,
  C: number,
): Softmax {
  const w = new Float64Array(d * k);
  const b = new Float64Array(k);
  const gw = new Float64Array(d * k);
  const gb = new Float64Array(k);
  const mw = new Float64Array(d * k);
  const vw = new Float64Array(d * k);
  const mb = new Float64Array(k);
  const vb = new Float64Array(k);
  const p = new Float64Array(k);
  const lambda = 1 / (C * n); // ½‖W‖²/C on the summed loss is ½λ‖W‖² on the mean
  const rate = 0.05;
  for (let step = 1; step <= 2000; step++) {
    gw.fill(0);
    gb.fill(0);
    for (let i = 0; i < n; i++) {
      const row = i * d;
      let max = -Infinity;
      for (let c = 0; c < k; c++) {
        let z = b[c] as number;
        for (let j = 0; j < d; j++) z += (x[row + j] as number) * (w[j * k + c] as number);
        p[c] = z;
        if (z > max) max = z;
      }
      let sum = 0;
      for (let c = 0; c < k; c++) {
        p[c] = Math.exp((p[c] as number) - max);
        sum += p[c] as number;
      }
      for (let c = 0; c < k; c++) {
        const g = ((p[c] as number) / sum - (y[i] === c ? 1 : 0)) / n;
        gb[c] += g;
        if (g === 0) continue;
        for (let j = 0; j < d; j++) gw[j * k + c] += g * (x[row + j] as number);
      }
    }
    let norm = 0;
    for (let q = 0; q < w.length; q++) {
      gw[q] += lambda * (w[q] as number);
      norm = Math.max(norm, Math.abs(gw[q] as number));
    }
    for (let c = 0; c < k; c++) norm = Math.max(norm, Math.abs(gb[c] as number));
    if (norm < 1e-5) break;
    adam(w, gw, mw, vw, step, rate);
    adam(b, gb, mb, vb, step, rate);
  }
  return { w, b };
}

function adam(
  p: Float64Array,
  g: Float64Array,
  m: Float64Array,
  v: Float64Array,
  t: number,
  rate: number,
): void {
  const b1 = 0.9;
  const b2 = 0.999;
  const c1 = 1 - b1 ** t;
  const c2 = 1 - b2 ** t;
  for (let q = 0; q < p.length; q++) {
    const gq = g[q] as number;
    m[q] = b1 * (m[q] as number) + (1 - b1) * gq;
    v[q] = b2 * (v[q] as number) + (1 - b2) * gq * gq;
    p[q] -= (rate * ((m[q] as number) / c1)) / (Math.sqrt((v[q] as number) / c2) + 1e-8);
  }
}

function predictSoftmax(
  model: Softmax,
  x: Float32Array,
  n: number,
  d: number,
  k: number,
): Float32Array {
  const out = new Float32Array(n * k);
  const z = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let c = 0; c < k; c++) {
      let s = model.b[c] as number;
      for (let j = 0; j < d; j++) s += (x[i * d + j] as number) * (model.w[j * k + c] as number);
      z[c] = s;
      if (s > max) max = s;
    }
    let sum = 0;
    for (let c = 0; c < k; c++) sum += Math.exp((z[c] as number) - max);
    for (let c = 0; c < k; c++) out[i * k + c] = Math.exp((z[c] as number) - max) / sum;
  }
  return out;
}

function column(values: Float32Array, width: number, c: number): Float32Array {
  const out = new Float32Array(values.length / width);
  for (let i = 0; i < out.length; i++) out[i] = values[i * width + c] as number;
  return out;
}
