// The variant-score track of the genome view, as pure functions: which scores a genome browser's
// window asks the API for, and the bars it draws from them. igv.js windows are 0-based and
// half-open; VCF positions (and the API's start/end filter) are 1-based and inclusive.

/** The fields of a variant score the track reads. */
export interface TrackScore {
  chrom: string;
  pos: number;
  ref: string;
  diff: number;
  absDiff: number;
}

/** One bar of an igv.js `wig` track. */
export interface WigFeature {
  chr: string;
  start: number;
  end: number;
  value: number;
}

/** The variantScores filter of an igv window `[start, end)` on `chr`, for one model task. */
export function windowFilter(
  chr: string,
  start: number,
  end: number,
  task: string | null,
): { chrom: string; start: number; end: number; task?: string } {
  if (!(Number.isFinite(start) && Number.isFinite(end) && end > start)) {
    throw new RangeError(`genome window ${chr}:${start}-${end} is empty or not a number`);
  }
  return {
    chrom: chr,
    start: Math.max(1, Math.floor(start) + 1),
    end: Math.max(1, Math.ceil(end)),
    ...(task ? { task } : {}),
  };
}

/**
 * The bars of a window's scores: one per position, the signed effect (alt − ref prediction) of
 * the allele with the largest |effect| there, spanning the REF allele (a deletion's bar covers
 * the bases it removes). Named `chr` as the browser names the chromosome (the VCF may spell it
 * `17` where the reference says `chr17`). Sorted by start, as igv.js expects.
 */
export function scoreFeatures(scores: readonly TrackScore[], chr: string): WigFeature[] {
  const byPosition = new Map<number, TrackScore>();
  for (const s of scores) {
    const held = byPosition.get(s.pos);
    if (!held || s.absDiff > held.absDiff) byPosition.set(s.pos, s);
  }
  return [...byPosition.values()]
    .map((s) => ({
      chr,
      start: s.pos - 1,
      end: s.pos - 1 + Math.max(1, s.ref.length),
      value: s.diff,
    }))
    .sort((a, b) => a.start - b.start);
}

/** The igv locus centred on a variant, `flank` bases either side (clipped at position 1). */
export function variantLocus(chrom: string, pos: number, flank = 40): string {
  return `${chrom}:${Math.max(1, pos - flank)}-${pos + flank}`;
}

/** What the track shows of a window: every score, or the largest `shown` of `total`. */
export function windowNote(shown: number, total: number): string {
  if (total === 0) return 'no scored variant in the loaded window';
  if (shown >= total)
    return `${total} scored ${total === 1 ? 'allele' : 'alleles'} in the loaded window`;
  return `the ${shown} largest |effect| of ${total} scored alleles in the loaded window: zoom in for the rest`;
}
