import * as tf from '@tensorflow/tfjs';

/** Where each variable lives in one flat Float32 vector (the layout workers and main share). */
export interface FlatLayout {
  offsets: number[];
  sizes: number[];
  /** Total number of values. */
  size: number;
}

/** The flat layout of `variables` in their order (model.trainableWeights order). */
export function flatLayout(variables: readonly tf.Variable[]): FlatLayout {
  const offsets: number[] = [];
  const sizes: number[] = [];
  let size = 0;
  for (const v of variables) {
    offsets.push(size);
    sizes.push(v.size);
    size += v.size;
  }
  return { offsets, sizes, size };
}

/** Copies tensors (variables or gradients, in layout order) into `into` at their offsets. */
export function writeFlat(tensors: readonly tf.Tensor[], layout: FlatLayout, into: Float32Array) {
  tensors.forEach((t, i) => into.set(t.dataSync() as Float32Array, layout.offsets[i] as number));
}

/** Sets every variable to its slice of `from` (copied: a tensor must not alias shared memory). */
export function assignFlat(
  variables: readonly tf.Variable[],
  layout: FlatLayout,
  from: Float32Array,
) {
  variables.forEach((v, i) => {
    const offset = layout.offsets[i] as number;
    const values = from.slice(offset, offset + (layout.sizes[i] as number));
    tf.tidy(() => v.assign(tf.tensor(values, v.shape)));
  });
}

/** The model's trainable variables, in the order every replica agrees on. */
export function trainableVariables(model: tf.LayersModel): tf.Variable[] {
  return model.trainableWeights.map((w) => w.read() as tf.Variable);
}
