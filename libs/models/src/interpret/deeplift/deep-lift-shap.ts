/**
 * DeepLIFT and DeepSHAP attributions of one-hot sequences (Shrikumar, Greenside & Kundaje, ICML
 * 2017, rescale rule; Lundberg & Lee 2017, DeepSHAP as DeepLIFT averaged over references), after
 * tangermeme's `deep_lift_shap`: each sequence is paired with references (by default 20
 * dinucleotide shuffles of itself, seeded per sequence so a result does not depend on the batch
 * it was computed in), multipliers come from one DeepLIFT pass per batch of pairs
 * (deeplift-pass.ts), and the hypothetical contribution of base h at a position is
 * Σ_b (e_h − r)_b · m_b (tangermeme's `hypothetical_attributions`), averaged over references.
 * The contribution of the base present is the hypothetical one times the one-hot input, so a
 * sequence's contributions sum to f(x) − mean f(r) (summation-to-delta; `convergenceDelta`
 * reports the largest error of any pair, which tangermeme warns about above 1e-3).
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, dinucleotideShuffle, oneHotEncode } from '@strand/genomics';
import { deriveSeed } from '../../training/seed.ts';
import { InterpretInputError } from '../interpret-input.error.ts';
import { deepLiftGraph } from './deeplift-graph.ts';
import type { DeepLiftGraph } from './deeplift-graph.ts';
import { deepLiftPass } from './deeplift-pass.ts';

/**
 * References: `shuffle` (default), dinucleotide shuffles of the sequence; `composition`, one
 * reference whose every position is the sequence's own base frequencies (DeepLIFT's genomics
 * reference); `uniform`, 0.25 everywhere; `zeros`, the all-zero matrix.
 */
export type DeepLiftReference = 'shuffle' | 'composition' | 'uniform' | 'zeros';

export interface DeepLiftShapOptions {
  references?: DeepLiftReference;
  /** Shuffled references per sequence; default 20 (only with `shuffle`). */
  shuffles?: number;
  /** Seed of the shuffles; default 1. */
  seed?: number;
  /** Model output (0-based) and its column; default 0 and 0. */
  output?: number;
  task?: number;
  /** Explain the output layer's logit (default true) or the output as given. */
  logit?: boolean;
  /** Pairs per pass; default 64. */
  batchSize?: number;
  /** The model's further inputs, one row per sequence each, held at their values. */
  extraInputs?: readonly Float32Array[];
  /** Called after each pass with the pairs done so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** Attributions of `count` sequences of `length` bases, arrays row-major [count, length, 4]. */
export interface DeepLiftShapResult {
  count: number;
  length: number;
  references: DeepLiftReference;
  referencesPerSequence: number;
  /** Contribution of the base present (the hypothetical one × the one-hot input). */
  contributions: Float32Array;
  /** Hypothetical contributions of every base at every position. */
  hypothetical: Float32Array;
  /** The explained value for each sequence, and its mean over the sequence's references. */
  outputs: Float32Array;
  referenceOutputs: Float32Array;
  /** Per sequence: the largest |Σ (x − r)·m − (f(x) − f(r))| over its references. */
  convergenceDelta: Float32Array;
}

const WHAT = 'deepLiftShap';

/** Checks the model and options once; returns what a caller needs to run passes. */
export function prepareDeepLift(
  model: tf.LayersModel,
  options: DeepLiftShapOptions,
): { graph: DeepLiftGraph; length: number } {
  const input = model.inputs[0]?.shape;
  if (input === undefined || input.length !== 3 || input[2] !== 4 || input[1] === null) {
    const shapes = model.inputs.map((i) => `[${i.shape.map(String).join(', ')}]`).join(', ');
    throw new InterpretInputError(
      `${WHAT}: the model's first input ${shapes} is not a one-hot sequence [batch, length, 4]`,
    );
  }
  const extra = options.extraInputs?.length ?? 0;
  if (extra !== model.inputs.length - 1) {
    throw new InterpretInputError(
      `${WHAT}: the model has ${model.inputs.length} inputs; give its ${model.inputs.length - 1} further input(s) as extraInputs (got ${extra})`,
    );
  }
  const { shuffles = 20, batchSize = 64, output = 0 } = options;
  if (!Number.isInteger(shuffles) || shuffles < 1 || shuffles > 1000) {
    throw new InterpretInputError(`${WHAT}: shuffles ${shuffles} is not an integer in [1, 1000]`);
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new InterpretInputError(`${WHAT}: batchSize ${batchSize} is not an integer ≥ 1`);
  }
  if (!Number.isInteger(output) || output < 0 || output >= model.outputs.length) {
    throw new InterpretInputError(
      `${WHAT}: output ${output} is not one of the model's ${model.outputs.length} outputs`,
    );
  }
  const references = options.references ?? 'shuffle';
  if (!['shuffle', 'composition', 'uniform', 'zeros'].includes(references)) {
    throw new InterpretInputError(
      `${WHAT}: references "${String(references)}" is not 'shuffle', 'composition', 'uniform' or 'zeros'`,
    );
  }
  return { graph: deepLiftGraph(model, WHAT), length: input[1] };
}

/** The references of one sequence, one-hot, [k, length, 4]. */
function referencesOf(
  seq: string,
  x: Float32Array,
  kind: DeepLiftReference,
  shuffles: number,
  seed: number,
): Float32Array[] {
  const size = x.length;
  if (kind === 'shuffle') {
    const rng = createRng(seed);
    return Array.from({ length: shuffles }, () =>
      oneHotEncode(dinucleotideShuffle(seq.toUpperCase(), rng)),
    );
  }
  const out = new Float32Array(size);
  if (kind === 'uniform') out.fill(0.25);
  if (kind === 'composition') {
    const freq = [0, 0, 0, 0];
    for (let i = 0; i < size; i++) freq[i % 4] += x[i] as number;
    const positions = size / 4;
    for (let i = 0; i < size; i++) out[i] = (freq[i % 4] as number) / positions;
  }
  return [out];
}

/**
 * DeepLIFT / DeepSHAP attributions of sequences (see the file comment). Sequences must have the
 * model's input length; passes run in inference mode; no tensor outlives the call.
 * @example const r = deepLiftShap(model, ['ACGT…']); r.contributions // [1, length, 4]
 */
export function deepLiftShap(
  model: tf.LayersModel,
  sequences: readonly string[],
  options: DeepLiftShapOptions = {},
): DeepLiftShapResult {
  const { graph, length } = prepareDeepLift(model, options);
  const { shuffles = 20, seed = 1, batchSize = 64, output = 0, task = 0, logit = true } = options;
  const kind = options.references ?? 'shuffle';
  const count = sequences.length;
  const size = length * 4;
  const perSequence = kind === 'shuffle' ? shuffles : 1;
  const extraSizes = model.inputs
    .slice(1)
    .map((i) => i.shape.slice(1).reduce<number>((a, d) => a * (d ?? 1), 1));
  options.extraInputs?.forEach((rows, i) => {
    if (rows.length !== count * (extraSizes[i] as number)) {
      throw new InterpretInputError(
        `${WHAT}: extraInputs[${i}] has ${rows.length} values, not ${count} rows of ${extraSizes[i]}`,
      );
    }
  });
  const xs = sequences.map((seq, i) => {
    if (seq.length !== length) {
      throw new InterpretInputError(
        `${WHAT}: sequence ${i + 1} has length ${seq.length}; the model takes ${length}`,
      );
    }
    return oneHotEncode(seq);
  });
  const result: DeepLiftShapResult = {
    count,
    length,
    references: kind,
    referencesPerSequence: perSequence,
    contributions: new Float32Array(count * size),
    hypothetical: new Float32Array(count * size),
    outputs: new Float32Array(count),
    referenceOutputs: new Float32Array(count),
    convergenceDelta: new Float32Array(count),
  };
  // Pairs in order (sequence, reference); references are drawn per sequence as its pairs come.
  const total = count * perSequence;
  const refCache = new Map<number, Float32Array[]>();
  const refsOf = (s: number) => {
    let refs = refCache.get(s);
    if (!refs) {
      refs = referencesOf(
        sequences[s] as string,
        xs[s] as Float32Array,
        kind,
        shuffles,
        deriveSeed(seed, 'deeplift', s),
      );
      refCache.set(s, refs);
    }
    return refs;
  };
  const xBuffer = new Float32Array(Math.min(batchSize, total) * size);
  const rBuffer = new Float32Array(xBuffer.length);
  for (let start = 0; start < total; start += batchSize) {
    const n = Math.min(batchSize, total - start);
    const pairs = Array.from({ length: n }, (_, k) => {
      const p = start + k;
      return { s: Math.floor(p / perSequence), j: p % perSequence };
    });
    pairs.forEach(({ s, j }, k) => {
      xBuffer.set(xs[s] as Float32Array, k * size);
      rBuffer.set(refsOf(s)[j] as Float32Array, k * size);
    });
    const [m, f] = tf.tidy(() => {
      const x = tf.tensor3d(xBuffer.subarray(0, n * size), [n, length, 4]);
      const r = tf.tensor3d(rBuffer.subarray(0, n * size), [n, length, 4]);
      const extras = (options.extraInputs ?? []).map((rows, i) => {
        const w = extraSizes[i] as number;
        const picked = new Float32Array(n * w);
        pairs.forEach(({ s }, k) => picked.set(rows.subarray(s * w, (s + 1) * w), k * w));
        const t = tf.tensor(picked, [n, ...(model.inputs[i + 1]?.shape.slice(1) as number[])]);
        return tf.concat([t, t]);
      });
      const pass = deepLiftPass(
        graph,
        [tf.concat([x, r]), ...extras],
        n,
        { output, task, logit },
        WHAT,
      );
      return [pass.multipliers, pass.explained];
    });
    const mult = m.dataSync() as Float32Array;
    const explained = f.dataSync() as Float32Array;
    tf.dispose([m, f]);
    pairs.forEach(({ s, j }, k) => {
      const x = xs[s] as Float32Array;
      const r = refsOf(s)[j] as Float32Array;
      const hyp = result.hypothetical;
      let sum = 0;
      for (let p = 0; p < length; p++) {
        const o = k * size + p * 4;
        let baseline = 0;
        for (let b = 0; b < 4; b++) {
          const mb = mult[o + b] as number;
          baseline += (r[p * 4 + b] as number) * mb;
          sum += ((x[p * 4 + b] as number) - (r[p * 4 + b] as number)) * mb;
        }
        for (let h = 0; h < 4; h++) {
          const at = s * size + p * 4 + h;
          hyp[at] = (hyp[at] as number) + ((mult[o + h] as number) - baseline) / perSequence;
        }
      }
      const fx = explained[k] as number;
      const fr = explained[n + k] as number;
      result.outputs[s] = fx;
      result.referenceOutputs[s] = (result.referenceOutputs[s] as number) + fr / perSequence;
      const delta = Math.abs(sum - (fx - fr));
      if (delta > (result.convergenceDelta[s] as number)) result.convergenceDelta[s] = delta;
      if (j === perSequence - 1) {
        refCache.delete(s);
        for (let i = s * size; i < (s + 1) * size; i++) {
          result.contributions[i] =
            (result.hypothetical[i] as number) * (x[i - s * size] as number);
        }
      }
    });
    options.onProgress?.(start + n, total);
  }
  return result;
}
