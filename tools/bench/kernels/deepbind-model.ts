import * as tf from '@tensorflow/tfjs';
import { StrandAdamOptimizer } from '@strand/models';

/** Shape of the DeepBind-size benchmark (as `npm run bench:train`; tools/bench/torch/models.py). */
export const DEEPBIND = { batch: 64, length: 101, alphabet: 4, filters: 64, width: 12 } as const;

/**
 * The benchmark network: conv1d 64×12 (valid) → relu → global max pool → dense 32 relu →
 * dropout 0.2 → dense 1 sigmoid.
 */
export function buildDeepBind(): tf.Sequential {
  const { length, alphabet, filters, width } = DEEPBIND;
  const model = tf.sequential();
  model.add(
    tf.layers.conv1d({
      inputShape: [length, alphabet],
      filters,
      kernelSize: width,
      activation: 'relu',
    }),
  );
  model.add(tf.layers.globalMaxPooling1d());
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dropout({ rate: 0.2 }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

/** One-hot random sequences [batch, length, 4] and 0/1 labels [batch, 1], seeded. */
export function randomBatch(seed = 1): { x: tf.Tensor3D; y: tf.Tensor2D } {
  const { batch, length, alphabet } = DEEPBIND;
  return tf.tidy(() => {
    const bases = tf.randomUniform([batch, length], 0, alphabet, 'int32', seed);
    const x = tf.oneHot(bases, alphabet).toFloat() as tf.Tensor3D;
    const y = tf.randomUniform([batch, 1], 0, 1, 'float32', seed + 1).round() as tf.Tensor2D;
    return { x, y };
  });
}

/**
 * One Adam step on binary cross-entropy, the way a bare training loop does it, with the Adam
 * `trainModel` uses (Strand's fused update; tfjs' own where the backend lacks its kernel).
 */
export function makeStep(model: tf.LayersModel, x: tf.Tensor, y: tf.Tensor): () => void {
  const optimizer = new StrandAdamOptimizer(1e-3);
  const loss = (): tf.Scalar =>
    tf.metrics.binaryCrossentropy(y, model.apply(x, { training: true }) as tf.Tensor).mean();
  return () => {
    optimizer.minimize(loss, false);
  };
}
