import * as tf from '@tensorflow/tfjs';
import { PREDICT_BATCH_SIZE } from '../training/predict.ts';
import type { Attribution } from './input-gradients.ts';
import { outputGradient } from './input-gradients.ts';
import { InterpretInputError } from './interpret-input.error.ts';
import { encodeForModel } from './sequence-model.ts';

/** Options of `integratedGradients`. */
export interface IntegratedGradientsOptions {
  /** Points on the path from the baseline to the input; default 50. */
  steps?: number;
  /**
   * 'zeros' (default): the all-zero matrix; 'uniform': 0.25 for every base; or a [length, 4]
   * matrix (e.g. a reference DeepLIFT uses, to compare the two on the same baseline).
   */
  baseline?: 'zeros' | 'uniform' | Float32Array;
}

/** Integrated gradients of one sequence, with the completeness check's terms. */
export interface IntegratedGradientsResult extends Attribution {
  /** The model's output at the baseline. */
  baselineOutput: number;
  /** Σ scores − (output − baselineOutput): the approximation's completeness error. */
  delta: number;
}

/**
 * Integrated gradients (Sundararajan, Taly & Yan, ICML 2017): (x − x′) × the mean gradient along
 * the straight path from the baseline x′ to x, by the midpoint Riemann sum (Riemann midpoints
 * halve the completeness error of left sums at equal cost). Gradients are taken in batches.
 */
export function integratedGradients(
  model: tf.LayersModel,
  seq: string,
  options: IntegratedGradientsOptions = {},
): IntegratedGradientsResult {
  const { steps = 50, baseline = 'zeros' } = options;
  if (!Number.isInteger(steps) || steps < 1) {
    throw new InterpretInputError(`integratedGradients: steps ${steps} is not an integer ≥ 1`);
  }
  const x = encodeForModel(model, seq, 'integratedGradients');
  const length = seq.length;
  if (baseline instanceof Float32Array) {
    if (baseline.length !== length * 4) {
      throw new InterpretInputError(
        `integratedGradients: the baseline has ${baseline.length} values, not ${length} × 4`,
      );
    }
  } else if (baseline !== 'zeros' && baseline !== 'uniform') {
    throw new InterpretInputError(
      `integratedGradients: baseline "${String(baseline)}" is not 'zeros', 'uniform' or a [length, 4] matrix`,
    );
  }
  const [scores, outputs] = tf.tidy(() => {
    const input = tf.tensor3d(x, [1, length, 4]);
    const base =
      baseline instanceof Float32Array
        ? tf.tensor3d(baseline, [1, length, 4])
        : baseline === 'zeros'
          ? tf.zerosLike(input)
          : tf.fill([1, length, 4], 0.25);
    const diff = input.sub(base);
    let total: tf.Tensor = tf.zeros([1, length, 4]);
    for (let start = 0; start < steps; start += PREDICT_BATCH_SIZE) {
      const n = Math.min(PREDICT_BATCH_SIZE, steps - start);
      const alphas = tf
        .range(start, start + n)
        .add(0.5)
        .div(steps)
        .reshape([n, 1, 1]);
      const path = base.add(diff.mul(alphas)) as tf.Tensor3D;
      total = total.add(outputGradient(model, path).sum(0, true));
    }
    const predicted = model.predict(tf.concat([input, base])) as tf.Tensor;
    return [total.div(steps).mul(diff), predicted];
  });
  const values = scores.dataSync() as Float32Array;
  const [output, baselineOutput] = outputs.dataSync();
  tf.dispose([scores, outputs]);
  let sum = 0;
  for (const v of values) sum += v;
  return { output, baselineOutput, scores: values, delta: sum - (output - baselineOutput) };
}
