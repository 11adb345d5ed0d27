import * as tf from '@tensorflow/tfjs';

/**
 * Scales every gradient by clipNorm / max(globalNorm, clipNorm), where globalNorm is the L2 norm
 * of all gradients together (TF's `tf.clip_by_global_norm`, Pascanu et al. 2013): the update's
 * direction is kept and its length capped. Returns new tensors (call inside a tidy).
 */
export function clipByGlobalNorm(grads: tf.NamedTensorMap, clipNorm: number): tf.NamedTensorMap {
  const names = Object.keys(grads);
  const squares = names.map((n) => tf.sum(tf.square(grads[n] as tf.Tensor)));
  const norm = tf.sqrt(tf.addN(squares));
  const scale = tf.div(clipNorm, tf.maximum(norm, clipNorm));
  const clipped: tf.NamedTensorMap = {};
  for (const n of names) clipped[n] = tf.mul(grads[n] as tf.Tensor, scale);
  return clipped;
}
