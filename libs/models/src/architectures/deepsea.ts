import * as tf from '@tensorflow/tfjs';
import type { ArchitectureDefinition } from './architecture-definition.ts';
import type { SequenceHeadTask } from './layer-helpers.ts';
import {
  glorot,
  seededDense,
  seededDropout,
  validConvPoolLength,
  outputActivation,
  SEQUENCE_HEAD_TASK_FIELD,
} from './layer-helpers.ts';

/**
 * DeepSEA (Zhou & Troyanskaya, Nat. Methods 2015): three convolution → max-pool → dropout
 * blocks (the third without a pool, as in the paper), a dense layer and one sigmoid per task
 * (chromatin features), trained jointly.
 */
export interface DeepSeaConfig {
  /** Filters of the three convolutions (paper: 320, 480, 960). */
  filters: number[];
  /** Width of every convolution (paper: 8). */
  kernelSize: number;
  /** Max-pool width after the first two convolutions (paper: 4). */
  poolSize: number;
  /** Dropout after the first two blocks (paper: 0.2). */
  dropout: number;
  /** Dropout after the third convolution (paper: 0.5). */
  finalDropout: number;
  hiddenUnits: number;
  /** Number of sigmoid outputs, one per label column (paper: 919). */
  tasks: number;
  /**
   * The head: `multitask` one sigmoid per label column (default), `multiclass` a softmax over
   * `tasks` classes, `regression` `tasks` linear outputs.
   */
  task?: SequenceHeadTask;
}

/** Smaller than the paper's by default so it trains on a laptop; the paper's sizes validate. */
export const DEEPSEA_DEFAULTS: Readonly<Required<DeepSeaConfig>> = Object.freeze({
  filters: [64, 96, 128],
  kernelSize: 8,
  poolSize: 4,
  dropout: 0.2,
  finalDropout: 0.5,
  hiddenUnits: 128,
  tasks: 1,
  task: 'multitask',
});

function outputLength(config: DeepSeaConfig, length: number): number {
  const afterTwo = validConvPoolLength(
    validConvPoolLength(length, config.kernelSize, config.poolSize),
    config.kernelSize,
    config.poolSize,
  );
  return afterTwo - config.kernelSize + 1;
}

/** DeepSEA in the architecture registry. Layers: conv1..conv3, pool1, pool2, dense1, output. */
export const DEEPSEA: ArchitectureDefinition<DeepSeaConfig> = {
  description:
    'DeepSEA (Zhou & Troyanskaya 2015): 3 conv blocks (conv → ReLU → max pool → dropout) → dense → one sigmoid per task (multitask chromatin profiles; or a softmax / linear head: task).',
  inputKind: 'sequence',
  task: (config) => config.task ?? 'multitask',
  defaults: DEEPSEA_DEFAULTS,
  fields: {
    filters: { kind: 'integers', min: 1, max: 2048, minItems: 3, maxItems: 3 },
    kernelSize: { kind: 'integer', min: 1, max: 64 },
    poolSize: { kind: 'integer', min: 1, max: 64 },
    dropout: { kind: 'rate' },
    finalDropout: { kind: 'rate' },
    hiddenUnits: { kind: 'integer', min: 1, max: 4096 },
    tasks: { kind: 'integer', min: 1, max: 4096 },
    task: SEQUENCE_HEAD_TASK_FIELD,
  },
  check: (config, input) => {
    const left = outputLength(config, input.length);
    if (left >= 1) return [];
    const message = `input length ${input.length} is too short for 3 convolutions of width ${config.kernelSize} and 2 pools of ${config.poolSize}`;
    return [{ field: 'config.kernelSize', message }];
  },
  build: (config, input, seed) => {
    const layers: tf.layers.Layer[] = [];
    config.filters.forEach((filters, i) => {
      const name = `conv${i + 1}`;
      layers.push(
        tf.layers.conv1d({
          name,
          ...(i === 0 ? { inputShape: [input.length, input.alphabetSize] } : {}),
          filters,
          kernelSize: config.kernelSize,
          padding: 'valid',
          activation: 'relu',
          kernelInitializer: glorot(seed, name),
        }),
      );
      if (i < 2) {
        layers.push(tf.layers.maxPooling1d({ name: `pool${i + 1}`, poolSize: config.poolSize }));
        layers.push(seededDropout(seed, `dropout${i + 1}`, config.dropout));
      } else {
        layers.push(seededDropout(seed, `dropout${i + 1}`, config.finalDropout));
      }
    });
    layers.push(tf.layers.flatten({ name: 'flatten' }));
    layers.push(seededDense(seed, 'dense1', config.hiddenUnits, 'relu'));
    layers.push(
      seededDense(seed, 'output', config.tasks, outputActivation(config.task ?? 'multitask')),
    );
    return tf.sequential({ name: 'deepsea', layers });
  },
};
