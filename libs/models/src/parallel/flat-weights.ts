import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { overwrite } from '../backend/wasm/overwrite.ts';

/** Where each variable lives in one flat Float32 vector (the layout workers and main share). */
export interface FlatLayout {
  offsets: number[];
  sizes: number[];
  /** Total number of values. */
  size: number;
}

/** The flat layout of `variables` in their order (trainable, then non-trainable weights). */
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

/**
 * Copies tensors (variables or gradients, in layout order) into `into` at their offsets. On the
 * wasm backend straight from the heap (one copy; `dataSync` would make a second).
 */
export function writeFlat(tensors: readonly tf.Tensor[], layout: FlatLayout, into: Float32Array) {
  tensors.forEach((t, i) => into.set(valuesOf(t), layout.offsets[i] as number));
}

/**
 * Sets every variable to its slice of `from`: on wasm written over its own memory where nothing
 * else shares it (overwrite.ts), else a new tensor. A tensor must not alias shared memory: the
 * wasm backend copies values into its heap anyway; the others get a copy.
 */
export function assignFlat(
  variables: readonly tf.Variable[],
  layout: FlatLayout,
  from: Float32Array,
) {
  variables.forEach((v, i) => {
    const values = sliceOf(from, layout, i);
    if (!overwrite(v, values)) tf.tidy(() => v.assign(tf.tensor(values, v.shape)));
  });
}

/** Variable i's slice of `from` as tensor input (a view on wasm, which copies it; else a copy). */
export function sliceOf(from: Float32Array, layout: FlatLayout, i: number): Float32Array {
  const offset = layout.offsets[i] as number;
  const end = offset + (layout.sizes[i] as number);
  return tf.getBackend() === 'wasm' ? from.subarray(offset, end) : from.slice(offset, end);
}

/** The model's trainable variables, in the order every replica agrees on. */
export function trainableVariables(model: tf.LayersModel): tf.Variable[] {
  return model.trainableWeights.map((w) => w.read() as tf.Variable);
}

/** The model's non-trainable variables (batch-norm moving statistics), in a fixed order. */
export function nonTrainableVariables(model: tf.LayersModel): tf.Variable[] {
  return model.nonTrainableWeights.map((w) => w.read() as tf.Variable);
}

/**
 * A float32 tensor's values without a copy where the backend allows (wasm heap view: valid
 * until the next allocation, which may grow the heap).
 */
export function valuesOf(t: tf.Tensor): Float32Array {
  if (tf.getBackend() === 'wasm' && t.dtype === 'float32') {
    return (tf.backend() as BackendWasm).typedArrayFromHeap(t) as Float32Array;
  }
  return t.dataSync() as Float32Array;
}
