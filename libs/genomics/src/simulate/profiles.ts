import { GenomicsError } from '../errors/genomics-error.ts';
import type { Pfm } from '../motifs/pfm.ts';
import { pfmToProbabilities } from '../motifs/pfm.ts';
import { createRng } from '../random/rng.ts';
import type { Rng } from '../random/rng.ts';
import { DNA_ALPHABET } from '../sequence/alphabet.ts';

/** Options of simulateProfiles. */
export interface ProfileSimulationOptions {
  /** Number of sequences (≥ 1). */
  count: number;
  /** Length of every sequence and profile. */
  length: number;
  /** The motif planted (+ strand), sampled base by base from its PFM at each site. */
  motif: Pfm;
  seed: number;
  /** Sites per sequence, drawn uniformly from 0..maxSites; default 3. */
  maxSites?: number;
  /** Expected reads of one site (its Gaussian footprint summed over all positions); default 60. */
  readsPerSite?: number;
  /** Standard deviation of the footprint in bp; default 3. */
  footprintSd?: number;
  /** Expected background reads per position and track; default 0.05. */
  backgroundRate?: number;
  /**
   * Give two tracks (+ strand reads, − strand reads) whose footprints sit `strandShift` bp
   * before and after the site centre, as in ChIP-exo/ChIP-nexus; each strand gets half the
   * reads. Default: one track centred on the site.
   */
  strandShift?: number;
  /** Probability of G or C per background base, in [0, 1]; default 0.5. */
  gcContent?: number;
}

/** One planted site: `start` is 0-based; `center` = start + (motif width − 1) / 2. */
export interface ProfileSite {
  start: number;
  center: number;
}

/** Sequences with per-position read counts whose shape and total the planted sites decide. */
export interface ProfileDataset {
  sequences: string[];
  /** Read counts [count, length, tracks] row-major (Poisson samples of `expected`). */
  counts: Float32Array;
  /** The noise-free rates the counts were sampled from, same layout: the known answer. */
  expected: Float32Array;
  /** 1, or 2 with `strandShift`. */
  tracks: number;
  /** Sites of each sequence, by start. */
  sites: ProfileSite[][];
}

// Char codes of A, C, G, T.
const BASE_CODES = [...DNA_ALPHABET].map((b) => b.charCodeAt(0));
const [A, C, G, T] = BASE_CODES;
/** A footprint is summed over ±this many SDs (the rest of a Gaussian's mass is < 1e-8). */
const FOOTPRINT_SDS = 6;
/** Poisson draws of larger means are split into chunks of at most this mean (see `poisson`). */
const POISSON_CHUNK = 30;

function fail(field: string, rule: string, value: unknown): never {
  throw new GenomicsError('INVALID_OPTIONS', `${field} must be ${rule}, got ${String(value)}`);
}

/**
 * A seeded BPNet-style dataset with a known answer: i.i.d. background bases; each sequence gets
 * k ~ uniform{0..maxSites} non-overlapping instances of `motif` at uniform starts; the expected
 * reads per position are `backgroundRate` plus, for each site, a Gaussian footprint of
 * `readsPerSite` reads centred on the site (sd `footprintSd`); the counts are Poisson samples of
 * those rates. So the profile peaks at the sites and the total count grows linearly with k.
 * Same options and seed → same dataset.
 */
export function simulateProfiles(o: ProfileSimulationOptions): ProfileDataset {
  const { count, length, motif, seed, maxSites = 3, readsPerSite = 60 } = o;
  const { footprintSd = 3, backgroundRate = 0.05, strandShift, gcContent = 0.5 } = o;
  if (!Number.isInteger(count) || count < 1) fail('count', 'an integer ≥ 1', count);
  if (motif.counts.length === 0) fail('motif', 'a matrix of width ≥ 1', `${motif.id} of width 0`);
  const width = motif.counts.length;
  if (!Number.isInteger(length) || length < width) {
    fail('length', `an integer ≥ the motif width (${width})`, length);
  }
  if (!Number.isInteger(maxSites) || maxSites < 0) fail('maxSites', 'an integer ≥ 0', maxSites);
  if (maxSites * width > length) {
    fail('maxSites', `at most length / motif width (${Math.floor(length / width)})`, maxSites);
  }
  if (!(readsPerSite >= 0 && Number.isFinite(readsPerSite))) {
    fail('readsPerSite', 'a finite number ≥ 0', readsPerSite);
  }
  if (!(footprintSd > 0 && Number.isFinite(footprintSd))) {
    fail('footprintSd', 'a finite number > 0', footprintSd);
  }
  if (!(backgroundRate >= 0 && Number.isFinite(backgroundRate))) {
    fail('backgroundRate', 'a finite number ≥ 0', backgroundRate);
  }
  if (strandShift !== undefined && !(Number.isInteger(strandShift) && strandShift >= 0)) {
    fail('strandShift', 'an integer ≥ 0', strandShift);
  }
  if (!(gcContent >= 0 && gcContent <= 1)) fail('gcContent', 'in [0, 1]', gcContent);
  if (!Number.isInteger(seed)) fail('seed', 'an integer', seed);

  const cumulative = pfmToProbabilities(motif).map((row) => [
    row[0],
    row[0] + row[1],
    row[0] + row[1] + row[2],
  ]);
  const tracks = strandShift === undefined ? 1 : 2;
  // Footprint centres relative to the site centre, and each track's share of the reads.
  const offsets = strandShift === undefined ? [0] : [-strandShift, strandShift];
  const share = readsPerSite / tracks;
  const rng = createRng(seed);
  const halfGc = gcContent / 2;
  const gcPlusHalfAt = gcContent + (1 - gcContent) / 2;
  const bytes = new Uint8Array(length);
  const decoder = new TextDecoder();
  const sequences: string[] = [];
  const sites: ProfileSite[][] = [];
  const expected = new Float32Array(count * length * tracks).fill(backgroundRate);
  const counts = new Float32Array(count * length * tracks);
  const rates = new Float64Array(length * tracks);
  for (let s = 0; s < count; s++) {
    for (let i = 0; i < length; i++) {
      const u = rng.next();
      bytes[i] = u < gcContent ? (u < halfGc ? C : G) : u < gcPlusHalfAt ? A : T;
    }
    const starts = placeSites(rng, rng.int(maxSites + 1), width, length);
    rates.fill(backgroundRate);
    for (const start of starts) {
      for (let j = 0; j < width; j++) bytes[start + j] = BASE_CODES[drawBase(rng, cumulative[j])];
      const center = start + (width - 1) / 2;
      offsets.forEach((offset, t) =>
        addFootprint(rates, t, tracks, center + offset, footprintSd, share),
      );
    }
    const row = s * length * tracks;
    for (let k = 0; k < rates.length; k++) {
      expected[row + k] = rates[k];
      counts[row + k] = poisson(rng, rates[k]);
    }
    sequences.push(decoder.decode(bytes));
    sites.push(starts.map((start) => ({ start, center: start + (width - 1) / 2 })));
  }
  return { sequences, counts, expected, tracks, sites };
}

/** `k` non-overlapping site starts, uniform among such placements, sorted. */
function placeSites(rng: Rng, k: number, width: number, length: number): number[] {
  // Uniform placement of k disjoint intervals: choose k gaps' positions among the
  // length − k·width + k slots (stars and bars), then expand each chosen slot into a site.
  const free = length - k * width;
  const slots = rng.shuffle(Array.from({ length: free + k }, (_, i) => i)).slice(0, k);
  slots.sort((a, b) => a - b);
  return slots.map((slot, i) => slot + i * (width - 1));
}

/** Adds `reads` × a discretised Gaussian (normalised over the integers) centred on `center`. */
function addFootprint(
  rates: Float64Array,
  track: number,
  tracks: number,
  center: number,
  sd: number,
  reads: number,
): void {
  const from = Math.ceil(center - FOOTPRINT_SDS * sd);
  const to = Math.floor(center + FOOTPRINT_SDS * sd);
  let total = 0;
  for (let i = from; i <= to; i++) total += Math.exp(-0.5 * ((i - center) / sd) ** 2);
  const length = rates.length / tracks;
  for (let i = Math.max(from, 0); i <= Math.min(to, length - 1); i++) {
    rates[i * tracks + track] += (reads * Math.exp(-0.5 * ((i - center) / sd) ** 2)) / total;
  }
}

/** A base index drawn from one PFM position's cumulative P(A), P(A or C), P(A, C or G). */
function drawBase(rng: Rng, cumulative: number[]): number {
  const u = rng.next();
  for (let b = 0; b < 3; b++) if (u < cumulative[b]) return b;
  return 3;
}

/**
 * A Poisson sample of mean `mean`: Knuth's multiplication method (TAOCP vol. 2, 3.4.1) on chunks
 * of mean ≤ POISSON_CHUNK, summed; a sum of independent Poisson draws is Poisson with the summed
 * mean, and small chunks keep e^−mean far from underflow.
 */
function poisson(rng: Rng, mean: number): number {
  let total = 0;
  for (let left = mean; left > 0; left -= POISSON_CHUNK) {
    const limit = Math.exp(-Math.min(left, POISSON_CHUNK));
    let product = rng.next();
    while (product > limit) {
      total++;
      product *= rng.next();
    }
  }
  return total;
}
