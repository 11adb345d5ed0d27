/**
 * Variant-effect scores from a sequence model: predict the reference and alternate windows of
 * each variant and compare, per model output (task). The scheme of DeepSEA's variant scores
 * (Zhou & Troyanskaya, Nat. Methods 2015): diff = alt − ref, and the change in log odds
 * logit(alt) − logit(ref), optionally averaged over both strands.
 */
import { oneHotEncode } from '@strand/genomics';
import type { Predictor } from '../inference/predictor.ts';
import { PREDICT_BATCH_SIZE } from '../training/predict.ts';
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

function predictorShape(predictor: Predictor): { length: number; tasks: number } {
  const [length, channels] = predictor.inputShape;
  if (predictor.inputShape.length !== 2 || channels !== 4 || length === undefined) {
    throw new VariantEffectInputError(
      `scoreVariantWindows: the model's input [batch, ${predictor.inputShape.join(', ')}] is not one one-hot sequence [batch, length, 4]`,
    );
  }
  return { length, tasks: predictor.outputWidth };
}

/**
 * Scores variants by their ref and alt windows (each exactly the model's input length), per
 * task, with `predictor` (inference/predictor.ts: ONNX Runtime or TF.js). Batches are encoded
 * into two reused buffers in turn: while one batch is predicted (on ONNX Runtime's thread), the
 * next is encoded on this one. Deterministic: the same windows, model and engine give the same
 * numbers.
 * @example const s = await scoreVariantWindows(predictor, [{ refWindow, altWindow }]); s.diff[0]
 */
export async function scoreVariantWindows(
  predictor: Predictor,
  windows: readonly WindowPair[],
  options: ScoreVariantWindowsOptions = {},
): Promise<VariantEffectScores> {
  const { reverseComplement = false, batchSize = PREDICT_BATCH_SIZE } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new VariantEffectInputError(
      `scoreVariantWindows: batchSize ${batchSize} is not an integer ≥ 1`,
    );
  }
  const { length, tasks } = predictorShape(predictor);
  const count = windows.length;
  const ref = new Float64Array(count * tasks);
  const alt = new Float64Array(count * tasks);
  const strands = reverseComplement ? 2 : 1;
  const size = length * 4;
  const rowsPerBatch = Math.min(batchSize, Math.max(count, 1)) * 2 * strands;
  const buffers = [new Float32Array(rowsPerBatch * size), new Float32Array(rowsPerBatch * size)];
  const collect = (values: Float32Array, start: number, n: number) => {
    for (let k = 0; k < n; k++) {
      for (let t = 0; t < tasks; t++) {
        const at = (start + k) * tasks + t;
        const r = values[k * tasks + t] as number;
        const a = values[(n + k) * tasks + t] as number;
        ref[at] = reverseComplement ? (r + (values[(2 * n + k) * tasks + t] as number)) / 2 : r;
        alt[at] = reverseComplement ? (a + (values[(3 * n + k) * tasks + t] as number)) / 2 : a;
      }
    }
  };
  let inflight: Promise<void> = Promise.resolve();
  for (let start = 0, b = 0; start < count; start += batchSize, b++) {
    const n = Math.min(batchSize, count - start);
    const buffer = buffers[b % 2] as Float32Array; // its last batch finished before b − 1 began
    encodeBatch(windows, start, n, length, reverseComplement, buffer);
    await inflight;
    const rows = 2 * n * strands;
    inflight = predictor.predict(buffer, rows).then((values) => collect(values, start, n));
  }
  await inflight;
  return { count, tasks, ref, alt, ...differences(ref, alt) };
}

/**
 * Averages scores of consecutive groups of `group` window pairs (one variant's windows at several
 * shifts): ref and alt predictions are averaged per task, then diff, |diff| and the log-odds
 * change are taken of the averages, as the strands are by `reverseComplement`.
 * @example averageVariantScores(await scoreVariantWindows(p, pairsAt5Shifts), 5)
 */
export function averageVariantScores(
  scores: VariantEffectScores,
  group: number,
): VariantEffectScores {
  if (!Number.isInteger(group) || group < 1 || scores.count % group !== 0) {
    throw new VariantEffectInputError(
      `averageVariantScores: ${scores.count} window pairs do not split into groups of ${group}`,
    );
  }
  if (group === 1) return scores;
  const { tasks } = scores;
  const count = scores.count / group;
  const ref = new Float64Array(count * tasks);
  const alt = new Float64Array(count * tasks);
  for (let v = 0; v < count; v++) {
    for (let t = 0; t < tasks; t++) {
      let r = 0;
      let a = 0;
      for (let g = 0; g < group; g++) {
        r += scores.ref[(v * group + g) * tasks + t] as number;
        a += scores.alt[(v * group + g) * tasks + t] as number;
      }
      ref[v * tasks + t] = r / group;
      alt[v * tasks + t] = a / group;
    }
  }
  return { count, tasks, ref, alt, ...differences(ref, alt) };
}

function differences(ref: Float64Array, alt: Float64Array) {
  const diff = new Float64Array(ref.length);
  const absDiff = new Float64Array(ref.length);
  const logOddsChange = new Float64Array(ref.length);
  for (let i = 0; i < ref.length; i++) {
    const d = (alt[i] as number) - (ref[i] as number);
    diff[i] = d;
    absDiff[i] = Math.abs(d);
    logOddsChange[i] = clippedLogit(alt[i] as number) - clippedLogit(ref[i] as number);
  }
  return { diff, absDiff, logOddsChange };
}

/** Rows: the n ref windows, the n alt windows, then (with RC) their reverse complements. */
function encodeBatch(
  windows: readonly WindowPair[],
  start: number,
  n: number,
  length: number,
  reverseComplement: boolean,
  buffer: Float32Array,
): void {
  const size = length * 4;
  for (let k = 0; k < n; k++) {
    const pair = windows[start + k] as WindowPair;
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
      for (let i = 0; i < size; i++) buffer[to + i] = buffer[from + size - 1 - i] as number;
    }
  }
}
