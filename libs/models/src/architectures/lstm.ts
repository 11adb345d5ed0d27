import * as tf from '@tensorflow/tfjs';
import type { ArchitectureDefinition } from './architecture-definition.ts';
import {
  glorot,
  orthogonal,
  outputActivation,
  seededDense,
  seededDropout,
} from './layer-helpers.ts';
import { checkOutputs } from './mlp.ts';

/** A recurrent model (LSTM or GRU) over ordered features: [steps, features per step]. */
export interface LstmConfig {
  cell: 'lstm' | 'gru';
  units: number;
  /** Stacked recurrent layers; all but the last return sequences. */
  layers: number;
  bidirectional: boolean;
  dropout: number;
  outputs: number;
  task: 'binary' | 'multitask' | 'multiclass' | 'regression';
}

export const LSTM_DEFAULTS: Readonly<LstmConfig> = Object.freeze({
  cell: 'lstm',
  units: 32,
  layers: 1,
  bidirectional: false,
  dropout: 0.2,
  outputs: 1,
  task: 'binary',
});

/** LSTM/GRU in the registry. Layers: rnn1.., dropout, output. */
export const LSTM: ArchitectureDefinition<LstmConfig> = {
  description:
    'Recurrent model over ordered features: stacked LSTM or GRU (optionally bidirectional) → dropout → output by task.',
  inputKind: 'ordered-features',
  task: (config) => config.task,
  defaults: LSTM_DEFAULTS,
  fields: {
    cell: { kind: 'choice', values: ['lstm', 'gru'] },
    units: { kind: 'integer', min: 1, max: 1024 },
    layers: { kind: 'integer', min: 1, max: 4 },
    bidirectional: { kind: 'boolean' },
    dropout: { kind: 'rate' },
    outputs: { kind: 'integer', min: 1, max: 4096 },
    task: { kind: 'choice', values: ['binary', 'multitask', 'multiclass', 'regression'] },
  },
  check: (config) => checkOutputs(config.task, config.outputs),
  build: (config, input, seed) => {
    const layers: tf.layers.Layer[] = [];
    for (let i = 0; i < config.layers; i++) {
      const name = `rnn${i + 1}`;
      const options = {
        units: config.units,
        returnSequences: i < config.layers - 1,
        kernelInitializer: glorot(seed, name),
        recurrentInitializer: orthogonal(seed, name),
        ...(i === 0 && !config.bidirectional
          ? { inputShape: [input.length, input.alphabetSize] }
          : {}),
      };
      const cell =
        config.cell === 'lstm'
          ? tf.layers.lstm({ ...options, name })
          : tf.layers.gru({ ...options, name });
      layers.push(
        config.bidirectional
          ? tf.layers.bidirectional({
              name,
              layer: cell as tf.RNN,
              ...(i === 0 ? { inputShape: [input.length, input.alphabetSize] } : {}),
            })
          : cell,
      );
    }
    layers.push(seededDropout(seed, 'dropout', config.dropout));
    layers.push(seededDense(seed, 'output', config.outputs, outputActivation(config.task)));
    return tf.sequential({ name: 'lstm', layers });
  },
};
