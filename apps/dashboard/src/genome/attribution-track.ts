// The attribution track of the genome view, as pure functions: an explanation's sequences that
// lie on the reference (regions, records of an intervals dataset) become one igv.js `wig`
// feature per reference base, drawn as igv's "dynseq" (the reference letter scaled by the value,
// upside down when negative). Explanation coordinates are 1-based and inclusive; igv's are
// 0-based and half-open. On a '-' sequence its position 1 is the base at `end`.
import type { WigFeature } from './score-track.ts';

/** The fields of an explained sequence the track reads. */
export interface PlacedSequence {
  id: string;
  chrom?: string | null;
  start?: number | null;
  end?: number | null;
  strand?: string | null;
  scores: readonly (readonly number[])[];
  positionScores: readonly number[];
}

/** Where an explained sequence lies on the reference. */
export interface Place {
  chrom: string;
  start: number;
  end: number;
}

/** Whether an explained sequence lies on the reference. */
export const isPlaced = <T extends PlacedSequence>(s: T): s is T & Place =>
  typeof s.chrom === 'string' && typeof s.start === 'number' && typeof s.end === 'number';

/**
 * A position's signed attribution to the base present (the reference base; its complement on a
 * '-' sequence), by how the method summarises a position:
 *  - 'sum' (gradient × input, IG, DeepLIFT, DeepSHAP): only the base present is non-zero, the
 *    position score is its attribution;
 *  - 'max |effect|' (ISM): the base present scores 0 and each substitution its effect, so the
 *    base's attribution is minus the mean effect of the three substitutions (positive: changing
 *    the base lowers the prediction);
 *  - 'max' (saliency): the largest |gradient|, unsigned.
 */
export function baseAttribution(summary: string, row: readonly number[], score: number): number {
  if (summary === 'max |effect|') return -(row.reduce((a, b) => a + b, 0) / 3);
  return score;
}

/** igv's locus of a placed sequence (1-based, inclusive, as igv's search box takes it). */
export function sequenceLocus(s: Place): string {
  return `${s.chrom}:${s.start}-${s.end}`;
}

/**
 * One feature per reference base covered by a placed sequence, sorted; where sequences overlap,
 * the mean of their values (igv would draw them over each other).
 */
export function attributionFeatures(
  summary: string,
  sequences: readonly PlacedSequence[],
): WigFeature[] {
  const sums = new Map<string, Map<number, { sum: number; n: number }>>();
  for (const s of sequences) {
    if (!isPlaced(s)) continue;
    const length = s.end - s.start + 1;
    if (length !== s.scores.length) continue; // not this explanation's sequence
    let byPos = sums.get(s.chrom);
    if (!byPos) sums.set(s.chrom, (byPos = new Map()));
    for (let i = 0; i < length; i++) {
      const value = baseAttribution(summary, s.scores[i] ?? [], s.positionScores[i] ?? 0);
      if (!Number.isFinite(value)) continue;
      // 0-based reference position of sequence position i.
      const at = s.strand === '-' ? s.end - 1 - i : s.start - 1 + i;
      const cell = byPos.get(at) ?? { sum: 0, n: 0 };
      cell.sum += value;
      cell.n += 1;
      byPos.set(at, cell);
    }
  }
  const features: WigFeature[] = [];
  for (const [chr, byPos] of sums) {
    for (const [at, { sum, n }] of byPos) {
      features.push({ chr, start: at, end: at + 1, value: sum / n });
    }
  }
  return features.sort((a, b) => (a.chr < b.chr ? -1 : a.chr > b.chr ? 1 : a.start - b.start));
}

/** The features of `all` (sorted by attributionFeatures) overlapping igv's window [start, end). */
export function featuresIn(
  all: readonly WigFeature[],
  chr: string,
  start: number,
  end: number,
): WigFeature[] {
  return all.filter((f) => f.chr === chr && f.end > start && f.start < end);
}
