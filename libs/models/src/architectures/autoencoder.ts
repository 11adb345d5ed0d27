import * as tf from '@tensorflow/tfjs';
import type { ArchitectureDefinition } from './architecture-definition.ts';
import { seededDense, seededDropout } from './layer-helpers.ts';

/**
 * A denoising autoencoder for expression profiles (Vincent et al., ICML 2008; as DCA/scVI-style
 * imputation): masking noise (dropout on the input, training only) → encoder → a bottleneck
 * `embedding` → decoder → the reconstructed profile. Reconstructing masked values is what
 * makes it an imputer; the `embedding` layer's output is the sample embedding.
 */
export interface AutoencoderConfig {
  /** Encoder units; the decoder mirrors them. */
  hiddenUnits: number[];
  embeddingSize: number;
  /** Share of input values masked to 0 during training. */
  inputDropout: number;
}

export const AUTOENCODER_DEFAULTS: Readonly<AutoencoderConfig> = Object.freeze({
  hiddenUnits: [64],
  embeddingSize: 16,
  inputDropout: 0.2,
});

/**
 * Autoencoder in the registry. Layers: flatten, corrupt, encoder1.., embedding, decoder1..,
 * reconstruction (linear), output (reshape to the input shape). Trains on `x` as its own target.
 */
export const AUTOENCODER: ArchitectureDefinition<AutoencoderConfig> = {
  description:
    'Denoising autoencoder for expression: input masking → dense encoder → embedding → dense decoder → reconstruction (embedding + imputation).',
  inputKind: 'features',
  task: () => 'reconstruction',
  defaults: AUTOENCODER_DEFAULTS,
  fields: {
    hiddenUnits: { kind: 'integers', min: 1, max: 8192, minItems: 0, maxItems: 6 },
    embeddingSize: { kind: 'integer', min: 1, max: 4096 },
    inputDropout: { kind: 'rate' },
  },
  build: (config, input, seed) => {
    const size = input.length * input.alphabetSize;
    const layers: tf.layers.Layer[] = [
      tf.layers.flatten({ name: 'flatten', inputShape: [input.length, input.alphabetSize] }),
      seededDropout(seed, 'corrupt', config.inputDropout),
    ];
    config.hiddenUnits.forEach((u, i) =>
      layers.push(seededDense(seed, `encoder${i + 1}`, u, 'relu')),
    );
    layers.push(seededDense(seed, 'embedding', config.embeddingSize, 'linear'));
    [...config.hiddenUnits].reverse().forEach((u, i) => {
      layers.push(seededDense(seed, `decoder${i + 1}`, u, 'relu'));
    });
    layers.push(seededDense(seed, 'reconstruction', size, 'linear'));
    layers.push(
      tf.layers.reshape({ name: 'output', targetShape: [input.length, input.alphabetSize] }),
    );
    return tf.sequential({ name: 'autoencoder', layers });
  },
};
