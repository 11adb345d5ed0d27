/**
 * Model-guided sequence design, after gReLU's `design` (greedy / beam "ledidi-free" edits and
 * directed evolution): single-base substitutions that raise (or lower) one model output's logit,
 * under constraints — at most `maxEdits` positions differ from the start sequence, `fixed`
 * positions never change, and the GC fraction stays in `gc`. Every step scores all its
 * candidates in one batched prediction; the trajectory lists the best sequence after each step.
 *   - greedy: beam search of width 1;
 *   - beam: keep the `beamWidth` best distinct sequences per step, each expanded by every
 *     allowed substitution;
 *   - evolution: a population mutated one random allowed base per child per generation, the
 *     best `population` of parents and children kept (elitist; seeded).
 */
import type * as tf from '@tensorflow/tfjs';
import { createRng } from '@strand/genomics';
import { InterpretInputError } from '../interpret-input.error.ts';
import { predictTask } from '../marginalize/marginalize.ts';

export type DesignMethod = 'greedy' | 'beam' | 'evolution';

export interface DesignOptions {
  method?: DesignMethod;
  /** Raise (default) or lower the output. */
  direction?: 'up' | 'down';
  task?: number;
  /** Positions that may differ from the start, at most; default 10. */
  maxEdits?: number;
  /** 0-based positions never edited. */
  fixed?: readonly number[];
  /** Allowed GC fraction [min, max]; default [0, 1]. */
  gc?: readonly [number, number];
  beamWidth?: number;
  /** Evolution: population size (default 20) and generations (default maxEdits × 5). */
  population?: number;
  generations?: number;
  seed?: number;
  /** After each step: steps done of at most `total` (maxEdits, or generations). */
  onProgress?: (done: number, total: number) => void;
  /** Checked before each step; true stops with an error. */
  aborted?: () => boolean;
}

export interface DesignStep {
  step: number;
  /** The explained value: the output's logit. */
  score: number;
  sequence: string;
  /** Positions (0-based) where it differs from the start, with the start and new bases. */
  edits: { position: number; from: string; to: string }[];
}

export interface DesignResult {
  method: DesignMethod;
  start: { sequence: string; score: number };
  best: DesignStep;
  trajectory: DesignStep[];
}

const WHAT = 'designSequence';
const BASES = 'ACGT';

function gcOf(seq: string): number {
  let gc = 0;
  for (const c of seq) if (c === 'G' || c === 'C') gc++;
  return gc / seq.length;
}

function editsOf(start: string, seq: string): DesignStep['edits'] {
  const out: DesignStep['edits'] = [];
  for (let p = 0; p < seq.length; p++) {
    if (seq[p] !== start[p])
      out.push({ position: p, from: start[p] as string, to: seq[p] as string });
  }
  return out;
}

/** Designs a sequence from `start` (see the file comment). */
export function designSequence(
  model: tf.LayersModel,
  start: string,
  options: DesignOptions = {},
): DesignResult {
  const {
    method = 'greedy',
    direction = 'up',
    task = 0,
    maxEdits = 10,
    gc = [0, 1],
    beamWidth = 4,
    population = 20,
    seed = 1,
  } = options;
  const generations = options.generations ?? maxEdits * 5;
  if (!['greedy', 'beam', 'evolution'].includes(method)) {
    throw new InterpretInputError(`${WHAT}: method "${method}" is not greedy, beam or evolution`);
  }
  if (!Number.isInteger(maxEdits) || maxEdits < 1) {
    throw new InterpretInputError(`${WHAT}: maxEdits ${maxEdits} is not an integer ≥ 1`);
  }
  if (!(gc[0] >= 0 && gc[1] <= 1 && gc[0] <= gc[1])) {
    throw new InterpretInputError(`${WHAT}: gc [${gc.join(', ')}] is not a range within [0, 1]`);
  }
  const seq0 = start.toUpperCase();
  if (!/^[ACGT]+$/.test(seq0)) {
    throw new InterpretInputError(`${WHAT}: the start sequence holds bases other than A, C, G, T`);
  }
  const fixed = new Set(options.fixed ?? []);
  for (const p of fixed) {
    if (!Number.isInteger(p) || p < 0 || p >= seq0.length) {
      throw new InterpretInputError(`${WHAT}: fixed position ${p} is outside 0–${seq0.length - 1}`);
    }
  }
  const sign = direction === 'down' ? -1 : 1;
  const score = (seqs: string[]) => predictTask(model, seqs, { task });
  const allowed = (seq: string) => {
    const g = gcOf(seq);
    return g >= gc[0] - 1e-9 && g <= gc[1] + 1e-9 && editsOf(seq0, seq).length <= maxEdits;
  };
  /** Every allowed single substitution of `seq`. */
  const neighbours = (seq: string): string[] => {
    const out: string[] = [];
    for (let p = 0; p < seq.length; p++) {
      if (fixed.has(p)) continue;
      for (const b of BASES) {
        if (b === seq[p]) continue;
        const next = seq.slice(0, p) + b + seq.slice(p + 1);
        if (allowed(next)) out.push(next);
      }
    }
    return out;
  };
  const startScore = score([seq0])[0] as number;
  const step = (n: number, sequence: string, value: number): DesignStep => ({
    step: n,
    score: value,
    sequence,
    edits: editsOf(seq0, sequence),
  });
  const trajectory: DesignStep[] = [step(0, seq0, startScore)];
  const beforeStep = (n: number, total: number) => {
    if (n > 1) options.onProgress?.(n - 1, total);
    if (options.aborted?.()) throw new InterpretInputError(`${WHAT}: aborted`);
  };
  let best = trajectory[0] as DesignStep;
  if (method === 'evolution') {
    const rng = createRng(seed);
    let pool = [{ seq: seq0, value: startScore }];
    for (let g = 1; g <= generations; g++) {
      beforeStep(g, generations);
      const children: string[] = [];
      for (let k = 0; k < population; k++) {
        const parent = pool[k % pool.length] as { seq: string };
        // A random allowed substitution; a few tries before giving the parent back.
        for (let t = 0; t < 20; t++) {
          const p = rng.int(parent.seq.length);
          if (fixed.has(p)) continue;
          const b = BASES[rng.int(4)] as string;
          if (b === parent.seq[p]) continue;
          const child = parent.seq.slice(0, p) + b + parent.seq.slice(p + 1);
          if (allowed(child)) {
            children.push(child);
            break;
          }
        }
      }
      if (children.length === 0) break;
      const values = score(children);
      const seen = new Set(pool.map((m) => m.seq));
      const next = [...pool];
      children.forEach((seq, i) => {
        if (seen.has(seq)) return;
        seen.add(seq);
        next.push({ seq, value: values[i] as number });
      });
      pool = next.sort((a, b) => sign * (b.value - a.value)).slice(0, population);
      const top = pool[0] as { seq: string; value: number };
      trajectory.push(step(g, top.seq, top.value));
      if (sign * (top.value - best.score) > 0)
        best = trajectory[trajectory.length - 1] as DesignStep;
    }
    return { method, start: { sequence: seq0, score: startScore }, best, trajectory };
  }
  const width = method === 'greedy' ? 1 : beamWidth;
  let beam = [{ seq: seq0, value: startScore }];
  for (let n = 1; n <= maxEdits; n++) {
    beforeStep(n, maxEdits);
    const candidates = [...new Set(beam.flatMap((b) => neighbours(b.seq)))];
    if (candidates.length === 0) break;
    const values = score(candidates);
    const ranked = candidates
      .map((seq, i) => ({ seq, value: values[i] as number }))
      .sort((a, b) => sign * (b.value - a.value));
    const top = ranked[0] as { seq: string; value: number };
    // Stop when no edit improves on the best so far.
    if (!(sign * (top.value - best.score) > 0)) break;
    beam = ranked.slice(0, width);
    trajectory.push(step(n, top.seq, top.value));
    best = trajectory[trajectory.length - 1] as DesignStep;
  }
  return { method, start: { sequence: seq0, score: startScore }, best, trajectory };
}
