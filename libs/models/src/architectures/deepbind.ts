import * as tf from '@tensorflow/tfjs';
import { deriveSeed } from '../training/seed.ts';
import type { ArchitectureDefinition } from './architecture-definition.ts';
import { Dropout } from './dropout.layer.ts';
import { outputActivation } from './layer-helpers.ts';
import { checkOutputs } from './mlp.ts';

/**
 * DeepBind (Alipanahi et al., Nat. Biotechnol. 2015): one convolution scanning for motifs, a
 * global max pool ("is the motif anywhere?"), a small dense layer, dropout, a sigmoid output
 * (a softmax over classes, or linear outputs, with `task`).
 */
export interface DeepBindConfig {
  /** Number of convolution filters (motif detectors). */
  filters: number;
  /** Filter width in bases. */
  kernelSize: number;
  /** Units of the hidden dense layer. */
  hiddenUnits: number;
  /** Dropout rate after the hidden layer, in [0, 1). */
  dropout: number;
  /**
   * The head: `binary` one sigmoid (default), `multitask` one sigmoid per label column,
   * `multiclass` a softmax over `outputs` classes, `regression` `outputs` linear outputs.
   */
  task?: 'binary' | 'multitask' | 'multiclass' | 'regression';
  /** Output units: 1 (binary), label columns (multitask), classes or regression targets. */
  outputs?: number;
}

/** The configuration used when a field is not given. */
export const DEEPBIND_DEFAULTS: Readonly<Required<DeepBindConfig>> = Object.freeze({
  filters: 64,
  kernelSize: 12,
  hiddenUnits: 32,
  dropout: 0.2,
  task: 'binary',
  outputs: 1,
});

/** Stable layer names: motif extraction and transfer learning look layers up by these. */
export const DEEPBIND_LAYER_NAMES = Object.freeze({
  conv: 'conv1',
  pool: 'pool',
  hidden: 'dense1',
  dropout: 'dropout',
  output: 'output',
});

/**
 * Builds an untrained DeepBind model for one-hot input [length, alphabetSize]. Every
 * initializer and the dropout layer get their own seed derived from `seed`, so equal seeds
 * give equal weights. (The dropout seed only fixes the first mask: `trainModel` reseeds it
 * per step, see `reseedDropout`.)
 */
export function buildDeepBind(
  config: DeepBindConfig,
  inputLength: number,
  alphabetSize: number,
  seed: number,
): tf.Sequential {
  const glorot = (layer: string) =>
    tf.initializers.glorotUniform({ seed: deriveSeed(seed, 'init', layer) });
  const names = DEEPBIND_LAYER_NAMES;
  return tf.sequential({
    name: 'deepbind',
    layers: [
      tf.layers.conv1d({
        name: names.conv,
        inputShape: [inputLength, alphabetSize],
        filters: config.filters,
        kernelSize: config.kernelSize,
        padding: 'valid',
        activation: 'relu',
        kernelInitializer: glorot(names.conv),
        biasInitializer: 'zeros',
      }),
      tf.layers.globalMaxPooling1d({ name: names.pool }),
      tf.layers.dense({
        name: names.hidden,
        units: config.hiddenUnits,
        activation: 'relu',
        kernelInitializer: glorot(names.hidden),
      }),
      new Dropout({
        name: names.dropout,
        rate: config.dropout,
        seed: deriveSeed(seed, 'dropout'),
      }),
      tf.layers.dense({
        name: names.output,
        units: config.outputs ?? 1,
        activation: outputActivation(config.task ?? 'binary'),
        kernelInitializer: glorot(names.output),
      }),
    ],
  });
}

/** DeepBind in the architecture registry. */
export const DEEPBIND: ArchitectureDefinition<DeepBindConfig> = {
  description:
    'DeepBind-style CNN (Alipanahi et al. 2015): conv1d → ReLU → global max pool → dense → dropout → sigmoid (softmax or linear by task). For motif/binding classification.',
  inputKind: 'sequence',
  task: (config) => config.task ?? 'binary',
  defaults: DEEPBIND_DEFAULTS,
  fields: {
    filters: { kind: 'integer', min: 1, max: 1024 },
    kernelSize: { kind: 'integer', min: 1, max: 1024 },
    hiddenUnits: { kind: 'integer', min: 1, max: 4096 },
    dropout: { kind: 'rate' },
    task: { kind: 'choice', values: ['binary', 'multitask', 'multiclass', 'regression'] },
    outputs: { kind: 'integer', min: 1, max: 4096 },
  },
  check: (config, input) => [
    ...(config.kernelSize > input.length
      ? [
          {
            field: 'config.kernelSize',
            message: `kernelSize ${config.kernelSize} is longer than the input length ${input.length}`,
          },
        ]
      : []),
    ...checkOutputs(config.task ?? 'binary', config.outputs ?? 1),
  ],
  build: (config, input, seed) => buildDeepBind(config, input.length, input.alphabetSize, seed),
};
