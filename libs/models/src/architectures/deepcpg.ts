import * as tf from '@tensorflow/tfjs';
import type { ArchitectureDefinition } from './architecture-definition.ts';
import { glorot, seededDense, seededDropout, validConvPoolLength } from './layer-helpers.ts';

/**
 * DeepCpG (Angermueller et al., Genome Biol 2017), reduced: a DNA module (conv → max pool →
 * dense on one-hot DNA) and a CpG module (dense on the neighbouring-CpG vector, the second
 * input `cpg`), concatenated into a joint module (dense) and one sigmoid per task (cell).
 * The paper's CpG module runs a bidirectional GRU across cells; here the neighbourhood comes
 * as one vector (e.g. states and distances of the K nearest CpGs), so a dense layer reads it.
 */
export interface DeepCpgConfig {
  /** Width of the second input (e.g. 2K: K neighbour states then K scaled distances). */
  cpgFeatures: number;
  filters: number;
  kernelSize: number;
  poolSize: number;
  dnaUnits: number;
  cpgUnits: number;
  jointUnits: number;
  dropout: number;
  /** Outputs (cells or samples), each a methylation probability. */
  tasks: number;
}

export const DEEPCPG_DEFAULTS: Readonly<DeepCpgConfig> = Object.freeze({
  cpgFeatures: 20,
  filters: 32,
  kernelSize: 11,
  poolSize: 4,
  dnaUnits: 32,
  cpgUnits: 16,
  jointUnits: 32,
  dropout: 0.2,
  tasks: 1,
});

/** DeepCpG in the registry. Inputs: `dna`, `cpg`; layers conv1, pool1, …, fusion, output. */
export const DEEPCPG: ArchitectureDefinition<DeepCpgConfig> = {
  description:
    'DeepCpG (Angermueller et al. 2017), reduced: DNA CNN branch + neighbouring-CpG-state branch → fusion → dense → one sigmoid per cell.',
  inputKind: 'sequence+cpg',
  task: () => 'multitask',
  defaults: DEEPCPG_DEFAULTS,
  fields: {
    cpgFeatures: { kind: 'integer', min: 1, max: 10_000 },
    filters: { kind: 'integer', min: 1, max: 1024 },
    kernelSize: { kind: 'integer', min: 1, max: 128 },
    poolSize: { kind: 'integer', min: 1, max: 128 },
    dnaUnits: { kind: 'integer', min: 1, max: 4096 },
    cpgUnits: { kind: 'integer', min: 1, max: 4096 },
    jointUnits: { kind: 'integer', min: 1, max: 4096 },
    dropout: { kind: 'rate' },
    tasks: { kind: 'integer', min: 1, max: 4096 },
  },
  check: (config, input) => {
    if (validConvPoolLength(input.length, config.kernelSize, config.poolSize) >= 1) return [];
    const message = `input length ${input.length} is too short for a convolution of width ${config.kernelSize} and a pool of ${config.poolSize}`;
    return [{ field: 'config.kernelSize', message }];
  },
  build: (config, input, seed) => {
    const dna = tf.input({ name: 'dna', shape: [input.length, input.alphabetSize] });
    const cpg = tf.input({ name: 'cpg', shape: [config.cpgFeatures] });
    const conv = tf.layers
      .conv1d({
        name: 'conv1',
        filters: config.filters,
        kernelSize: config.kernelSize,
        padding: 'valid',
        activation: 'relu',
        kernelInitializer: glorot(seed, 'conv1'),
      })
      .apply(dna);
    const pooled = tf.layers.maxPooling1d({ name: 'pool1', poolSize: config.poolSize }).apply(conv);
    const flat = tf.layers.flatten({ name: 'flatten' }).apply(pooled);
    const d = seededDense(seed, 'dna_dense', config.dnaUnits, 'relu').apply(flat);
    const dDrop = seededDropout(seed, 'dna_dropout', config.dropout).apply(d);
    const c = seededDense(seed, 'cpg_dense', config.cpgUnits, 'relu').apply(cpg);
    const cDrop = seededDropout(seed, 'cpg_dropout', config.dropout).apply(c);
    const fused = tf.layers
      .concatenate({ name: 'fusion' })
      .apply([dDrop as tf.SymbolicTensor, cDrop as tf.SymbolicTensor]);
    const joint = seededDense(seed, 'joint', config.jointUnits, 'relu').apply(fused);
    const jDrop = seededDropout(seed, 'joint_dropout', config.dropout).apply(joint);
    const output = seededDense(seed, 'output', config.tasks, 'sigmoid').apply(jDrop);
    return tf.model({ name: 'deepcpg', inputs: [dna, cpg], outputs: output as tf.SymbolicTensor });
  },
};
