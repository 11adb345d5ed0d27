import * as tf from '@tensorflow/tfjs';

/** An optimizer's slot variables as plain data (Adam: iterations, first and second moments). */
export interface OptimizerState {
  weights: { name: string; shape: number[]; values: Float32Array }[];
}

/** Reads the optimizer's state (Adam's iteration count and moment estimates) off the device. */
export async function captureOptimizerState(optimizer: tf.Optimizer): Promise<OptimizerState> {
  const named = await optimizer.getWeights();
  const weights = await Promise.all(
    named.map(async ({ name, tensor }) => ({
      name,
      shape: tensor.shape.slice(),
      values: (await tensor.data()) as Float32Array,
    })),
  );
  // getWeights returns the live slot variables except the iteration scalar it creates.
  const first = named[0];
  if (first !== undefined) first.tensor.dispose();
  return { weights };
}

/**
 * Restores a captured state into a fresh optimizer of the same kind for the same variables in
 * the same order (tfjs matches slots to variables by position). The optimizer owns the copies.
 */
export async function restoreOptimizerState(
  optimizer: tf.Optimizer,
  state: OptimizerState,
): Promise<void> {
  const tensors = state.weights.map(({ name, shape, values }) => ({
    name,
    tensor: tf.tensor(values, shape),
  }));
  await optimizer.setWeights(tensors);
  tf.dispose(tensors.map((t) => t.tensor));
}
