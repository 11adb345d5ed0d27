import * as tf from '@tensorflow/tfjs';
import { inputRowSizes } from '../training/predict.ts';
import {
  baselineRows,
  checkAttributionInputs,
  checkAttributionOptions,
} from './feature-attribution-checks.ts';

/** How `featureAttribution` attributes. */
export type FeatureAttributionMethod = 'integratedGradients' | 'gradientTimesInput';

/** Options of {@link featureAttribution}. */
export interface FeatureAttributionOptions {
  /** Default `integratedGradients`. */
  method?: FeatureAttributionMethod;
  /**
   * Integrated gradients' reference point: `mean` (default) is the mean row of `baselineData`
   * (the training samples; default the attributed rows themselves), `zeros` the origin, or one
   * row per model input.
   */
  baseline?: 'mean' | 'zeros' | readonly Float32Array[];
  /** Rows to average for the `mean` baseline: one array per model input, like `inputs`. */
  baselineData?: readonly Float32Array[];
  /** Points on the path for integrated gradients; default 50. */
  steps?: number;
  /** Which column of the model's output to explain; default 0 (the first task). */
  output?: number;
  /**
   * Rows (samples × steps for integrated gradients) per gradient pass; default: as many as keep a
   * pass's inputs near 4 M values (16 MB), at most 4096.
   */
  batchRows?: number;
}

/** Per-sample, per-feature attributions of one model output. */
export interface FeatureAttributionResult {
  method: FeatureAttributionMethod;
  count: number;
  /** The explained output for each sample. */
  outputs: Float32Array;
  /** One array per model input, row-major [count, features of that input]. */
  attributions: Float32Array[];
  /** One array per model input: the mean |attribution| of each feature over the samples. */
  meanAbsolute: Float32Array[];
  /** Integrated gradients: the baseline (one row per input) and the output there. */
  baseline?: Float32Array[];
  baselineOutput?: number;
  /** Integrated gradients: per sample Σ attributions − (output − baselineOutput). */
  delta?: Float32Array;
}

/**
 * Attributes a model's output to every feature of each of its dense inputs (e.g. a risk model's
 * expression and variant-burden inputs):
 * - `integratedGradients` (Sundararajan, Taly & Yan, ICML 2017): (x − x′) × the mean gradient on
 *   the straight path from the baseline x′ to x, by the midpoint Riemann sum, all inputs moving
 *   together, so the attributions of all inputs sum to output(x) − output(x′) (`delta` is the
 *   approximation's error). The default baseline is the mean training sample, so an attribution
 *   reads "how much this feature's departure from the average moved the prediction".
 * - `gradientTimesInput` (Shrikumar et al. 2016): ∂output/∂x × x.
 * Gradients are taken in inference mode (dropout off), in batches; no tensor outlives the call.
 *
 * @example
 * const r = featureAttribution(model, [expression, burden], { baselineData: [trainX, trainV] });
 * r.meanAbsolute[0] // importance of each expression feature
 */
export function featureAttribution(
  model: tf.LayersModel,
  inputs: readonly Float32Array[],
  options: FeatureAttributionOptions = {},
): FeatureAttributionResult {
  const { method = 'integratedGradients', steps = 50, output = 0 } = options;
  const sizes = inputRowSizes(model);
  const batchRows = options.batchRows ?? defaultBatchRows(sizes);
  const count = checkAttributionInputs(model, inputs, sizes, 'inputs');
  const width = checkAttributionOptions(model, method, steps, output, batchRows);
  const outputs = new Float32Array(count);
  const attributions = sizes.map((size) => new Float32Array(count * size));
  const explained = (xs: tf.Tensor[]) => {
    const out = model.apply(xs.length === 1 ? xs[0] : xs, { training: false }) as tf.Tensor;
    return (width === 1 ? out : out.slice([0, output], [-1, 1])).reshape([-1]);
  };
  const gradient = tf.grads((...xs: tf.Tensor[]) => explained(xs).sum());
  const shapes = model.inputs.map((input) => input.shape.slice(1) as number[]);
  const tensorOf = (values: Float32Array, rows: number, i: number) =>
    tf.tensor(values, [rows, ...(shapes[i] as number[])]);

  if (method === 'gradientTimesInput') {
    const chunk = Math.max(1, batchRows);
    for (let start = 0; start < count; start += chunk) {
      const end = Math.min(start + chunk, count);
      const rows = (a: Float32Array, i: number) =>
        a.subarray(start * (sizes[i] as number), end * (sizes[i] as number));
      const results = tf.tidy(() => {
        const xs = inputs.map((a, i) => tensorOf(rows(a, i), end - start, i));
        const grads = gradient(xs);
        return [explained(xs), ...grads.map((g, i) => g.mul(xs[i] as tf.Tensor))];
      });
      readInto(results, outputs, attributions, start, sizes);
    }
    return {
      method,
      count,
      outputs,
      attributions,
      meanAbsolute: meanAbs(attributions, count, sizes),
    };
  }

  const baseline = baselineRows(model, inputs, options, sizes);
  const baselineOutput = tf.tidy(() => explained(baseline.map((b, i) => tensorOf(b, 1, i))));
  const base = baselineOutput.dataSync()[0] as number;
  baselineOutput.dispose();
  // Samples per pass: each expands into `steps` path points.
  const chunk = Math.max(1, Math.floor(batchRows / steps));
  for (let start = 0; start < count; start += chunk) {
    const n = Math.min(start + chunk, count) - start;
    const results = tf.tidy(() => {
      const alphas = tf.range(0, steps).add(0.5).div(steps).reshape([1, steps, 1]);
      const xs: tf.Tensor[] = [];
      const diffs: tf.Tensor[] = [];
      const paths = inputs.map((a, i) => {
        const size = sizes[i] as number;
        const rows = a.subarray(start * size, (start + n) * size);
        const from = tf.tensor2d(baseline[i] as Float32Array, [1, size]);
        const diff = tf.tensor2d(rows, [n, size]).sub(from);
        xs.push(tensorOf(rows, n, i));
        diffs.push(diff);
        // [n, steps, size] → [n × steps, …shape]: sample-major, so row r·steps + k is sample r.
        return from
          .reshape([1, 1, size])
          .add(diff.reshape([n, 1, size]).mul(alphas))
          .reshape([n * steps, ...(shapes[i] as number[])]);
      });
      const grads = gradient(paths);
      const scores = grads.map((g, i) => {
        const size = sizes[i] as number;
        return g
          .reshape([n, steps, size])
          .mean(1)
          .mul(diffs[i] as tf.Tensor);
      });
      return [explained(xs), ...scores];
    });
    readInto(results, outputs, attributions, start, sizes);
  }
  const delta = new Float32Array(count);
  for (let r = 0; r < count; r++) {
    let sum = 0;
    attributions.forEach((a, i) => {
      const size = sizes[i] as number;
      for (let j = 0; j < size; j++) sum += a[r * size + j] as number;
    });
    delta[r] = sum - ((outputs[r] as number) - base);
  }
  return {
    method,
    count,
    outputs,
    attributions,
    meanAbsolute: meanAbs(attributions, count, sizes),
    baseline,
    baselineOutput: base,
    delta,
  };
}

/** Rows per pass keeping the path tensors of a pass near 2^22 values. */
function defaultBatchRows(sizes: number[]): number {
  const width = sizes.reduce((a, b) => a + b, 0);
  return Math.max(1, Math.min(4096, Math.floor(2 ** 22 / Math.max(1, width))));
}

/** Copies [outputs, attribution per input] of rows from `start` and disposes the tensors. */
function readInto(
  results: tf.Tensor[],
  outputs: Float32Array,
  attributions: Float32Array[],
  start: number,
  sizes: number[],
): void {
  const [out, ...scores] = results as [tf.Tensor, ...tf.Tensor[]];
  outputs.set(out.dataSync() as Float32Array, start);
  scores.forEach((s, i) =>
    (attributions[i] as Float32Array).set(
      s.dataSync() as Float32Array,
      start * (sizes[i] as number),
    ),
  );
  tf.dispose(results);
}

function meanAbs(attributions: Float32Array[], count: number, sizes: number[]): Float32Array[] {
  return attributions.map((a, i) => {
    const size = sizes[i] as number;
    const sums = new Float64Array(size);
    for (let r = 0; r < count; r++) {
      for (let j = 0; j < size; j++)
        sums[j] = (sums[j] as number) + Math.abs(a[r * size + j] as number);
    }
    return Float32Array.from(sums, (s) => (count > 0 ? s / count : 0));
  });
}
