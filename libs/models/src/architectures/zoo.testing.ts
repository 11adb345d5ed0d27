/**
 * Synthetic datasets with a known signal for the architecture specs: each has a rule a model
 * must learn to beat chance. Deterministic per seed; sizes are small so specs stay fast.
 */
import * as tf from '@tensorflow/tfjs';
import { deriveSeed, seededRandom } from '../training/seed.ts';
import { trainModel } from '../training/train.ts';
import type { TrainOptions } from '../training/train-options.ts';
import type { TrainingData } from '../training/training-data.ts';
import { buildModel } from './build-model.ts';
import type { ArchitectureName } from './registry.ts';
import { architectureTask, validateArchitectureConfig } from './registry.ts';

const BASES = 'ACGT';
/** Two motifs (GATA and E-box consensus sites), one per task. */
export const TASK_MOTIFS = ['CACGTG', 'GATAAG'] as const;

/** One-hot sequences; task t is 1 iff motif t was planted (independently, probability ½). */
export function multitaskMotifData(count: number, length: number, seed: number): TrainingData {
  const random = seededRandom(deriveSeed(seed, 'multitask-motifs'));
  const tasks = TASK_MOTIFS.length;
  const x = new Float32Array(count * length * 4);
  const y = new Float32Array(count * tasks);
  for (let row = 0; row < count; row++) {
    const bases = Array.from({ length }, () => Math.floor(random() * 4));
    TASK_MOTIFS.forEach((motif, t) => {
      if (random() < 0.5) return;
      y[row * tasks + t] = 1;
      const at = Math.floor(random() * (length - motif.length + 1));
      for (let i = 0; i < motif.length; i++) bases[at + i] = BASES.indexOf(motif[i] as string);
    });
    bases.forEach((b, i) => (x[(row * length + i) * 4 + b] = 1));
  }
  return { x, y, count, length, alphabetSize: 4, labelWidth: tasks };
}

/** Only the first task of `multitaskMotifData`, as binary labels. */
export function firstTask(data: TrainingData): TrainingData {
  const y = Float32Array.from({ length: data.count }, (_, i) => data.y[i * 2] as number);
  return { ...data, y, labelWidth: 1 };
}

/** Standard normal draws (Box–Muller) from a seeded generator. */
export function normals(random: () => number, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const u = 1 - random();
    out[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  }
  return out;
}

/**
 * Expression-like features [count, genes, 1] (standard normal) with labels from fixed rules:
 * - binary: g0 + g1 − g2 > 0;
 * - multiclass: the arg max of (g0, g1, g2);
 * - regression: 2·g0 − g1 + 0.5·g3 + noise(0.1).
 */
export function expressionData(
  count: number,
  genes: number,
  seed: number,
  task: 'binary' | 'multiclass' | 'regression',
): TrainingData {
  const random = seededRandom(deriveSeed(seed, 'expression', task));
  const x = normals(random, count * genes);
  const y = new Float32Array(count);
  for (let r = 0; r < count; r++) {
    const g = (i: number) => x[r * genes + i] as number;
    if (task === 'binary') y[r] = g(0) + g(1) - g(2) > 0 ? 1 : 0;
    else if (task === 'multiclass') y[r] = [g(0), g(1), g(2)].indexOf(Math.max(g(0), g(1), g(2)));
    else y[r] = 2 * g(0) - g(1) + 0.5 * g(3) + 0.1 * (normals(random, 1)[0] as number);
  }
  return { x, y, count, length: genes, alphabetSize: 1 };
}

/**
 * Ordered features [count, steps, 2]: label 1 iff feature 0 rises over time (its mean over the
 * second half exceeds the first half's); feature 1 is noise. Order matters: a bag of values
 * cannot tell.
 */
export function risingSeriesData(count: number, steps: number, seed: number): TrainingData {
  const random = seededRandom(deriveSeed(seed, 'rising'));
  const x = normals(random, count * steps * 2);
  const y = new Float32Array(count);
  for (let r = 0; r < count; r++) {
    let difference = 0;
    for (let s = 0; s < steps; s++) {
      difference += (s < steps / 2 ? -1 : 1) * (x[(r * steps + s) * 2] as number);
    }
    y[r] = difference > 0 ? 1 : 0;
  }
  return { x, y, count, length: steps, alphabetSize: 2 };
}

/** Low-rank profiles [count, genes, 1]: x = W·z (rank 3) + noise(0.1), W fixed per seed. */
export function lowRankExpression(count: number, genes: number, seed: number): TrainingData {
  const random = seededRandom(deriveSeed(seed, 'low-rank'));
  const w = normals(random, genes * 3);
  const x = new Float32Array(count * genes);
  for (let r = 0; r < count; r++) {
    const z = normals(random, 3);
    for (let g = 0; g < genes; g++) {
      let v = 0.1 * (normals(random, 1)[0] as number);
      for (let k = 0; k < 3; k++) v += (w[g * 3 + k] as number) * (z[k] as number);
      x[r * genes + g] = v;
    }
  }
  return { x, y: new Float32Array(0), count, length: genes, alphabetSize: 1 };
}

/**
 * Multimodal data: expression [count, genes, 1] and variant features [count, variants]; task 1
 * is g0 − g1 > 0 (expression only), task 2 is v0 + v1 > 0 (variants only).
 */
export function multimodalRiskData(
  count: number,
  genes: number,
  variants: number,
  seed: number,
): TrainingData {
  const random = seededRandom(deriveSeed(seed, 'risk'));
  const x = normals(random, count * genes);
  const v = normals(random, count * variants);
  const y = new Float32Array(count * 2);
  for (let r = 0; r < count; r++) {
    y[r * 2] = (x[r * genes] as number) - (x[r * genes + 1] as number) > 0 ? 1 : 0;
    y[r * 2 + 1] = (v[r * variants] as number) + (v[r * variants + 1] as number) > 0 ? 1 : 0;
  }
  return { x, y, count, length: genes, alphabetSize: 1, labelWidth: 2, extraInputs: [v] };
}

/**
 * Builds `architecture` for `data`, trains it with its registry task, disposes it, and checks
 * that no tensor outlived the call. Returns the last epoch's metrics.
 */
export async function trainArchitecture(
  architecture: ArchitectureName,
  config: Record<string, unknown>,
  data: TrainingData,
  options: Omit<TrainOptions, 'task'>,
): Promise<Record<string, number>> {
  const before = tf.memory().numTensors;
  const checked = validateArchitectureConfig(architecture, config, data);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  const model = buildModel({
    architecture,
    config: checked.config,
    inputLength: data.length,
    alphabetSize: data.alphabetSize,
    seed: options.seed,
  });
  const task = architectureTask(architecture, checked.config);
  const result = await trainModel(model, data, { ...options, task }).finally(() => model.dispose());
  const leaked = tf.memory().numTensors - before;
  if (leaked !== 0) throw new Error(`${leaked} tensors leaked`);
  return result.history.at(-1)?.metrics ?? {};
}
