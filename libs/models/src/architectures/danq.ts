import * as tf from '@tensorflow/tfjs';
import type { ArchitectureDefinition } from './architecture-definition.ts';
import type { SequenceHeadTask } from './layer-helpers.ts';
import {
  glorot,
  orthogonal,
  seededDense,
  seededDropout,
  validConvPoolLength,
  outputActivation,
  SEQUENCE_HEAD_TASK_FIELD,
} from './layer-helpers.ts';

/**
 * DanQ (Quang & Xie, NAR 2016): one convolution (motif scanner) → max pool → dropout → a
 * bidirectional LSTM over the pooled positions (motif grammar) → dropout → dense → sigmoids.
 */
export interface DanQConfig {
  /** Paper: 320 filters of width 26, pool 13, BiLSTM 320 units, dense 925, dropout 0.2 / 0.5. */
  filters: number;
  kernelSize: number;
  poolSize: number;
  lstmUnits: number;
  hiddenUnits: number;
  dropout: number;
  finalDropout: number;
  tasks: number;
  /**
   * The head: `multitask` one sigmoid per label column (default), `multiclass` a softmax over
   * `tasks` classes, `regression` `tasks` linear outputs.
   */
  task?: SequenceHeadTask;
}

/** Scaled down from the paper so it trains in minutes on a CPU; the paper's sizes validate. */
export const DANQ_DEFAULTS: Readonly<Required<DanQConfig>> = Object.freeze({
  filters: 64,
  kernelSize: 19,
  poolSize: 13,
  lstmUnits: 32,
  hiddenUnits: 64,
  dropout: 0.2,
  finalDropout: 0.5,
  tasks: 1,
  task: 'multitask',
});

/** DanQ in the architecture registry. Layers: conv1, pool1, dropout1, bilstm, dropout2, … */
export const DANQ: ArchitectureDefinition<DanQConfig> = {
  description:
    'DanQ (Quang & Xie 2016): conv → max pool → dropout → bidirectional LSTM → dropout → dense → one sigmoid per task (or a softmax / linear head: task).',
  inputKind: 'sequence',
  task: (config) => config.task ?? 'multitask',
  defaults: DANQ_DEFAULTS,
  fields: {
    filters: { kind: 'integer', min: 1, max: 1024 },
    kernelSize: { kind: 'integer', min: 1, max: 128 },
    poolSize: { kind: 'integer', min: 1, max: 128 },
    lstmUnits: { kind: 'integer', min: 1, max: 1024 },
    hiddenUnits: { kind: 'integer', min: 1, max: 4096 },
    dropout: { kind: 'rate' },
    finalDropout: { kind: 'rate' },
    tasks: { kind: 'integer', min: 1, max: 4096 },
    task: SEQUENCE_HEAD_TASK_FIELD,
  },
  check: (config, input) => {
    if (validConvPoolLength(input.length, config.kernelSize, config.poolSize) >= 1) return [];
    const message = `input length ${input.length} is too short for a convolution of width ${config.kernelSize} and a pool of ${config.poolSize}`;
    return [{ field: 'config.kernelSize', message }];
  },
  build: (config, input, seed) =>
    tf.sequential({
      name: 'danq',
      layers: [
        tf.layers.conv1d({
          name: 'conv1',
          inputShape: [input.length, input.alphabetSize],
          filters: config.filters,
          kernelSize: config.kernelSize,
          padding: 'valid',
          activation: 'relu',
          kernelInitializer: glorot(seed, 'conv1'),
        }),
        tf.layers.maxPooling1d({ name: 'pool1', poolSize: config.poolSize }),
        seededDropout(seed, 'dropout1', config.dropout),
        tf.layers.bidirectional({
          name: 'bilstm',
          mergeMode: 'concat',
          layer: tf.layers.lstm({
            units: config.lstmUnits,
            returnSequences: true,
            // Logistic gates, as PyTorch's and Keras 2's LSTMs (tfjs defaults to hardSigmoid).
            recurrentActivation: 'sigmoid',
            kernelInitializer: glorot(seed, 'lstm'),
            recurrentInitializer: orthogonal(seed, 'lstm'),
          }) as tf.RNN,
        }),
        seededDropout(seed, 'dropout2', config.finalDropout),
        tf.layers.flatten({ name: 'flatten' }),
        seededDense(seed, 'dense1', config.hiddenUnits, 'relu'),
        seededDense(seed, 'output', config.tasks, outputActivation(config.task ?? 'multitask')),
      ],
    }),
};
