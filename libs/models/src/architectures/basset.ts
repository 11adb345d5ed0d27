import * as tf from '@tensorflow/tfjs';
import type { ArchitectureDefinition } from './architecture-definition.ts';
import type { SequenceHeadTask } from './layer-helpers.ts';
import {
  glorot,
  seededDense,
  seededDropout,
  outputActivation,
  SEQUENCE_HEAD_TASK_FIELD,
} from './layer-helpers.ts';

/**
 * Basset (Kelley et al., Genome Res. 2016): three convolution → batch norm → ReLU → max-pool
 * blocks, two dense → dropout layers, one sigmoid per cell type (multitask accessibility).
 */
export interface BassetConfig {
  /** Paper: 300, 200, 200 filters of widths 19, 11, 7, pools 3, 4, 4; dense 1000, 1000; 0.3. */
  filters: number[];
  kernelSizes: number[];
  poolSizes: number[];
  hiddenUnits: number[];
  dropout: number;
  tasks: number;
  /**
   * The head: `multitask` one sigmoid per label column (default), `multiclass` a softmax over
   * `tasks` classes, `regression` `tasks` linear outputs.
   */
  task?: SequenceHeadTask;
}

/** Scaled down from the paper so it trains on a CPU; the paper's sizes validate. */
export const BASSET_DEFAULTS: Readonly<Required<BassetConfig>> = Object.freeze({
  filters: [64, 64, 64],
  kernelSizes: [19, 11, 7],
  poolSizes: [3, 4, 4],
  hiddenUnits: [128, 128],
  dropout: 0.3,
  tasks: 1,
  task: 'multitask',
});

const THREE = { minItems: 3, maxItems: 3 } as const;

/**
 * Basset in the registry. Layers: conv1, bn1, relu1, pool1, … conv3 … pool3, flatten, dense1,
 * dropout1, dense2, dropout2, output. Convolutions pad 'same' so any length ≥ the pools' product
 * fits. Note `conv1` outputs pre-normalisation activations.
 */
export const BASSET: ArchitectureDefinition<BassetConfig> = {
  description:
    'Basset (Kelley et al. 2016): 3 × (conv → batch norm → ReLU → max pool) → 2 × (dense → dropout) → one sigmoid per task (or a softmax / linear head: task).',
  inputKind: 'sequence',
  task: (config) => config.task ?? 'multitask',
  defaults: BASSET_DEFAULTS,
  fields: {
    filters: { kind: 'integers', min: 1, max: 2048, ...THREE },
    kernelSizes: { kind: 'integers', min: 1, max: 64, ...THREE },
    poolSizes: { kind: 'integers', min: 1, max: 64, ...THREE },
    hiddenUnits: { kind: 'integers', min: 1, max: 4096, minItems: 2, maxItems: 2 },
    dropout: { kind: 'rate' },
    tasks: { kind: 'integer', min: 1, max: 4096 },
    task: SEQUENCE_HEAD_TASK_FIELD,
  },
  check: (config, input) => {
    const length = config.poolSizes.reduce((l, p) => Math.floor(l / p), input.length);
    if (length >= 1) return [];
    const message = `input length ${input.length} is too short for pools of ${config.poolSizes.join(', ')}`;
    return [{ field: 'config.poolSizes', message }];
  },
  build: (config, input, seed) => {
    const layers: tf.layers.Layer[] = [];
    for (let i = 0; i < 3; i++) {
      const n = i + 1;
      layers.push(
        tf.layers.conv1d({
          name: `conv${n}`,
          ...(i === 0 ? { inputShape: [input.length, input.alphabetSize] } : {}),
          filters: config.filters[i] as number,
          kernelSize: config.kernelSizes[i] as number,
          padding: 'same',
          kernelInitializer: glorot(seed, `conv${n}`),
        }),
        tf.layers.batchNormalization({ name: `bn${n}` }),
        tf.layers.activation({ name: `relu${n}`, activation: 'relu' }),
        tf.layers.maxPooling1d({ name: `pool${n}`, poolSize: config.poolSizes[i] as number }),
      );
    }
    layers.push(tf.layers.flatten({ name: 'flatten' }));
    config.hiddenUnits.forEach((units, i) => {
      layers.push(seededDense(seed, `dense${i + 1}`, units, 'relu'));
      layers.push(seededDropout(seed, `dropout${i + 1}`, config.dropout));
    });
    layers.push(
      seededDense(seed, 'output', config.tasks, outputActivation(config.task ?? 'multitask')),
    );
    return tf.sequential({ name: 'basset', layers });
  },
};
