import * as tf from '@tensorflow/tfjs';
import type { OutputHead } from '../training/output-heads.ts';
import { PROFILE_COUNTS_WEIGHT, profileHeads } from '../training/output-heads.ts';
import { deriveSeed } from '../training/seed.ts';
import type { FieldError } from './architecture-config.error.ts';
import type { ArchitectureDefinition } from './architecture-definition.ts';
import { DilatedConv1D } from './dilated-conv1d.layer.ts';
import { glorot, seededDense } from './layer-helpers.ts';

/**
 * A small BPNet (Avsec et al., Nat Genet 2021): a wide convolution, then a stack of dilated
 * convolutions (dilation 2, 4, 8, …) with residual connections, then two heads:
 * - profile: a wide convolution ('same' padding; the paper's transposed convolution of stride 1
 *   is a convolution) giving per-position logits [length, tasks]; the predicted profile of a
 *   track is their softmax over positions, trained with the multinomial loss;
 * - counts: global average pool → linear, log(1 + total counts) per track, trained with MSE.
 * Total loss = profile + λ·counts (see `profileHeads`). `heads: 'counts'` builds the counts
 * head alone (one output, task `regression` on whatever `y` holds), as Strand's first BPNet did.
 */
export interface BpnetConfig {
  /** Paper: 64 filters, stem width 25, 9 dilated layers of width 3. */
  filters: number;
  stemKernel: number;
  dilatedLayers: number;
  /** Output tracks (e.g. strands or experiments). */
  tasks: number;
  /** `profile+counts` (outputs: profile logits, log counts) or `counts` (log counts only). */
  heads: 'profile+counts' | 'counts';
  /** Width of the profile head's convolution, odd (paper 25; small here, the stack is wide). */
  profileKernel: number;
  /**
   * λ of the counts loss relative to the mean total counts per track of the training rows:
   * λ = countsWeight × mean total. The paper's λ = ½ · mean total counts is the default 0.5; it
   * makes the counts loss (O(1) per row) weigh about as much as the profile loss, which grows
   * with the reads of a row. Higher values trade profile shape for total-count accuracy.
   */
  countsWeight: number;
}

export const BPNET_DEFAULTS: Readonly<BpnetConfig> = Object.freeze({
  filters: 32,
  stemKernel: 25,
  dilatedLayers: 5,
  tasks: 1,
  heads: 'profile+counts',
  profileKernel: 7,
  countsWeight: PROFILE_COUNTS_WEIGHT,
});

/**
 * The `trainModel` heads of a BPNet config: `profileHeads(config.countsWeight)` for
 * `profile+counts`, undefined (one output, task `regression`) for `counts`. Pass them as
 * `options.heads` so a non-default `countsWeight` takes effect; task `profile` alone trains with
 * the default λ.
 */
export function bpnetHeads(config: BpnetConfig): OutputHead[] | undefined {
  return config.heads === 'counts' ? undefined : profileHeads(config.countsWeight);
}

/**
 * BPNet in the registry. Layers: conv_stem, dil_conv1.., residual1.., then `profile` (profile
 * head), counts_pool and `counts` (counts head); with `heads: 'counts'`, counts_pool and `output`.
 */
export const BPNET: ArchitectureDefinition<BpnetConfig> = {
  description:
    'BPNet (Avsec et al. 2021), small: wide conv → dilated residual conv stack → profile head (per-position logits, multinomial loss) + counts head (log total counts, MSE); trained on per-position read counts.',
  inputKind: 'sequence',
  task: (config) => (config.heads === 'counts' ? 'regression' : 'profile'),
  defaults: BPNET_DEFAULTS,
  fields: {
    filters: { kind: 'integer', min: 1, max: 1024 },
    stemKernel: { kind: 'integer', min: 1, max: 255 },
    dilatedLayers: { kind: 'integer', min: 0, max: 12 },
    tasks: { kind: 'integer', min: 1, max: 64 },
    heads: { kind: 'choice', values: ['profile+counts', 'counts'] },
    profileKernel: { kind: 'integer', min: 1, max: 255 },
    countsWeight: { kind: 'number', min: 0, max: 1000 },
  },
  check: (config) => {
    const errors: FieldError[] = [];
    for (const field of ['stemKernel', 'profileKernel'] as const) {
      if (config[field] % 2 === 0) {
        errors.push({ field: `config.${field}`, message: `must be odd, got ${config[field]}` });
      }
    }
    return errors;
  },
  build: (config, input, seed) => {
    const x = tf.input({ name: 'sequence', shape: [input.length, input.alphabetSize] });
    let h = tf.layers
      .conv1d({
        name: 'conv_stem',
        filters: config.filters,
        kernelSize: config.stemKernel,
        padding: 'same',
        activation: 'relu',
        kernelInitializer: glorot(seed, 'conv_stem'),
      })
      .apply(x) as tf.SymbolicTensor;
    for (let i = 1; i <= config.dilatedLayers; i++) {
      const conv = new DilatedConv1D({
        name: `dil_conv${i}`,
        filters: config.filters,
        kernelSize: 3,
        dilation: 2 ** i,
        activation: 'relu',
        initSeed: deriveSeed(seed, 'init', `dil_conv${i}`),
      });
      const r = conv.apply(h) as tf.SymbolicTensor;
      h = tf.layers.add({ name: `residual${i}` }).apply([h, r]) as tf.SymbolicTensor;
    }
    const pooled = tf.layers.globalAveragePooling1d({ name: 'counts_pool' }).apply(h);
    if (config.heads === 'counts') {
      const counts = seededDense(seed, 'output', config.tasks, 'linear').apply(pooled);
      return tf.model({ name: 'bpnet', inputs: x, outputs: counts as tf.SymbolicTensor });
    }
    const profile = tf.layers
      .conv1d({
        name: 'profile',
        filters: config.tasks,
        kernelSize: config.profileKernel,
        padding: 'same',
        activation: 'linear',
        kernelInitializer: glorot(seed, 'profile'),
      })
      .apply(h) as tf.SymbolicTensor;
    const counts = seededDense(seed, 'counts', config.tasks, 'linear').apply(pooled);
    return tf.model({
      name: 'bpnet',
      inputs: x,
      outputs: [profile, counts as tf.SymbolicTensor],
    });
  },
};
