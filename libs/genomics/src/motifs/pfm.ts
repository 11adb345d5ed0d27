import { GenomicsError } from '../errors/genomics-error.ts';
import { DNA_ALPHABET } from '../sequence/alphabet.ts';

/** A position frequency matrix: `counts[i]` holds position i's counts in A, C, G, T order. */
export interface Pfm {
  /** Matrix ID with version, e.g. `MA0139.2`. */
  id: string;
  /** Factor name, e.g. `CTCF`. */
  name: string;
  /** width × 4 counts. */
  counts: number[][];
}

/**
 * Per-position base probabilities (width × 4, rows sum to 1): (count + pseudocount) / (total +
 * 4 pseudocount). A position without counts and no pseudocount is an error.
 */
export function pfmToProbabilities(pfm: Pfm, pseudocount = 0): number[][] {
  if (!(pseudocount >= 0)) {
    throw new GenomicsError('INVALID_ARGUMENT', `pseudocount must be ≥ 0, got ${pseudocount}`);
  }
  return pfm.counts.map((row, position) => {
    const total = row.reduce((sum, c) => sum + c, 0) + 4 * pseudocount;
    if (!(total > 0)) {
      throw new GenomicsError(
        'INVALID_MOTIF',
        `motif ${pfm.id}: position ${position} has no counts; give a pseudocount`,
      );
    }
    return row.map((c) => (c + pseudocount) / total);
  });
}

/**
 * The most frequent base at each position (ties go to the first in A, C, G, T order).
 * @example consensus(findMotif('CTCF')!) // 'GCCACCAGGGGGCGC' (JASPAR MA0139.2)
 */
export function consensus(pfm: Pfm): string {
  let out = '';
  for (const row of pfm.counts) {
    let best = 0;
    for (let b = 1; b < 4; b++) if (row[b] > row[best]) best = b;
    out += DNA_ALPHABET[best];
  }
  return out;
}
