/**
 * In-silico marginalisation, spacing and ablation, after tangermeme's `marginalize` and
 * `ablate` and gReLU's motif-spacing experiments: a motif's effect is what inserting it does to
 * the model's output on backgrounds that keep the sequences' dinucleotide content (seeded
 * dinucleotide shuffles) but lose their motifs — the mean over backgrounds and its spread. Two
 * motifs inserted at a range of spacings give the model's spacing preference; shuffling the
 * best match of a motif in real sequences (ablation) gives the drop it causes.
 */
import type * as tf from '@tensorflow/tfjs';
import {
  createRng,
  dinucleotideShuffle,
  oneHotEncodeBatch,
  reverseComplement,
} from '@strand/genomics';
import { predictOutputs } from '../../training/predict.ts';
import { clippedLogit } from '../../variant-effect/log-odds.ts';
import { InterpretInputError } from '../interpret-input.error.ts';

/** Mean, standard deviation and range of per-sequence effects. */
export interface EffectSummary {
  n: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
}

export function summarise(values: ArrayLike<number>): EffectSummary {
  const n = values.length;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const mean = n ? sum / n : 0;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((values[i] as number) - mean) ** 2;
  return { n, mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0, min, max };
}

/** `count` seeded dinucleotide shuffles of the sequences, taken in turn. */
export function shuffledBackgrounds(
  sequences: readonly string[],
  count: number,
  seed = 1,
): string[] {
  if (sequences.length === 0) throw new InterpretInputError('marginalize: no sequences to shuffle');
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) =>
    dinucleotideShuffle((sequences[i % sequences.length] as string).toUpperCase(), rng),
  );
}

/** One motif instance to insert: its bases and the 0-based start. */
export interface Insert {
  motif: string;
  position: number;
}

function insert(background: string, inserts: readonly Insert[]): string {
  let out = background;
  for (const { motif, position } of inserts) {
    if (!Number.isInteger(position) || position < 0 || position + motif.length > out.length) {
      throw new InterpretInputError(
        `marginalize: a motif of ${motif.length} bases at ${position} does not fit in ${out.length}`,
      );
    }
    out = out.slice(0, position) + motif.toUpperCase() + out.slice(position + motif.length);
  }
  return out;
}

/** Which output a marginalisation reads: column `task`, as given or as its logit. */
export interface OutputChoice {
  task?: number;
  /**
   * Read the logit of a probability output (default true): effects near saturation stay
   * visible (0.97 vs 0.99 is a logit step of 1.1), as tangermeme reads pre-sigmoid outputs.
   */
  logit?: boolean;
}

/** The model's output column `task` for each sequence (inference mode, in batches). */
export function predictTask(
  model: tf.LayersModel,
  sequences: readonly string[],
  { task = 0, logit = true }: OutputChoice = {},
): Float32Array {
  const length = sequences[0]?.length ?? 0;
  const { values, width } = predictOutputs(model, {
    x: oneHotEncodeBatch(sequences, length),
    count: sequences.length,
    length,
    alphabetSize: 4,
  });
  if (!Number.isInteger(task) || task < 0 || task >= width) {
    throw new InterpretInputError(`marginalize: task ${task} is not one of the ${width} outputs`);
  }
  return Float32Array.from({ length: sequences.length }, (_, i) => {
    const v = values[i * width + task] as number;
    return logit ? clippedLogit(v) : v;
  });
}

export interface MarginalEffect {
  /** Mean output on the backgrounds, and with the motifs inserted. */
  before: number;
  after: number;
  /** Per background: output with the inserts − output without. */
  effect: EffectSummary;
}

/** The effect of inserting `inserts` into every background (see the file comment). */
export function marginalize(
  model: tf.LayersModel,
  backgrounds: readonly string[],
  inserts: readonly Insert[],
  output: OutputChoice = {},
): MarginalEffect {
  const before = predictTask(model, backgrounds, output);
  const after = predictTask(
    model,
    backgrounds.map((b) => insert(b, inserts)),
    output,
  );
  const effect = after.map((a, i) => a - (before[i] as number));
  return {
    before: summarise(before).mean,
    after: summarise(after).mean,
    effect: summarise(effect),
  };
}

/**
 * Two motifs at each spacing (bases between the end of `first` and the start of `second`), the
 * pair centred in the backgrounds: the effect per spacing.
 */
export function spacingEffects(
  model: tf.LayersModel,
  backgrounds: readonly string[],
  first: string,
  second: string,
  spacings: readonly number[],
  output: OutputChoice = {},
): { spacing: number; effect: EffectSummary }[] {
  const length = backgrounds[0]?.length ?? 0;
  return spacings.map((spacing) => {
    const span = first.length + spacing + second.length;
    const start = Math.floor((length - span) / 2);
    const { effect } = marginalize(
      model,
      backgrounds,
      [
        { motif: first, position: start },
        { motif: second, position: start + first.length + spacing },
      ],
      output,
    );
    return { spacing, effect };
  });
}

/** Log-odds of a PWM (rows A, C, G, T) against a uniform background, pseudocount 0.01. */
function logOdds(pwm: readonly (readonly number[])[]): number[][] {
  return pwm.map((row) => row.map((p) => Math.log2((p + 0.01) / (1 + 0.04) / 0.25)));
}

function bestSite(seq: string, odds: number[][]): { start: number; score: number } {
  const w = odds.length;
  const rcOdds = odds.map((row) => [...row].reverse()).reverse();
  let best = { start: -1, score: -Infinity };
  for (let s = 0; s + w <= seq.length; s++) {
    for (const m of [odds, rcOdds]) {
      let score = 0;
      for (let j = 0; j < w; j++) {
        const b = 'ACGT'.indexOf(seq[s + j] as string);
        score += b < 0 ? 0 : ((m[j] as number[])[b] as number);
      }
      if (score > best.score) best = { start: s, score };
    }
  }
  return best;
}

export interface AblationResult {
  /** Sequences whose best match scored at least `minScore` × the PWM's best score. */
  ablated: number;
  /** Per ablated sequence: output − output with the match shuffled (positive: the motif helped). */
  drop: EffectSummary;
}

/**
 * Shuffles (dinucleotide, seeded) the best match of a PWM in each sequence where it scores at
 * least `minScore` × its maximum log-odds, on either strand, and reports the drop in output.
 */
export function ablateMotif(
  model: tf.LayersModel,
  sequences: readonly string[],
  pwm: readonly (readonly number[])[],
  options: OutputChoice & { minScore?: number; seed?: number } = {},
): AblationResult {
  const { minScore = 0.7, seed = 1 } = options;
  const odds = logOdds(pwm);
  const top = odds.reduce((a, row) => a + Math.max(...row), 0);
  const rng = createRng(seed);
  const kept: string[] = [];
  const ablated: string[] = [];
  for (const raw of sequences) {
    const seq = raw.toUpperCase();
    const site = bestSite(seq, odds);
    if (site.start < 0 || site.score < minScore * top) continue;
    const w = pwm.length;
    const window = seq.slice(site.start, site.start + w);
    // A shuffle may give the motif back (short, low-complexity windows): at most 10 tries.
    let shuffled = window;
    for (
      let k = 0;
      k < 10 && (shuffled === window || shuffled === reverseComplement(window));
      k++
    ) {
      shuffled = dinucleotideShuffle(window, rng);
    }
    kept.push(seq);
    ablated.push(seq.slice(0, site.start) + shuffled + seq.slice(site.start + w));
  }
  if (kept.length === 0) return { ablated: 0, drop: summarise([]) };
  const before = predictTask(model, kept, options);
  const after = predictTask(model, ablated, options);
  return { ablated: kept.length, drop: summarise(before.map((b, i) => b - (after[i] as number))) };
}
