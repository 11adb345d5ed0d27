import type * as tf from '@tensorflow/tfjs';

/**
 * Layer classes whose `seed` field seeds their noise on every call: TF.js' dropouts (passed to
 * `tf.dropout`) and Strand's VAE reparameterisation (`tf.randomNormal`).
 */
const SEEDED_DROPOUT_CLASSES = new Set(['Dropout', 'SpatialDropout1D', 'StrandVaeSampling']);

/**
 * Gives every dropout layer of `model` a new seed. Why: TF.js' Dropout layer passes its fixed
 * `seed` to `tf.dropout`, which reseeds its generator on each call, so a seeded layer drops the
 * SAME units at every step (checked with tfjs 4.22); an unseeded one uses Math.random and is not
 * reproducible. Reseeding before each step gives fresh, reproducible masks. Returns how many
 * layers were reseeded.
 */
export function reseedDropout(model: tf.LayersModel, seed: number): number {
  let count = 0;
  for (const layer of model.layers) {
    if (!SEEDED_DROPOUT_CLASSES.has(layer.getClassName())) continue;
    // `seed` is a private field of tfjs-layers' Dropout; its getConfig() exports the same value.
    (layer as unknown as { seed: number | undefined }).seed = seed + count;
    count++;
  }
  return count;
}
