/**
 * The whole marginalisation experiment `strand marginalize` prints and the MARGINALIZE job
 * stores, in one place so the two cannot drift: a motif (JASPAR id / name or a consensus)
 * inserted into seeded dinucleotide-shuffled backgrounds (its effect and spread), optionally a
 * second motif at each of a range of spacings (the spacing preference), and optionally the
 * motif's best match shuffled in the sequences themselves (ablation). Numbers are rounded to 4
 * significant digits, as both surfaces show them. A position scan gives the motif's effect at
 * each of a list of starts.
 */
import type * as tf from '@tensorflow/tfjs';
import { consensus, findMotif, pfmToProbabilities } from '@strand/genomics';
import type { Pfm } from '@strand/genomics';
import { InterpretInputError } from '../interpret-input.error.ts';
import { ablateMotif, marginalize, shuffledBackgrounds, spacingEffects } from './marginalize.ts';
import type { EffectSummary } from './marginalize.ts';

/** A motif to insert: its JASPAR id and name (null for a typed consensus), bases and PWM. */
export interface MotifToInsert {
  id: string | null;
  name: string | null;
  consensus: string;
  /** Rows A, C, G, T per position (a consensus: 0/1 rows). */
  pwm: number[][];
}

/**
 * A motif named by a JASPAR id or name of `database`, or typed as a consensus of A, C, G, T;
 * null when it is neither (the caller says where it was given).
 */
export function motifToInsert(value: string, database: readonly Pfm[]): MotifToInsert | null {
  const pfm = findMotif(value, database);
  if (pfm) {
    return { id: pfm.id, name: pfm.name, consensus: consensus(pfm), pwm: pfmToProbabilities(pfm) };
  }
  if (/^[ACGT]+$/i.test(value)) {
    const seq = value.toUpperCase();
    const pwm = [...seq].map((b) => [0, 1, 2, 3].map((i) => ('ACGT'[i] === b ? 1 : 0)));
    return { id: null, name: null, consensus: seq, pwm };
  }
  return null;
}

export interface MarginalizeMotifsOptions {
  motif: MotifToInsert;
  /** 0-based start of the motif; default centred. */
  position?: number | null;
  /** Also the motif alone at each of these starts (effect by position). */
  positions?: readonly number[];
  /** A second motif inserted after the first at each of `spacings` (bases between them). */
  second?: MotifToInsert | null;
  spacings?: readonly number[];
  /** Also shuffle the motif's best PWM match in the sequences themselves. */
  ablate?: boolean;
  /** Dinucleotide-shuffled backgrounds made from the sequences, taken in turn. */
  backgrounds: number;
  /** The model output; effects are on its logit. */
  task?: number;
  seed?: number;
  /** After each measurement (the motif alone, each spacing, the ablation): done of total. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between measurements; true stops with an error. */
  aborted?: () => boolean;
}

export interface MarginalizeReport {
  target: 'logit';
  motif: { id: string | null; name: string | null; consensus: string; position: number };
  backgrounds: number;
  /** Mean output on the backgrounds, and with the motif inserted. */
  before: number;
  after: number;
  effect: ReportedEffect;
  /** The motif alone at each scanned start. */
  positions?: { position: number; effect: ReportedEffect }[];
  second?: { id: string | null; name: string | null; consensus: string };
  spacings?: { spacing: number; effect: ReportedEffect }[];
  /** The spacing of the largest mean effect. */
  bestSpacing?: number | null;
  ablation?: { ablated: number; drop: ReportedEffect };
}

/** An effect summary as reported: 4 significant digits; null statistics when n is 0. */
export interface ReportedEffect {
  n: number;
  mean: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
}

const r4 = (x: number) => Number(x.toPrecision(4));
const rounded = (e: EffectSummary): ReportedEffect =>
  e.n === 0
    ? { n: 0, mean: null, sd: null, min: null, max: null }
    : { n: e.n, mean: r4(e.mean), sd: r4(e.sd), min: r4(e.min), max: r4(e.max) };

const WHAT = 'marginalize';

/** Runs the experiment on `sequences` (see the file comment). */
export function marginalizeMotifs(
  model: tf.LayersModel,
  sequences: readonly string[],
  options: MarginalizeMotifsOptions,
): MarginalizeReport {
  const { motif, second = null, ablate = false, task = 0, seed = 1 } = options;
  const spacings = second ? (options.spacings ?? []) : [];
  if (sequences.length === 0) throw new InterpretInputError(`${WHAT}: no sequences`);
  if (!Number.isInteger(options.backgrounds) || options.backgrounds < 1) {
    throw new InterpretInputError(`${WHAT}: backgrounds ${options.backgrounds} is not ≥ 1`);
  }
  if (second && spacings.length === 0) {
    throw new InterpretInputError(`${WHAT}: a second motif needs at least one spacing`);
  }
  const length = (sequences[0] as string).length;
  const position = options.position ?? Math.floor((length - motif.consensus.length) / 2);
  const scan = options.positions ?? [];
  const total = 1 + scan.length + spacings.length + (ablate ? 1 : 0);
  let done = 0;
  const step = () => {
    options.onProgress?.(++done, total);
    if (done < total && options.aborted?.()) throw new InterpretInputError(`${WHAT}: aborted`);
  };
  if (options.aborted?.()) throw new InterpretInputError(`${WHAT}: aborted`);
  const backgrounds = shuffledBackgrounds(sequences, options.backgrounds, seed);
  const single = marginalize(model, backgrounds, [{ motif: motif.consensus, position }], { task });
  step();
  const byPosition = scan.map((at) => {
    const { effect } = marginalize(model, backgrounds, [{ motif: motif.consensus, position: at }], {
      task,
    });
    step();
    return { position: at, effect: rounded(effect) };
  });
  let spacing: { spacing: number; effect: EffectSummary }[] | null = null;
  if (second) {
    spacing = [];
    for (const s of spacings) {
      spacing.push(
        ...spacingEffects(model, backgrounds, motif.consensus, second.consensus, [s], { task }),
      );
      step();
    }
  }
  const best = spacing?.reduce((a, b) => (b.effect.mean > a.effect.mean ? b : a));
  const ablation = ablate ? ablateMotif(model, sequences, motif.pwm, { task, seed }) : null;
  if (ablate) step();
  return {
    target: 'logit',
    motif: { id: motif.id, name: motif.name, consensus: motif.consensus, position },
    backgrounds: backgrounds.length,
    before: r4(single.before),
    after: r4(single.after),
    effect: rounded(single.effect),
    ...(scan.length > 0 ? { positions: byPosition } : {}),
    ...(spacing && second
      ? {
          second: { id: second.id, name: second.name, consensus: second.consensus },
          spacings: spacing.map((s) => ({ spacing: s.spacing, effect: rounded(s.effect) })),
          bestSpacing: best?.spacing ?? null,
        }
      : {}),
    ...(ablation ? { ablation: { ablated: ablation.ablated, drop: rounded(ablation.drop) } } : {}),
  };
}
