import type { Candidate } from './candidates.ts';
import type { ReadView, RefWindow } from './read-view.ts';
import { DELETED, readSupports } from './read-view.ts';

/** Size of a pileup image: `width` columns centred on the candidate × `rows` (reference + reads). */
export interface PileupShape {
  /** Odd number of reference positions; default 21. */
  width: number;
  /** The reference row plus up to rows − 1 reads; default 40. */
  rows: number;
}

export const DEFAULT_PILEUP_SHAPE: Readonly<PileupShape> = Object.freeze({ width: 21, rows: 40 });

/**
 * Channels of each cell, as DeepVariant's (Poplin et al. 2018): base, base quality, mapping
 * quality, strand, read supports the candidate allele, base differs from the reference.
 */
export const PILEUP_CHANNELS = [
  'base',
  'base_quality',
  'mapping_quality',
  'strand',
  'supports_alt',
  'differs_from_ref',
] as const;

const C = PILEUP_CHANNELS.length;
// Distinct intensities per base as DeepVariant draws them; deletions and insertions get their own.
const BASE_VALUE: Record<number, number> = { 65: 1, 67: 0.75, 71: 0.5, 84: 0.25, 78: 0.1 };
const DELETION_VALUE = 0.05;
const INSERTION_VALUE = 0.9;

/**
 * The pileup image of one candidate as [width, rows, channels] row-major (the layout the
 * `pileup` architecture reads as [width, rows × channels]): row 0 is the reference, then the
 * reads covering the candidate — those carrying it first — sorted by start; deeper piles keep an
 * evenly spaced subset.
 */
export function pileupTensor(
  candidate: Candidate,
  views: readonly ReadView[],
  ref: RefWindow,
  shape: PileupShape = DEFAULT_PILEUP_SHAPE,
  out: Float32Array = new Float32Array(shape.width * shape.rows * C),
): Float32Array {
  out.fill(0);
  const half = (shape.width - 1) / 2;
  const first = candidate.pos0 - half;
  const cell = (col: number, row: number) => (col * shape.rows + row) * C;
  for (let col = 0; col < shape.width; col++) {
    const base = ref.at(first + col);
    const at = cell(col, 0);
    out[at] = BASE_VALUE[base.charCodeAt(0)] ?? 0.1;
    out[at + 1] = 1;
    out[at + 2] = 1;
    out[at + 3] = 1;
  }
  // Reads carrying the candidate first, then the others (each group by start), as DeepVariant
  // groups reads by haplotype: the 3×3 convolutions and 2×2 max pools of the `pileup` CNN cannot
  // count alt reads scattered among the rows (a max pool keeps one of two), but they can see how
  // far a block of supporting rows reaches.
  const covering = views.filter(
    (v) => v.read.start0 <= candidate.pos0 && v.read.end0 > candidate.pos0,
  );
  const supporting = covering.map((v) => readSupports(v, candidate));
  const ordered = [
    ...covering.filter((_, i) => supporting[i]),
    ...covering.filter((_, i) => !supporting[i]),
  ];
  const slots = shape.rows - 1;
  const chosen =
    ordered.length <= slots
      ? ordered
      : Array.from({ length: slots }, (_, i) => ordered[Math.floor((i * ordered.length) / slots)]);
  chosen.forEach((view, i) => {
    const row = i + 1;
    const supports = readSupports(view, candidate) ? 1 : 0.5;
    const mq = Math.min(view.read.mapq, 60) / 60;
    const strand = view.reverse ? 0.5 : 1;
    const inserted = new Set(view.insertionsAfter);
    for (let col = 0; col < shape.width; col++) {
      const pos = first + col;
      const k = pos - view.read.start0;
      if (k < 0 || k >= view.bases.length || view.bases[k] === 0) continue;
      const code = view.bases[k];
      const at = cell(col, row);
      const insertion = inserted.has(pos);
      out[at] = insertion
        ? INSERTION_VALUE
        : code === DELETED
          ? DELETION_VALUE
          : (BASE_VALUE[code] ?? 0.1);
      out[at + 1] = code === DELETED ? 1 : Math.min(view.quals[k], 40) / 40;
      out[at + 2] = mq;
      out[at + 3] = strand;
      out[at + 4] = supports;
      out[at + 5] = insertion || code !== ref.at(pos).charCodeAt(0) ? 1 : 0;
    }
  });
  return out;
}
