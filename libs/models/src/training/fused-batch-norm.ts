import * as tf from '@tensorflow/tfjs';
import {
  BATCH_NORM_TRAIN,
  BATCH_NORM_TRAIN_GRAD,
} from '../backend/wasm/batch-norm-train.kernel.ts';

/**
 * Batch normalisation in training through Strand's fused kernels (backend/wasm/
 * batch-norm-train.kernel.ts) where the backend has them: `tf.layers.batchNormalization` keeps
 * its weights, serialisation, inference and moving-average updates; only its training step runs
 * one kernel forward and one back instead of tfjs' moments, FusedBatchNorm and their autodiff.
 */

interface BatchNormLayer {
  axis: number;
  epsilon: number;
  momentum: number;
  center: boolean;
  scale: boolean;
  gamma: { read(): tf.Tensor } | null;
  beta: { read(): tf.Tensor } | null;
  movingMean: { read(): tf.Tensor; write(value: tf.Tensor): void };
  movingVariance: { read(): tf.Tensor; write(value: tf.Tensor): void };
}

type Call = (
  this: BatchNormLayer,
  inputs: tf.Tensor | tf.Tensor[],
  kwargs: tf.serialization.ConfigDict,
) => tf.Tensor;

const INSTALLED = Symbol.for('strand.fusedBatchNorm');

/** Whether the active backend runs the fused batch normalisation. */
export function fusedBatchNormAvailable(): boolean {
  const backend = tf.getBackend();
  return (
    tf.getKernel(BATCH_NORM_TRAIN, backend) !== undefined &&
    tf.getKernel(BATCH_NORM_TRAIN_GRAD, backend) !== undefined
  );
}

/**
 * y = (x − mean) · gamma / √(variance + ε) + beta over every axis of `x` but the last, with the
 * batch's mean and (biased) variance; the gradient reaches x, gamma and beta through the batch
 * statistics. `mean` and `variance` are kept out of any tidy: the caller disposes them.
 */
export function batchNormTraining(
  x: tf.Tensor,
  gamma: tf.Tensor,
  beta: tf.Tensor,
  epsilon: number,
): { y: tf.Tensor; mean: tf.Tensor; variance: tf.Tensor } {
  let stats: [tf.Tensor, tf.Tensor] | undefined;
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xs, g, b, save] = args as [tf.Tensor, tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    const [y, mean, variance] = tf
      .engine()
      .runKernel(BATCH_NORM_TRAIN, { x: xs, gamma: g, beta: b }, { epsilon }) as tf.Tensor[];
    save([xs, mean as tf.Tensor, variance as tf.Tensor, g]);
    stats = [tf.keep(mean as tf.Tensor), tf.keep(variance as tf.Tensor)];
    return {
      value: y as tf.Tensor,
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const [sx, sm, sv, sg] = saved as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
        return tf
          .engine()
          .runKernel(
            BATCH_NORM_TRAIN_GRAD,
            { dy: dy as tf.Tensor, x: sx, mean: sm, variance: sv, gamma: sg },
            { epsilon },
          ) as tf.Tensor[];
      },
    };
  });
  const y = op(x, gamma, beta);
  const [mean, variance] = stats as [tf.Tensor, tf.Tensor];
  return { y, mean, variance };
}

/**
 * Routes `BatchNormalization` layers' training calls through `batchNormTraining` when the
 * backend has the kernels and the layer normalises the last axis of a float32 input with both
 * gamma and beta (every batch normalisation in Strand's zoo); anything else, and inference, is
 * tfjs' own call. Idempotent.
 */
export function installFusedBatchNorm(): void {
  const prototype = Object.getPrototypeOf(tf.layers.batchNormalization({})) as {
    call: Call;
    [INSTALLED]?: true;
  };
  if (prototype[INSTALLED]) return;
  const original = prototype.call;
  prototype.call = function (this: BatchNormLayer, inputs, kwargs) {
    const input = Array.isArray(inputs) ? inputs[0] : inputs;
    const rank = input?.rank ?? 0;
    const axis = this.axis < 0 ? this.axis + rank : this.axis;
    const { gamma, beta } = this;
    if (
      kwargs?.['training'] !== true ||
      input === undefined ||
      (Array.isArray(inputs) && inputs.length !== 1) ||
      rank < 2 ||
      axis !== rank - 1 ||
      input.dtype !== 'float32' ||
      !this.center ||
      !this.scale ||
      !gamma ||
      !beta ||
      !fusedBatchNormAvailable()
    ) {
      return original.call(this, inputs, kwargs);
    }
    return tf.tidy(() => {
      const { y, mean, variance } = batchNormTraining(
        input,
        gamma.read(),
        beta.read(),
        this.epsilon,
      );
      // The moving averages as tfjs-layers updates them (variance biased, as it is there).
      const decay = 1 - this.momentum;
      for (const [variable, value] of [
        [this.movingMean, mean],
        [this.movingVariance, variance],
      ] as const) {
        tf.tidy(() => {
          const previous = variable.read();
          variable.write(tf.sub(previous, tf.mul(tf.sub(previous, value), decay)));
        });
      }
      mean.dispose();
      variance.dispose();
      return y;
    });
  };
  prototype[INSTALLED] = true;
}
