import * as tf from '@tensorflow/tfjs';
import type { ArchitectureTask } from '../architectures/architecture-definition.ts';
import { BCE_EPSILON } from '../metrics/binary-cross-entropy.ts';

/** Per-class loss weights (index = class; binary uses [negative, positive]). */
export interface LossWeighting {
  classWeight?: readonly number[];
  /** Extra weight of positive labels (binary, multitask), multiplied with classWeight[1]. */
  positiveWeight?: number;
}

/**
 * The training loss of a task on a batch, as a weighted mean over labels (Keras' convention:
 * Σ wᵢ·lossᵢ / n, not normalised by Σ w):
 * - binary, multitask: binary cross-entropy on probabilities clipped to [ε, 1 − ε], as the
 *   exact metric clips them; `y` and `p` are [n, tasks];
 * - multiclass: categorical cross-entropy; `y` is [n, 1] class indices, `p` [n, k] softmax;
 * - regression, reconstruction: mean squared error.
 */
export function taskLoss(
  task: ArchitectureTask,
  y: tf.Tensor,
  p: tf.Tensor,
  weighting: LossWeighting = {},
): tf.Scalar {
  if (task === 'regression' || task === 'reconstruction') {
    return tf.mean(tf.squaredDifference(y, p)) as tf.Scalar;
  }
  const [w0, w1] = [weighting.classWeight?.[0] ?? 1, weighting.classWeight?.[1] ?? 1];
  if (task === 'multiclass') {
    const classes = p.shape[p.shape.length - 1] as number;
    const indices = tf.cast(tf.reshape(y, [-1]), 'int32');
    const q = tf.clipByValue(p, BCE_EPSILON, 1 - BCE_EPSILON);
    const perRow = tf.neg(tf.sum(tf.mul(tf.oneHot(indices, classes), tf.log(q)), -1));
    if (weighting.classWeight === undefined) return tf.mean(perRow) as tf.Scalar;
    const weights = tf.gather(tf.tensor1d(weighting.classWeight as number[]), indices);
    return tf.mean(tf.mul(perRow, weights)) as tf.Scalar;
  }
  const q = tf.clipByValue(p, BCE_EPSILON, 1 - BCE_EPSILON);
  const positive = tf.mul(y, tf.log(q));
  const negative = tf.mul(tf.sub(1, y), tf.log(tf.sub(1, q)));
  const weightPositive = w1 * (weighting.positiveWeight ?? 1);
  if (weightPositive === 1 && w0 === 1)
    return tf.neg(tf.mean(tf.add(positive, negative))) as tf.Scalar;
  return tf.neg(
    tf.mean(tf.add(tf.mul(positive, weightPositive), tf.mul(negative, w0))),
  ) as tf.Scalar;
}
