import * as tf from '@tensorflow/tfjs';
import { deriveSeed } from '../training/seed.ts';
import { Dropout } from './dropout.layer.ts';

type Initializer = ReturnType<typeof tf.initializers.glorotUniform>;

/** A Glorot-uniform initializer whose seed is derived from the model seed and the layer name. */
export function glorot(seed: number, layer: string): Initializer {
  return tf.initializers.glorotUniform({ seed: deriveSeed(seed, 'init', layer) });
}

/** An orthogonal initializer (recurrent kernels, as Keras' default) seeded per layer. */
export function orthogonal(seed: number, layer: string): Initializer {
  return tf.initializers.orthogonal({ seed: deriveSeed(seed, 'init', layer, 'recurrent') });
}

/** A dropout layer with a seed derived from the model seed (reseeded per step in training). */
export function seededDropout(seed: number, name: string, rate: number): tf.layers.Layer {
  return new Dropout({ name, rate, seed: deriveSeed(seed, 'dropout', name) });
}

/** A dense layer with a seeded Glorot kernel. */
export function seededDense(
  seed: number,
  name: string,
  units: number,
  activation: 'relu' | 'sigmoid' | 'softmax' | 'linear' | 'tanh',
): tf.layers.Layer {
  return tf.layers.dense({ name, units, activation, kernelInitializer: glorot(seed, name) });
}

/** The output layer for a task: sigmoid (binary, multitask), softmax, or linear. */
export function outputActivation(task: string): 'sigmoid' | 'softmax' | 'linear' {
  if (task === 'multiclass') return 'softmax';
  if (task === 'regression' || task === 'reconstruction') return 'linear';
  return 'sigmoid';
}

/** Length after a 'valid' convolution of width `kernel` then a max pool of `pool` (floor). */
export function validConvPoolLength(length: number, kernel: number, pool: number): number {
  return Math.floor((length - kernel + 1) / pool);
}

/** The heads of the multi-output sequence CNNs (DeepSEA, Basset, DanQ), `tasks` outputs wide. */
export type SequenceHeadTask = 'multitask' | 'multiclass' | 'regression';

/** The `task` field of those CNNs. */
export const SEQUENCE_HEAD_TASK_FIELD = {
  kind: 'choice',
  values: ['multitask', 'multiclass', 'regression'],
} as const;
