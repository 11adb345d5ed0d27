import { GenomicsError } from '../errors/genomics-error.ts';
import type { Pfm } from '../motifs/pfm.ts';
import { pfmToProbabilities } from '../motifs/pfm.ts';
import { createRng } from '../random/rng.ts';
import type { Rng } from '../random/rng.ts';
import type { PlantedSite } from './planted-motifs.ts';

/** Options of simulateMotifPairs. */
export interface MotifPairOptions {
  count: number;
  length: number;
  /** The two motifs; positives carry `first`, then `second` `spacing` bases after its end. */
  first: Pfm;
  second: Pfm;
  /** Bases between the end of `first` and the start of `second` in positives (≥ 0). */
  spacing: number;
  seed: number;
  /** Share of positives; default 0.5. */
  positiveFraction?: number;
}

/** Sequences, 0/1 labels, and every planted site of each record (+ strand, 0-based). */
export interface MotifPairDataset {
  sequences: string[];
  labels: Uint8Array;
  sites: PlantedSite[][];
}

const BASES = 'ACGT';

function sample(rng: Rng, probabilities: number[][]): string {
  let out = '';
  for (const row of probabilities) {
    let u = rng.next();
    let b = 0;
    while (b < 3 && u >= (row[b] as number)) u -= row[b++] as number;
    out += BASES[b];
  }
  return out;
}

/**
 * A seeded motif-grammar dataset: uniform background; positives carry both motifs, `first` then
 * `second` at exactly `spacing` bases; negatives are thirds of background only, one motif alone,
 * and both motifs at another spacing (at least 3 bases away from `spacing`). A model can only
 * separate the classes by learning both motifs and their spacing, which is what motif discovery
 * and marginalisation are tested on (the cooperative-binding set-up of tangermeme's and gReLU's
 * spacing tutorials).
 */
export function simulateMotifPairs(o: MotifPairOptions): MotifPairDataset {
  const { count, length, first, second, spacing, seed, positiveFraction = 0.5 } = o;
  const fail = (field: string, rule: string, value: unknown): never => {
    throw new GenomicsError('INVALID_OPTIONS', `${field} must be ${rule}, got ${String(value)}`);
  };
  if (!Number.isInteger(count) || count < 1) fail('count', 'an integer ≥ 1', count);
  if (!Number.isInteger(spacing) || spacing < 0) fail('spacing', 'an integer ≥ 0', spacing);
  const a = pfmToProbabilities(first);
  const b = pfmToProbabilities(second);
  const span = a.length + spacing + b.length;
  // Room for the pair and for a decoy spacing at least 3 bases longer.
  if (!Number.isInteger(length) || length < span + 6) {
    fail(
      'length',
      `an integer ≥ ${span + 6} (both motifs, the spacing and room for decoys)`,
      length,
    );
  }
  if (!(positiveFraction >= 0 && positiveFraction <= 1)) {
    fail('positiveFraction', 'in [0, 1]', positiveFraction);
  }
  const rng = createRng(seed);
  const labels = new Uint8Array(count);
  const order = rng.shuffle(Array.from({ length: count }, (_, i) => i));
  const positives = Math.round(count * positiveFraction);
  for (let k = 0; k < positives; k++) labels[order[k] as number] = 1;
  const sequences: string[] = [];
  const sites: PlantedSite[][] = [];
  const maxGap = length - a.length - b.length;
  for (let s = 0; s < count; s++) {
    const bases = Array.from({ length }, () => BASES[rng.int(4)] as string);
    const planted: PlantedSite[] = [];
    const plant = (pfm: Pfm, probabilities: number[][], start: number) => {
      const site = sample(rng, probabilities);
      for (let j = 0; j < site.length; j++) bases[start + j] = site[j] as string;
      planted.push({ motifId: pfm.id, start, strand: '+' });
    };
    const pair = (gap: number) => {
      const start = rng.int(length - (a.length + gap + b.length) + 1);
      plant(first, a, start);
      plant(second, b, start + a.length + gap);
    };
    const kind =
      labels[s] === 1 ? 'pair' : (['background', 'single', 'decoy'] as const)[rng.int(3)];
    if (kind === 'pair') pair(spacing);
    else if (kind === 'single') {
      const [pfm, p] = rng.int(2) === 0 ? [first, a] : [second, b];
      plant(pfm, p, rng.int(length - p.length + 1));
    } else if (kind === 'decoy') {
      let gap: number;
      do gap = rng.int(maxGap + 1);
      while (Math.abs(gap - spacing) < 3);
      pair(gap);
    }
    sequences.push(bases.join(''));
    sites.push(planted);
  }
  return { sequences, labels, sites };
}
