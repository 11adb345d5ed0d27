/**
 * Variant-effect scores from a sequence model: predict the reference and alternate windows of
 * each variant and compare, per model output (task). The scheme of DeepSEA's variant scores
 * (Zhou & Troyanskaya, Nat. Methods 2015): diff = alt − ref, and the change in log odds
 * logit(alt) − logit(ref), optionally averaged over both strands.
 */
import { oneHotEncode } from '@strand/genomics';
import type * as tf from '@tensorflow/tfjs';
import { PREDICT_BATCH_SIZE, predictOutputs } from '../training/predict.ts';
import { clippedLogit } from './log-odds.ts';
import { VariantEffectInputError } from './variant-effect-input.error.ts';

/** The two windows of one variant allele (a `VariantWindow` of @strand/genomics has them). */
export interface WindowPair {
  refWindow: string;
  altWindow: string;
}

/** Options of `scoreVariantWindows`. */
export interface ScoreVariantWindowsOptions {
  /** Also predict the reverse complement of both windows and average the two strands. */
  reverseComplement?: boolean;
  /** Variants per forward pass (each takes 2 rows, 4 with `reverseComplement`); default 256. */
  batchSize?: number;
}

/** Scores of `count` variants × `tasks` outputs, each array row-major [count, tasks]. */
export interface VariantEffectScores {
  count: number;
  tasks: number;
  ref: Float64Array;
  alt: Float64Array;
  /** alt − ref. */
  diff: Float64Array;
  absDiff: Float64Array;
  /** logit(alt) − logit(ref), probabilities clipped to [1e-7, 1 − 1e-7]. */
  logOddsChange: Float64Array;
}

function modelShape(model: tf.LayersModel): { length: number; tasks: number } {
  const input = model.inputs.length === 1 ? model.inputs[0].shape : undefined;
  if (input === undefined || input.length !== 3 || input[2] !== 4 || input[1] === null) {
    const shapes = model.inputs.map((i) => `[${i.shape.map(String).join(', ')}]`).join(', ');
    throw new VariantEffectInputError(
      `scoreVariantWindows: the model's inputs ${shapes} are not one one-hot sequence [batch, length, 4]`,
    );
  }
  const output = model.outputs.length === 1 ? model.outputs[0].shape : undefined;
  if (output === undefined || output.length !== 2 || output[1] === null) {
    const shapes = model.outputs.map((o) => `[${o.shape.map(String).join(', ')}]`).join(', ');
    throw new VariantEffectInputError(
      `scoreVariantWindows: the model's outputs ${shapes} are not one vector per sequence [batch, tasks]`,
    );
  }
  return { length: input[1], tasks: output[1] };
}

/**
 * Scores variants by their ref and alt windows (each exactly the model's input length), per
 * task. Deterministic: the same windows, model and backend give the same numbers.
 * @example const s = scoreVariantWindows(model, [{ refWindow, altWindow }]); s.diff[0]
 */
export function scoreVariantWindows(
  model: tf.LayersModel,
  windows: readonly WindowPair[],
  options: ScoreVariantWindowsOptions = {},
): VariantEffectScores {
  const { reverseComplement = false, batchSize = PREDICT_BATCH_SIZE } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new VariantEffectInputError(
      `scoreVariantWindows: batchSize ${batchSize} is not an integer ≥ 1`,
    );
  }
  const { length, tasks } = modelShape(model);
  const count = windows.length;
  const ref = new Float64Array(count * tasks);
  const alt = new Float64Array(count * tasks);
  const strands = reverseComplement ? 2 : 1;
  const size = length * 4;
  const buffer = new Float32Array(Math.min(batchSize, Math.max(count, 1)) * 2 * strands * size);
  for (let start = 0; start < count; start += batchSize) {
    const n = Math.min(batchSize, count - start);
    // Rows: ref windows, alt windows, then (with RC) their reverse complements.
    for (let k = 0; k < n; k++) {
      const pair = windows[start + k];
      for (const [which, seq] of [pair.refWindow, pair.altWindow].entries()) {
        if (seq.length !== length) {
          const name = which === 0 ? 'refWindow' : 'altWindow';
          throw new VariantEffectInputError(
            `scoreVariantWindows: window ${start + k} ${name} has length ${seq.length}, not the model's input length ${length}`,
          );
        }
        oneHotEncode(seq, buffer, (which * n + k) * size);
      }
    }
    if (reverseComplement) {
      // With channels in A, C, G, T order, reversing a row's flat [length × 4] values reverses
      // the positions and swaps A↔T, C↔G at once: the one-hot of the reverse complement.
      for (let row = 0; row < 2 * n; row++) {
        const from = row * size;
        const to = (2 * n + row) * size;
        for (let i = 0; i < size; i++) buffer[to + i] = buffer[from + size - 1 - i];
      }
    }
    const rows = 2 * n * strands;
    const { values } = predictOutputs(
      model,
      { x: buffer.subarray(0, rows * size), count: rows, length, alphabetSize: 4 },
      undefined,
      rows,
    );
    for (let k = 0; k < n; k++) {
      for (let t = 0; t < tasks; t++) {
        const at = (start + k) * tasks + t;
        const r = values[k * tasks + t];
        const a = values[(n + k) * tasks + t];
        if (reverseComplement) {
          ref[at] = (r + values[(2 * n + k) * tasks + t]) / 2;
          alt[at] = (a + values[(3 * n + k) * tasks + t]) / 2;
        } else {
          ref[at] = r;
          alt[at] = a;
        }
      }
    }
  }
  const diff = new Float64Array(count * tasks);
  const absDiff = new Float64Array(count * tasks);
  const logOddsChange = new Float64Array(count * tasks);
  for (let i = 0; i < count * tasks; i++) {
    diff[i] = alt[i] - ref[i];
    absDiff[i] = Math.abs(diff[i]);
    logOddsChange[i] = clippedLogit(alt[i]) - clippedLogit(ref[i]);
  }
  return { count, tasks, ref, alt, diff, absDiff, logOddsChange };
}
