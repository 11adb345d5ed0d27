import * as tf from '@tensorflow/tfjs';
import type { ArchitectureTask } from '../architectures/architecture-definition.ts';
import { BCE_EPSILON } from '../metrics/binary-cross-entropy.ts';
import { binaryCrossEntropyLoss } from './binary-loss.ts';
import type { HeadLayout } from './output-heads.ts';
import { TrainingInputError } from './training-input.error.ts';

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
 * - regression, reconstruction: mean squared error;
 * - profile: several outputs, each with its own loss: see `headLoss`.
 */
export function taskLoss(
  task: ArchitectureTask,
  y: tf.Tensor,
  p: tf.Tensor,
  weighting: LossWeighting = {},
): tf.Scalar {
  if (task === 'profile') {
    throw new TrainingInputError(
      "task 'profile' trains several outputs, each with its own loss (see headLoss); taskLoss takes one",
    );
  }
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
  return binaryCrossEntropyLoss(y, p, w0, w1 * (weighting.positiveWeight ?? 1));
}

/**
 * BPNet's profile loss (Avsec et al. 2021): the multinomial negative log-likelihood of the
 * observed counts given softmax(logits) over positions, −Σₚ kₚ·log pₚ, averaged over rows and
 * tracks; `counts` and `logits` are [n, positions, tracks]. The counts-only term log(N!/Πkₚ!) is
 * left out (no gradient; `multinomialNll` leaves it out too). Unnormalised, so a row with more
 * reads weighs more, as in the paper. Its gradient, N·softmax − k, is written out (tf.customGrad)
 * so a step runs one fused expression instead of differentiating max/exp/log/sum op by op.
 */
export function multinomialLoss(counts: tf.Tensor, logits: tf.Tensor): tf.Scalar {
  const loss = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, save] = args as [tf.Tensor, tf.GradSaveFunc];
    const shifted = tf.sub(x, tf.max(x, 1, true));
    const e = tf.exp(shifted);
    const sum = tf.sum(e, 1, true);
    const total = tf.sum(counts, 1, true);
    // −Σ k·(shifted − log Σ e) = N·log Σ e − Σ k·shifted
    const perTrack = tf.sub(tf.mul(total, tf.log(sum)), tf.sum(tf.mul(counts, shifted), 1, true));
    save([tf.div(e, sum), total]);
    return {
      value: tf.mean(perTrack) as tf.Scalar,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [p, n] = saved as [tf.Tensor, tf.Tensor];
        return tf.mul(tf.div(dy, perTrack.size), tf.sub(tf.mul(n, p), counts));
      },
    };
  });
  return loss(logits) as tf.Scalar;
}

/**
 * A head's targets for a batch `y` [n, labelWidth] on the device: its columns, as log(1 + Σ
 * positions) per track for `log1p-total`, shaped like the head's output ([n, 1] for multiclass).
 */
export function headTarget(head: HeadLayout, y: tf.Tensor2D): tf.Tensor {
  const [n, width] = y.shape;
  const columns =
    head.from === 0 && head.to === width
      ? y
      : tf.slice(y, [0, head.from], [n, head.to - head.from]);
  if (head.target === 'log1p-total') {
    const totals = tf.sum(tf.reshape(columns, [n, head.positions, head.tracks]), 1);
    return tf.reshape(tf.log1p(totals), [n, ...head.outputShape]);
  }
  if (head.loss === 'multiclass') return tf.reshape(columns, [n, 1]);
  if (head.loss === 'multinomial') return tf.reshape(columns, [n, head.positions, head.tracks]);
  return tf.reshape(columns, [n, ...head.outputShape]);
}

/** A head's loss on a batch: its target (from `headTarget`) against its output. */
export function headLoss(
  head: HeadLayout,
  target: tf.Tensor,
  output: tf.Tensor,
  weighting: LossWeighting = {},
): tf.Scalar {
  if (head.loss === 'multinomial') {
    const n = output.shape[0] as number;
    return multinomialLoss(target, tf.reshape(output, [n, head.positions, head.tracks]));
  }
  return taskLoss(head.loss, target, output, weighting);
}
