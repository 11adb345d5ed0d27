import * as tf from '@tensorflow/tfjs';
import { deriveSeed } from '../training/seed.ts';
import type { ArchitectureDefinition } from './architecture-definition.ts';
import { seededDense } from './layer-helpers.ts';
import { VaeSampling } from './vae-sampling.layer.ts';

/**
 * A variational autoencoder for expression profiles (Kingma & Welling, ICLR 2014; as scVI-style
 * models use it, without the count likelihood): dense encoder → `z_mean`, `z_log_var` →
 * seeded reparameterisation `z` → dense decoder → the reconstructed profile. The latent mean
 * (`z_mean`'s output) is the sample embedding.
 */
export interface VaeConfig {
  /** Encoder units; the decoder mirrors them. */
  hiddenUnits: number[];
  latentSize: number;
  /**
   * β of β-VAE: loss = mean squared error per value + β · KL per sample / values per sample;
   * 1 is the plain VAE, 0 a deterministic autoencoder with a noisy bottleneck.
   */
  klWeight: number;
}

export const VAE_DEFAULTS: Readonly<VaeConfig> = Object.freeze({
  hiddenUnits: [64],
  latentSize: 8,
  klWeight: 1,
});

/** VAE in the registry. Layers: flatten, encoder1.., z_mean, z_log_var, z, decoder1.., … */
export const VAE: ArchitectureDefinition<VaeConfig> = {
  description:
    'Variational autoencoder for expression: dense encoder → latent mean and log-variance → seeded reparameterisation → dense decoder; loss = reconstruction + KL.',
  inputKind: 'features',
  task: () => 'reconstruction',
  defaults: VAE_DEFAULTS,
  fields: {
    hiddenUnits: { kind: 'integers', min: 1, max: 8192, minItems: 0, maxItems: 6 },
    latentSize: { kind: 'integer', min: 1, max: 4096 },
    klWeight: { kind: 'number', min: 0, max: 1000 },
  },
  build: (config, input, seed) => {
    const size = input.length * input.alphabetSize;
    const x = tf.input({ name: 'profile', shape: [input.length, input.alphabetSize] });
    let h = tf.layers.flatten({ name: 'flatten' }).apply(x) as tf.SymbolicTensor;
    config.hiddenUnits.forEach((u, i) => {
      h = seededDense(seed, `encoder${i + 1}`, u, 'relu').apply(h) as tf.SymbolicTensor;
    });
    const mean = seededDense(seed, 'z_mean', config.latentSize, 'linear').apply(h);
    const logVar = seededDense(seed, 'z_log_var', config.latentSize, 'linear').apply(h);
    const sampling = new VaeSampling({
      name: 'z',
      seed: deriveSeed(seed, 'sampling', 'z'),
      klScale: config.klWeight / size,
    });
    let d = sampling.apply([mean, logVar] as tf.SymbolicTensor[]) as tf.SymbolicTensor;
    [...config.hiddenUnits].reverse().forEach((u, i) => {
      d = seededDense(seed, `decoder${i + 1}`, u, 'relu').apply(d) as tf.SymbolicTensor;
    });
    const flat = seededDense(seed, 'reconstruction', size, 'linear').apply(d);
    const output = tf.layers
      .reshape({ name: 'output', targetShape: [input.length, input.alphabetSize] })
      .apply(flat) as tf.SymbolicTensor;
    return tf.model({ name: 'vae', inputs: x, outputs: output });
  },
};

/** A model from a built VAE's input to its latent mean (shares the VAE's weights). */
export function vaeEncoder(vae: tf.LayersModel): tf.LayersModel {
  const mean = vae.getLayer('z_mean').output as tf.SymbolicTensor;
  return tf.model({ name: 'vae_encoder', inputs: vae.inputs, outputs: mean });
}
