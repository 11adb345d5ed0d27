import * as tf from '@tensorflow/tfjs';
import type { ArchitectureDefinition } from './architecture-definition.ts';
import { glorot, seededDense, seededDropout } from './layer-helpers.ts';

/** Channels per pileup cell (base, base quality, MAPQ, strand, supports-alt, differs-from-ref). */
export const PILEUP_CELL_CHANNELS = 6;

/**
 * A DeepVariant-style genotyper over pileup images (Poplin et al. 2018, Nat Biotechnol 36:983):
 * input [width, rows × 6] as `pileupTensor` of @strand/genomics lays it out, seen as a
 * [width, rows, 6] image; outputs hom-ref / het / hom-alt.
 */
export interface PileupConfig {
  /** Filters of each 3×3 convolution (each followed by a 2×2 max pool). */
  convFilters: number[];
  denseUnits: number;
  dropout: number;
  /** Genotype classes; 3 (hom-ref, het, hom-alt). */
  outputs: number;
}

export const PILEUP_DEFAULTS: Readonly<PileupConfig> = Object.freeze({
  convFilters: [16, 32],
  denseUnits: 64,
  dropout: 0.3,
  outputs: 3,
});

/** `pileup` in the registry. Layers: image, conv1.., pool1.., flatten, dense, dropout, output. */
export const PILEUP: ArchitectureDefinition<PileupConfig> = {
  description:
    'Variant-calling CNN (DeepVariant-style): pileup image [width, reads, 6 channels] → (3×3 conv → ReLU → 2×2 max pool)× → dense → softmax over hom-ref / het / hom-alt.',
  inputKind: 'features',
  task: () => 'multiclass',
  defaults: PILEUP_DEFAULTS,
  fields: {
    convFilters: { kind: 'integers', min: 1, max: 512, minItems: 1, maxItems: 4 },
    denseUnits: { kind: 'integer', min: 1, max: 4096 },
    dropout: { kind: 'rate' },
    outputs: { kind: 'integer', min: 2, max: 16 },
  },
  check: (config, input) => {
    if (
      input.alphabetSize % PILEUP_CELL_CHANNELS !== 0 ||
      input.alphabetSize < 2 * PILEUP_CELL_CHANNELS
    )
      return [
        {
          field: 'input.alphabetSize',
          message: `a pileup image has rows × ${PILEUP_CELL_CHANNELS} channels per column (at least 2 rows), got ${input.alphabetSize}`,
        },
      ];
    const shrink = 2 ** config.convFilters.length;
    const rows = input.alphabetSize / PILEUP_CELL_CHANNELS;
    if (input.length < shrink || rows < shrink)
      return [
        {
          field: 'config.convFilters',
          message: `${config.convFilters.length} 2×2 poolings need a pileup of at least ${shrink} × ${shrink}, got ${input.length} × ${rows}`,
        },
      ];
    return [];
  },
  build: (config, input, seed) => {
    const rows = input.alphabetSize / PILEUP_CELL_CHANNELS;
    const layers: tf.layers.Layer[] = [
      tf.layers.reshape({
        name: 'image',
        inputShape: [input.length, input.alphabetSize],
        targetShape: [input.length, rows, PILEUP_CELL_CHANNELS],
      }),
    ];
    config.convFilters.forEach((filters, i) => {
      const name = `conv${i + 1}`;
      layers.push(
        tf.layers.conv2d({
          name,
          filters,
          kernelSize: 3,
          padding: 'same',
          activation: 'relu',
          kernelInitializer: glorot(seed, name),
        }),
        tf.layers.maxPooling2d({ name: `pool${i + 1}`, poolSize: 2, strides: 2 }),
      );
    });
    layers.push(
      tf.layers.flatten({ name: 'flatten' }),
      seededDense(seed, 'dense', config.denseUnits, 'relu'),
      seededDropout(seed, 'dropout', config.dropout),
      seededDense(seed, 'output', config.outputs, 'softmax'),
    );
    return tf.sequential({ name: 'pileup', layers });
  },
};
