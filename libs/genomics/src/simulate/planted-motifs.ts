import { GenomicsError } from '../errors/genomics-error.ts';
import type { Pfm } from '../motifs/pfm.ts';
import { pfmToProbabilities } from '../motifs/pfm.ts';
import { createRng } from '../random/rng.ts';
import type { Rng } from '../random/rng.ts';
import { DNA_ALPHABET } from '../sequence/alphabet.ts';

/** Options of simulatePlantedMotifs. */
export interface PlantedMotifOptions {
  /** Number of sequences (≥ 1). */
  count: number;
  /** Length of every sequence; at least the widest motif. */
  length: number;
  /** Motifs to plant, one chosen uniformly per positive. */
  motifs: readonly Pfm[];
  seed: number;
  /** Share of positives, in [0, 1]; default 0.5. */
  positiveFraction?: number;
  /** Probability of G or C per background base, in [0, 1]; default 0.5. */
  gcContent?: number;
  /** false (default): plant on the + strand; true: on a random strand. */
  bothStrands?: boolean;
}

/** Where a motif instance was planted; `start` is 0-based on the + strand. */
export interface PlantedSite {
  motifId: string;
  start: number;
  strand: '+' | '-';
}

/** Simulated sequences with 0/1 labels and, for each positive, its planted site. */
export interface PlantedMotifDataset {
  sequences: string[];
  labels: Uint8Array;
  sites: (PlantedSite | null)[];
}

// Char codes of A, C, G, T; in this order the complement of base b is base 3 - b.
const BASE_CODES = [...DNA_ALPHABET].map((b) => b.charCodeAt(0));
const [A, C, G, T] = BASE_CODES;

function fail(field: string, rule: string, value: unknown): never {
  throw new GenomicsError('INVALID_OPTIONS', `${field} must be ${rule}, got ${String(value)}`);
}

/**
 * Draws a base index (0..3 for A, C, G, T) at one PFM position, whose P(A), P(A or C) and
 * P(A, C or G) are cumulative[at..at + 2].
 */
function drawBase(rng: Rng, cumulative: Float64Array, at: number, last: number): number {
  const u = rng.next();
  for (let b = 0; b < 3; b++) if (u < cumulative[at + b]) return b;
  // Rounding can leave the sum just under 1: fall back to the last base with weight.
  return last;
}

/** One simulated record of plantedMotifRecords. */
export interface PlantedMotifRecord {
  sequence: string;
  label: 0 | 1;
  /** Where the motif was planted; null for a negative. */
  site: PlantedSite | null;
}

/**
 * A seeded planted-motif dataset: i.i.d. background with the given GC content; exactly
 * round(count × positiveFraction) positives, at shuffled indices, each carrying one instance of a
 * uniformly chosen motif, sampled base by base from its PFM and placed at a uniform start.
 * Same options and seed → same dataset.
 */
export function simulatePlantedMotifs(o: PlantedMotifOptions): PlantedMotifDataset {
  const sequences: string[] = [];
  const labels = new Uint8Array(o.count);
  const sites: (PlantedSite | null)[] = [];
  let s = 0;
  for (const record of plantedMotifRecords(o)) {
    sequences.push(record.sequence);
    labels[s++] = record.label;
    sites.push(record.site);
  }
  return { sequences, labels, sites };
}

/**
 * simulatePlantedMotifs one record at a time (the same records for the same options and seed),
 * so a large dataset streams to its file instead of living in memory: 200,000 × 10,000 bp is
 * 2 GB of text.
 */
export function* plantedMotifRecords(o: PlantedMotifOptions): Generator<PlantedMotifRecord> {
  const { count, length, motifs, seed, positiveFraction = 0.5, gcContent = 0.5 } = o;
  const { bothStrands = false } = o;
  if (!Number.isInteger(count) || count < 1) fail('count', 'an integer ≥ 1', count);
  if (motifs.length === 0) fail('motifs', 'non-empty', '[]');
  const empty = motifs.find((m) => m.counts.length === 0);
  if (empty) fail('motifs', 'matrices of width ≥ 1', `${empty.id} of width 0`);
  const widest = Math.max(...motifs.map((m) => m.counts.length));
  if (!Number.isInteger(length) || length < widest) {
    fail('length', `an integer ≥ the widest motif (${widest})`, length);
  }
  if (!(positiveFraction >= 0 && positiveFraction <= 1)) {
    fail('positiveFraction', 'in [0, 1]', positiveFraction);
  }
  if (!(gcContent >= 0 && gcContent <= 1)) fail('gcContent', 'in [0, 1]', gcContent);
  if (!Number.isInteger(seed)) fail('seed', 'an integer', seed);

  const tables = motifs.map((pfm) => {
    const probabilities = pfmToProbabilities(pfm);
    const cumulative = new Float64Array(probabilities.length * 3);
    const last = probabilities.map((row) => row.findLastIndex((p) => p > 0));
    probabilities.forEach((row, i) => {
      cumulative[i * 3] = row[0];
      cumulative[i * 3 + 1] = row[0] + row[1];
      cumulative[i * 3 + 2] = row[0] + row[1] + row[2];
    });
    return { id: pfm.id, width: probabilities.length, cumulative, last };
  });

  const rng = createRng(seed);
  const labels = new Uint8Array(count);
  const order = rng.shuffle(Array.from({ length: count }, (_, i) => i));
  const positives = Math.round(count * positiveFraction);
  for (let k = 0; k < positives; k++) labels[order[k]] = 1;

  // One draw per background base: [0, gc/2) C, [gc/2, gc) G, [gc, gc + at/2) A, rest T.
  const halfGc = gcContent / 2;
  const gcPlusHalfAt = gcContent + (1 - gcContent) / 2;
  const bytes = new Uint8Array(length);
  const decoder = new TextDecoder();
  for (let s = 0; s < count; s++) {
    for (let i = 0; i < length; i++) {
      const u = rng.next();
      bytes[i] = u < gcContent ? (u < halfGc ? C : G) : u < gcPlusHalfAt ? A : T;
    }
    let site: PlantedSite | null = null;
    if (labels[s] === 1) {
      const motif = tables[rng.int(tables.length)];
      const start = rng.int(length - motif.width + 1);
      const strand = bothStrands && rng.next() < 0.5 ? '-' : '+';
      for (let j = 0; j < motif.width; j++) {
        const base = drawBase(rng, motif.cumulative, j * 3, motif.last[j]);
        // On the - strand motif position j lands, complemented, at the far end of the site.
        if (strand === '+') bytes[start + j] = BASE_CODES[base];
        else bytes[start + motif.width - 1 - j] = BASE_CODES[3 - base];
      }
      site = { motifId: motif.id, start, strand };
    }
    yield { sequence: decoder.decode(bytes), label: labels[s] as 0 | 1, site };
  }
}
