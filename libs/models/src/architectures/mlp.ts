import * as tf from '@tensorflow/tfjs';
import type { ArchitectureDefinition, ArchitectureTask } from './architecture-definition.ts';
import { outputActivation, seededDense, seededDropout } from './layer-helpers.ts';

/** A multilayer perceptron over a feature vector (e.g. an expression profile). */
export interface MlpConfig {
  /** Units of each hidden layer, in order. */
  hiddenUnits: number[];
  dropout: number;
  /** Output units: 1 (binary), tasks (multitask, regression) or classes (multiclass). */
  outputs: number;
  task: 'binary' | 'multitask' | 'multiclass' | 'regression';
}

export const MLP_DEFAULTS: Readonly<MlpConfig> = Object.freeze({
  hiddenUnits: [128, 64],
  dropout: 0.2,
  outputs: 1,
  task: 'binary',
});

/** MLP in the registry. Layers: flatten, dense1.., dropout1.., output. */
export const MLP: ArchitectureDefinition<MlpConfig> = {
  description:
    'Expression MLP: flatten → (dense → ReLU → dropout)× → output (sigmoid, softmax or linear by task).',
  inputKind: 'features',
  task: (config) => config.task,
  defaults: MLP_DEFAULTS,
  fields: {
    hiddenUnits: { kind: 'integers', min: 1, max: 8192, minItems: 0, maxItems: 8 },
    dropout: { kind: 'rate' },
    outputs: { kind: 'integer', min: 1, max: 4096 },
    task: { kind: 'choice', values: ['binary', 'multitask', 'multiclass', 'regression'] },
  },
  check: (config) => checkOutputs(config.task, config.outputs),
  build: (config, input, seed) => {
    const layers: tf.layers.Layer[] = [
      tf.layers.flatten({ name: 'flatten', inputShape: [input.length, input.alphabetSize] }),
    ];
    config.hiddenUnits.forEach((units, i) => {
      layers.push(seededDense(seed, `dense${i + 1}`, units, 'relu'));
      layers.push(seededDropout(seed, `dropout${i + 1}`, config.dropout));
    });
    layers.push(seededDense(seed, 'output', config.outputs, outputActivation(config.task)));
    return tf.sequential({ name: 'mlp', layers });
  },
};

/** `binary` needs one output and `multiclass` at least two. */
export function checkOutputs(task: ArchitectureTask, outputs: number) {
  if (task === 'binary' && outputs !== 1) {
    return [{ field: 'config.outputs', message: `task "binary" has 1 output, got ${outputs}` }];
  }
  if (task === 'multiclass' && outputs < 2) {
    return [
      {
        field: 'config.outputs',
        message: `task "multiclass" needs 2 or more outputs (classes), got ${outputs}`,
      },
    ];
  }
  return [];
}
