import * as tf from '@tensorflow/tfjs';
import { deriveSeed } from '../training/seed.ts';
import type { ArchitectureDefinition } from './architecture-definition.ts';
import { DilatedConv1D } from './dilated-conv1d.layer.ts';
import { glorot, seededDense } from './layer-helpers.ts';

/**
 * A small BPNet (Avsec et al., Nat Genet 2021): a wide convolution, then a stack of dilated
 * convolutions (dilation 2, 4, 8, …) with residual connections, then the counts head (global
 * average pool → linear, the log total counts per track). BPNet's profile head (a wide
 * transposed convolution trained with a multinomial loss) is NOT built: Strand's training
 * loop trains one output with one task loss, so only the counts head (regression) trains here.
 */
export interface BpnetConfig {
  /** Paper: 64 filters, stem width 25, 9 dilated layers of width 3. */
  filters: number;
  stemKernel: number;
  dilatedLayers: number;
  /** Output tracks (e.g. strands or experiments), one log count each. */
  tasks: number;
}

export const BPNET_DEFAULTS: Readonly<BpnetConfig> = Object.freeze({
  filters: 32,
  stemKernel: 25,
  dilatedLayers: 5,
  tasks: 1,
});

/** BPNet in the registry. Layers: conv_stem, dil_conv1.., residual1.., counts_pool, output. */
export const BPNET: ArchitectureDefinition<BpnetConfig> = {
  description:
    'BPNet (Avsec et al. 2021), small: wide conv → dilated residual conv stack → counts head (log total counts, regression). The profile head is not built.',
  inputKind: 'sequence',
  task: () => 'regression',
  defaults: BPNET_DEFAULTS,
  fields: {
    filters: { kind: 'integer', min: 1, max: 1024 },
    stemKernel: { kind: 'integer', min: 1, max: 255 },
    dilatedLayers: { kind: 'integer', min: 0, max: 12 },
    tasks: { kind: 'integer', min: 1, max: 64 },
  },
  check: (config) =>
    config.stemKernel % 2 === 1
      ? []
      : [{ field: 'config.stemKernel', message: `must be odd, got ${config.stemKernel}` }],
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
    const counts = seededDense(seed, 'output', config.tasks, 'linear').apply(pooled);
    return tf.model({ name: 'bpnet', inputs: x, outputs: counts as tf.SymbolicTensor });
  },
};
