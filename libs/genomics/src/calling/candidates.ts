import type { ReferenceReader } from '../variants/reference-reader.ts';
import type { ReadFilter } from './aligned-read.ts';
import { DEFAULT_READ_FILTER, keepRead } from './aligned-read.ts';
import type { AlignmentFile } from './alignment-file.ts';
import type { CallRegion } from './genomic-region.ts';
import type { AllelePair } from './normalize-allele.ts';
import { pairKind } from './normalize-allele.ts';
import type { ReadView } from './read-view.ts';
import { DELETED, RefWindow, referenceSpan, viewRead } from './read-view.ts';

/** When a site is worth a look (DeepVariant's very-sensitive-caller defaults). */
export interface CandidateOptions {
  /** Reads carrying the allele; default 2. */
  minCount: number;
  /** Allele fraction of an SNV among the reads covering the site; default 0.12. */
  minSnvFraction: number;
  /** Allele fraction of an indel; default 0.06. */
  minIndelFraction: number;
  filter: ReadFilter;
  /**
   * Bases per streamed tile; default 5 000. A tile's reads live while it is called; at 50 000
   * (~10 000 reads at 30×) they and their buffers outlived V8's young generation, were promoted,
   * and piled up as old-generation garbage (~20 MiB per tile) until a full collection, so peak RSS
   * of a 1 Mb call stood ~25% above a 250 kb one. Smaller tiles leave less alive at each scavenge
   * (bench:call, issue 16); the calls do not change.
   */
  tileSize: number;
}

export const DEFAULT_CANDIDATE_OPTIONS: Readonly<CandidateOptions> = Object.freeze({
  minCount: 2,
  minSnvFraction: 0.12,
  minIndelFraction: 0.06,
  filter: DEFAULT_READ_FILTER,
  tileSize: 5_000,
});

/** A site where the reads disagree with the reference: one alternate allele, normalised. */
export interface Candidate extends AllelePair {
  chrom: string;
  kind: 'snv' | 'indel';
  /** Reads (passing the filters) covering the position. */
  depth: number;
  /** Reads carrying this allele. */
  altCount: number;
  /**
   * Reads carrying the reference allele: for an SNV those showing the reference base at base
   * quality ≥ the filter's (so reads with a third base or a deletion count for neither allele);
   * for an indel those aligned across it and its repeat with INDEL_FLANK bases to spare on both
   * sides and no indel there (a read that ends inside, soft-clipped, shows neither allele).
   */
  refCount: number;
}

/** One streamed piece of a region: its candidates and the reads laid out to build tensors. */
export interface CandidateTile {
  chrom: string;
  start0: number;
  end0: number;
  ref: RefWindow;
  /** Reads passing the filters that overlap the tile, by start. */
  views: ReadView[];
  /** Reads fetched (before filtering). */
  readsFetched: number;
  candidates: Candidate[];
}

// Indels are normalised against the reference around the tile; this bounds how far left a
// repeat can move one (longer repeats would be split across two tiles' worth of reads anyway).
const REF_MARGIN = 1000;
const BASES = 'ACGT';

/**
 * Streams candidate sites over a region tile by tile, so memory stays that of one tile's reads
 * however long the region: pileup counts of bases (quality ≥ the filter's) and of normalised
 * indels, then the alleles above the count and fraction thresholds, sorted by position.
 */
export async function* candidateTiles(
  file: AlignmentFile,
  reference: ReferenceReader,
  region: CallRegion,
  options: Partial<CandidateOptions> = {},
): AsyncGenerator<CandidateTile> {
  const o = { ...DEFAULT_CANDIDATE_OPTIONS, ...options };
  const refChrom = reference.fasta.resolve(region.chrom) ?? region.chrom;
  for (let start0 = region.start0; start0 < region.end0; start0 += o.tileSize) {
    const end0 = Math.min(region.end0, start0 + o.tileSize);
    const from = Math.max(0, start0 - REF_MARGIN);
    const ref = new RefWindow(
      from,
      (await reference.bases(refChrom, from, end0 + REF_MARGIN)).toUpperCase(),
    );
    const reads = await file.reads(region.chrom, start0, end0);
    const kept = reads.filter((r) => keepRead(r, o.filter));
    // One zeroed buffer for every kept read's bases and qualities (see viewRead).
    const storage = new Uint8Array(kept.reduce((n, r) => n + 2 * referenceSpan(r), 0));
    let used = 0;
    const views = kept.map((r) => {
      const bytes = 2 * referenceSpan(r);
      used += bytes;
      return viewRead(r, ref, storage.subarray(used - bytes, used));
    });
    yield {
      chrom: region.chrom,
      start0,
      end0,
      ref,
      views,
      readsFetched: reads.length,
      candidates: findCandidates(region.chrom, start0, end0, ref, views, o),
    };
  }
}

function findCandidates(
  chrom: string,
  start0: number,
  end0: number,
  ref: RefWindow,
  views: ReadView[],
  o: CandidateOptions,
): Candidate[] {
  const n = end0 - start0;
  const depth = new Int32Array(n);
  const baseCounts = new Int32Array(4 * n);
  const indels = new Map<string, { pair: AllelePair; count: number }>();
  for (const view of views) {
    const { start0: readStart } = view.read;
    const from = Math.max(start0, readStart);
    const to = Math.min(end0, view.read.end0);
    for (let pos = from; pos < to; pos++) {
      const code = view.bases[pos - readStart];
      if (code === 0) continue;
      depth[pos - start0]++;
      if (code === DELETED || view.quals[pos - readStart] < o.filter.minBaseQuality) continue;
      const b = BASES.indexOf(String.fromCharCode(code));
      if (b >= 0) baseCounts[4 * (pos - start0) + b]++;
    }
    for (const pair of view.indels) {
      if (pair.pos0 < start0 || pair.pos0 >= end0) continue;
      const key = `${pair.pos0}:${pair.ref}>${pair.alt}`;
      const entry = indels.get(key);
      if (entry) entry.count++;
      else indels.set(key, { pair, count: 1 });
    }
  }
  const found: Candidate[] = [];
  for (let i = 0; i < n; i++) {
    const refBase = ref.at(start0 + i);
    if (!BASES.includes(refBase) || depth[i] === 0) continue;
    for (let b = 0; b < 4; b++) {
      const count = baseCounts[4 * i + b];
      if (BASES[b] === refBase || count < o.minCount || count < o.minSnvFraction * depth[i])
        continue;
      found.push({
        chrom,
        pos0: start0 + i,
        ref: refBase,
        alt: BASES[b],
        kind: 'snv',
        depth: depth[i],
        altCount: count,
        refCount: baseCounts[4 * i + BASES.indexOf(refBase)],
      });
    }
  }
  for (const { pair, count } of indels.values()) {
    const d = Math.max(depth[pair.pos0 - start0], count);
    if (count < o.minCount || count < o.minIndelFraction * d || /[^ACGT]/.test(pair.ref + pair.alt))
      continue;
    found.push({
      chrom,
      ...pair,
      kind: pairKind(pair),
      depth: d,
      altCount: count,
      refCount: spanningReferenceReads(pair, views, ref),
    });
  }
  return found.sort((a, b) => a.pos0 - b.pos0 || a.alt.length - b.alt.length);
}

/** Aligned bases a read needs on each side of an indel (and its repeat) to show the reference. */
export const INDEL_FLANK = 8;

/** How far right an indel can move in its repeat (0 outside one). */
function repeatShift(pair: AllelePair, ref: RefWindow): number {
  const deleted = pair.ref.length > pair.alt.length;
  const unit = deleted ? pair.ref.slice(1) : pair.alt.slice(1);
  let k = 0;
  const first = pair.pos0 + 1 + (deleted ? unit.length : 0);
  while (k < 1000 && ref.at(first + k) === unit[k % unit.length]) k++;
  return k;
}

/** Reads spanning the indel's whole repeat with flanks, carrying no indel there. */
function spanningReferenceReads(pair: AllelePair, views: ReadView[], ref: RefWindow): number {
  const from = pair.pos0 - INDEL_FLANK;
  const to = pair.pos0 + pair.ref.length + repeatShift(pair, ref) + INDEL_FLANK;
  let n = 0;
  for (const view of views) {
    if (view.read.start0 > from || view.read.end0 < to) continue;
    if (view.indels.some((indel) => indel.pos0 >= from && indel.pos0 < to)) continue;
    if (view.insertionsAfter.some((at) => at >= from && at < to)) continue;
    n++;
  }
  return n;
}
