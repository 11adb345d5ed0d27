/**
 * Helpers for the specs of libs/models and of the projects that use it (jobs, api, tools).
 * Imported as `@strand/models/testing`; never by production code.
 */
import { BUNDLED_MOTIFS, oneHotEncodeBatch, simulatePlantedMotifs } from '@strand/genomics';
import type { DeepBindConfig } from './architectures/deepbind.ts';
import { deriveSeed, seededRandom } from './training/seed.ts';
import type { TrainingData } from './training/training-data.ts';

/** A DeepBind config small enough to train in a spec in seconds. */
export const TINY_DEEPBIND: Readonly<DeepBindConfig> = Object.freeze({
  filters: 8,
  kernelSize: 8,
  hiddenUnits: 8,
  dropout: 0.1,
});

/** Options of `plantedMotifDataset`. */
export interface PlantedMotifDatasetOptions {
  count: number;
  length: number;
  seed: number;
  /** Name of a bundled JASPAR motif planted into every positive; default GATA1 (7 bp). */
  motif?: string;
  /** Share of positives; default 0.5. */
  positiveFraction?: number;
}

/**
 * A learnable one-hot dataset from @strand/genomics' simulator: label 1 iff an instance of the
 * motif was planted. Deterministic per seed.
 */
export function plantedMotifDataset(options: PlantedMotifDatasetOptions): TrainingData {
  const { count, length, seed, motif = 'GATA1', positiveFraction = 0.5 } = options;
  const pfm = BUNDLED_MOTIFS.find((m) => m.name === motif);
  if (pfm === undefined) {
    const known = BUNDLED_MOTIFS.map((m) => m.name).join(', ');
    throw new RangeError(`plantedMotifDataset: no bundled motif "${motif}"; known: ${known}`);
  }
  const simulated = simulatePlantedMotifs({ count, length, seed, motifs: [pfm], positiveFraction });
  const x = oneHotEncodeBatch(simulated.sequences, length);
  return { x, y: Float32Array.from(simulated.labels), count, length, alphabetSize: 4 };
}

/** Random one-hot sequences with random labels (nothing to learn): for shape and leak tests. */
export function randomDataset(count: number, length: number, seed: number): TrainingData {
  const random = seededRandom(deriveSeed(seed, 'random-dataset'));
  const x = new Float32Array(count * length * 4);
  const y = new Float32Array(count);
  for (let row = 0; row < count; row++) {
    y[row] = random() < 0.5 ? 0 : 1;
    for (let i = 0; i < length; i++) x[(row * length + i) * 4 + Math.floor(random() * 4)] = 1;
  }
  return { x, y, count, length, alphabetSize: 4 };
}
