// GC-matched background regions. Map: `gcFraction`; `PositiveSet` (overlap test by binary
// search over start-sorted intervals with a running maximum end); `gcMatchedBackground`.
import { GenomicsError } from '../errors/genomics-error.ts';
import type { FastaIndex } from '../formats/fasta/fasta-index.ts';
import { createRng } from '../random/rng.ts';

/** A region, 0-based half-open. */
export interface GenomicRegion {
  chrom: string;
  start: number;
  end: number;
}

/** Options of {@link gcMatchedBackground}. */
export interface GcBackgroundOptions {
  seed: number;
  /** Largest allowed |GC(background) − GC(positive)|, as a fraction. Default 0.02. */
  tolerance?: number;
  /** Skip windows overlapping any positive. Default true. */
  avoidPositives?: boolean;
  /** Random windows tried per positive before giving up. Default 1000. */
  maxTries?: number;
}

/** G + C over A + C + G + T (either case); NaN when the sequence has none of them. */
export function gcFraction(seq: string): number {
  let gc = 0;
  let acgt = 0;
  for (const c of seq.toUpperCase()) {
    if (c === 'G' || c === 'C') gc++;
    if (c === 'A' || c === 'C' || c === 'G' || c === 'T') acgt++;
  }
  return gc / acgt;
}

class PositiveSet {
  private readonly byChrom = new Map<string, { starts: number[]; maxEnds: number[] }>();

  constructor(regions: readonly GenomicRegion[], resolve: (chrom: string) => string) {
    const groups = new Map<string, GenomicRegion[]>();
    for (const r of regions) {
      const name = resolve(r.chrom);
      groups.set(name, [...(groups.get(name) ?? []), r]);
    }
    for (const [name, list] of groups) {
      list.sort((a, b) => a.start - b.start);
      let max = -Infinity;
      const maxEnds = list.map((r) => (max = Math.max(max, r.end)));
      this.byChrom.set(name, { starts: list.map((r) => r.start), maxEnds });
    }
  }

  overlaps(chrom: string, start: number, end: number): boolean {
    const set = this.byChrom.get(chrom);
    if (!set) return false;
    // The last interval starting before `end`; some interval up to it must end after `start`.
    let lo = 0;
    let hi = set.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (set.starts[mid] < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && set.maxEnds[lo - 1] > start;
  }
}

/**
 * For each positive region, a random window of the reference with the same length whose GC
 * content is within `tolerance` of the positive's, made of A, C, G, T only (no N), and (by
 * default) overlapping no positive. Chromosomes are drawn in proportion to their length; the
 * same seed gives the same regions. Fails naming the positive when maxTries windows all miss.
 */
export async function gcMatchedBackground(
  fasta: FastaIndex,
  positives: readonly GenomicRegion[],
  options: GcBackgroundOptions,
): Promise<(GenomicRegion & { gc: number })[]> {
  const { tolerance = 0.02, avoidPositives = true, maxTries = 1000 } = options;
  const rng = createRng(options.seed);
  const chroms = fasta.sequenceNames.map((name) => ({ name, size: fasta.length(name) ?? 0 }));
  const avoid = new PositiveSet(avoidPositives ? positives : [], (c) => fasta.resolve(c) ?? c);
  const out: (GenomicRegion & { gc: number })[] = [];
  for (const [p, positive] of positives.entries()) {
    const length = positive.end - positive.start;
    const target = gcFraction(await fasta.fetch(positive.chrom, positive.start, positive.end));
    const fits = chroms.filter((c) => c.size >= length);
    const total = fits.reduce((sum, c) => sum + c.size - length + 1, 0);
    let found: (GenomicRegion & { gc: number }) | undefined;
    for (let tries = 0; tries < maxTries && total > 0 && !found; tries++) {
      let pick = rng.int(total);
      const chrom = fits.find((c) => (pick -= c.size - length + 1) < 0) ?? fits[0];
      const start = pick + chrom.size - length + 1;
      const end = start + length;
      if (avoid.overlaps(chrom.name, start, end)) continue;
      const seq = await fasta.fetch(chrom.name, start, end);
      if (/[^ACGT]/i.test(seq)) continue;
      const gc = gcFraction(seq);
      if (Math.abs(gc - target) <= tolerance) found = { chrom: chrom.name, start, end, gc };
    }
    if (!found) {
      throw new GenomicsError(
        'NO_BACKGROUND',
        `positive ${p} (${positive.chrom}:${positive.start}-${positive.end}, GC ${target.toFixed(3)}): no window within ${tolerance} GC in ${maxTries} tries`,
      );
    }
    out.push(found);
  }
  return out;
}
