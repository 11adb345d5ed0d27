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
  const model =
    k === 2 && d > train.count && train.count <= MAX_DUAL_RECORDS
      ? fitBinaryDual(xTrain, train.labels, train.count, d, C)
      : fitSoftmax(xTrain, train.labels, train.count, d, k, C);
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

/** Most training records the exact dual solve takes (its Newton steps cost (n + 1)³). */
const MAX_DUAL_RECORDS = 600;

/**
 * Two classes with more features than records (p ≫ n: expression): the same objective solved
 * exactly. The two-class softmax's optimum has columns ±w/2, i.e. a sigmoid with logit w·x + b
 * and penalty ¼‖w‖²/C; its w lies in the span of the rows (w = Xᵀa), so Newton's method runs on
 * a (n values) and b with the n × n Gram matrix K = XXᵀ, to a residual below 1e-8. Full-batch
 * Adam on 20,000–40,000 features stopped short of the optimum (the note of branch baselines2).
 */
export function fitBinaryDual(
  x: Float32Array,
  labels: ArrayLike<number>,
  n: number,
  d: number,
  C: number,
): Softmax {
  const c = 2 * C; // sigmoid penalty ½‖w‖²/c
  const y = Float64Array.from({ length: n }, (_, i) => (labels[i] === 1 ? 1 : -1));
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let dot = 0;
      for (let q = 0; q < d; q++) dot += (x[i * d + q] as number) * (x[j * d + q] as number);
      K[i * n + j] = dot;
      K[j * n + i] = dot;
    }
  }
  const a = new Float64Array(n);
  let b = 0;
  const logits = (alpha: Float64Array, beta: number) => {
    const f = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let v = beta;
      for (let j = 0; j < n; j++) v += (K[i * n + j] as number) * (alpha[j] as number);
      f[i] = v;
    }
    return f;
  };
  const objective = (alpha: Float64Array, beta: number) => {
    const f = logits(alpha, beta);
    let loss = 0;
    let penalty = 0;
    for (let i = 0; i < n; i++) {
      const m = -(y[i] as number) * (f[i] as number);
      loss += m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
      penalty += (alpha[i] as number) * ((f[i] as number) - beta);
    }
    return loss + (0.5 * penalty) / c;
  };
  const m = n + 1;
  for (let iteration = 0; iteration < 100; iteration++) {
    const f = logits(a, b);
    const g = new Float64Array(n);
    const wgt = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const s = 1 / (1 + Math.exp((y[i] as number) * (f[i] as number)));
      g[i] = -(y[i] as number) * s;
      wgt[i] = s * (1 - s);
    }
    // Residual: ∂/∂w = Xᵀ(g + a/c) vanishes iff g + a/c = 0 (rows independent); ∂/∂b = Σg.
    const r = new Float64Array(m);
    let worst = 0;
    for (let i = 0; i < n; i++) {
      r[i] = (g[i] as number) + (a[i] as number) / c;
      r[n] = (r[n] as number) + (g[i] as number);
      worst = Math.max(worst, Math.abs(r[i] as number));
    }
    worst = Math.max(worst, Math.abs(r[n] as number));
    if (worst < 1e-8) break;
    const J = new Float64Array(m * m);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        J[i * m + j] = (wgt[i] as number) * (K[i * n + j] as number) + (i === j ? 1 / c : 0);
        J[n * m + j] = (J[n * m + j] as number) + (wgt[i] as number) * (K[i * n + j] as number);
      }
      J[i * m + n] = wgt[i] as number;
      J[n * m + n] = (J[n * m + n] as number) + (wgt[i] as number);
    }
    const step = solve(J, r, m);
    if (!step) break;
    const before = objective(a, b);
    let t = 1;
    for (;;) {
      const trial = Float64Array.from(a, (v, i) => v - t * (step[i] as number));
      const tb = b - t * (step[n] as number);
      if (objective(trial, tb) <= before || t < 1e-6) {
        a.set(trial);
        b = tb;
        break;
      }
      t /= 2;
    }
  }
  // Back to the two-class softmax: columns −w/2 and w/2, w = Xᵀa.
  const w = new Float64Array(d * 2);
  for (let i = 0; i < n; i++) {
    const ai = a[i] as number;
    if (ai === 0) continue;
    for (let q = 0; q < d; q++) {
      const half = (ai * (x[i * d + q] as number)) / 2;
      w[q * 2] = (w[q * 2] as number) - half;
      w[q * 2 + 1] = (w[q * 2 + 1] as number) + half;
    }
  }
  return { w, b: Float64Array.from([-b / 2, b / 2]) };
}

/** Solves J·s = r (m × m, row-major) by Gaussian elimination with partial pivoting; null if singular. */
function solve(J: Float64Array, r: Float64Array, m: number): Float64Array | null {
  const A = Float64Array.from(J);
  const s = Float64Array.from(r);
  for (let col = 0; col < m; col++) {
    let pivot = col;
    for (let row = col + 1; row < m; row++) {
      if (Math.abs(A[row * m + col] as number) > Math.abs(A[pivot * m + col] as number))
        pivot = row;
    }
    if (Math.abs(A[pivot * m + col] as number) < 1e-300) return null;
    if (pivot !== col) {
      for (let q = 0; q < m; q++) {
        const tmp = A[col * m + q] as number;
        A[col * m + q] = A[pivot * m + q] as number;
        A[pivot * m + q] = tmp;
      }
      const tmp = s[col] as number;
      s[col] = s[pivot] as number;
      s[pivot] = tmp;
    }
    const p = A[col * m + col] as number;
    for (let row = col + 1; row < m; row++) {
      const factor = (A[row * m + col] as number) / p;
      if (factor === 0) continue;
      for (let q = col; q < m; q++)
        A[row * m + q] = (A[row * m + q] as number) - factor * (A[col * m + q] as number);
      s[row] = (s[row] as number) - factor * (s[col] as number);
    }
  }
  for (let row = m - 1; row >= 0; row--) {
    let v = s[row] as number;
    for (let q = row + 1; q < m; q++) v -= (A[row * m + q] as number) * (s[q] as number);
    s[row] = v / (A[row * m + row] as number);
  }
  return s;
}

/** Full-batch Adam on the penalised mean log-loss; stops when the gradient is tiny. */
export function fitSoftmax(
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

export function predictSoftmax(
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
