import * as tf from '@tensorflow/tfjs';
import { InterpretInputError } from './interpret-input.error.ts';

/** A convolution layer split out of a model: what feeds it, its geometry, and what follows. */
export interface SplitModel {
  /** Input → the layer's (activated) output [n, positions, filters]. */
  activations: tf.LayersModel;
  /** Applies the layers after it, in inference mode, to a [n, positions, filters] tensor. */
  rest: (activation: tf.Tensor) => tf.Tensor;
  filters: number;
  kernelSize: number;
  stride: number;
  /** Input positions before position 0 of the first window ('same' padding). */
  padLeft: number;
}

const first = (value: unknown): number => (Array.isArray(value) ? value[0] : value) as number;

/**
 * Splits a sequential model at its 1-D convolution `layerName`. Only a chain of single-input
 * layers can be split (DeepBind, Basset-like stacks); a branching model is refused.
 */
export function splitAtConv(model: tf.LayersModel, layerName: string, what: string): SplitModel {
  const index = model.layers.findIndex((l) => l.name === layerName);
  const layer = model.layers[index];
  if (layer === undefined) {
    const names = model.layers.map((l) => l.name).join(', ');
    throw new InterpretInputError(`${what}: no layer "${layerName}"; the model has ${names}`);
  }
  const config = layer.getConfig();
  if (layer.getClassName() !== 'Conv1D') {
    throw new InterpretInputError(
      `${what}: layer "${layerName}" is a ${layer.getClassName()}, not a Conv1D`,
    );
  }
  if (first(config['dilationRate'] ?? 1) !== 1) {
    throw new InterpretInputError(`${what}: layer "${layerName}" is dilated; not supported`);
  }
  const after = model.layers.slice(index + 1);
  after.forEach((next, k) => {
    const previous = k === 0 ? layer : after[k - 1];
    if (next.input !== previous.output) {
      throw new InterpretInputError(
        `${what}: layer "${next.name}" does not take the output of "${previous.name}" alone; only a chain of layers can be split`,
      );
    }
  });
  const kernelSize = first(config['kernelSize']);
  return {
    activations: tf.model({ inputs: model.inputs, outputs: layer.output as tf.SymbolicTensor }),
    rest: (activation) =>
      after.reduce((t, next) => next.apply(t, { training: false }) as tf.Tensor, activation),
    filters: config['filters'] as number,
    kernelSize,
    stride: first(config['strides'] ?? 1),
    padLeft: config['padding'] === 'same' ? Math.floor((kernelSize - 1) / 2) : 0,
  };
}
