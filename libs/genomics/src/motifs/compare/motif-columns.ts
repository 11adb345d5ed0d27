import type { Pfm } from '../pfm.ts';

/**
 * A matrix prepared for Pearson-correlation column scores: each position's probabilities minus
 * their mean (always 0.25 for four bases), scaled to unit length, so the correlation of two
 * columns is one dot product. A position without counts or with four equal counts has no
 * variance and becomes the zero vector: it correlates 0 with anything.
 */
export interface MotifColumns {
  width: number;
  /** width × 4 centred, unit-length columns, row-major (A, C, G, T). */
  z: Float64Array;
}

/** Centred, normalised columns of a matrix (see `MotifColumns`). */
export function motifColumns(pfm: Pfm): MotifColumns {
  const width = pfm.counts.length;
  const z = new Float64Array(width * 4);
  pfm.counts.forEach((row, i) => {
    const total = row[0] + row[1] + row[2] + row[3];
    if (!(total > 0)) return;
    let norm = 0;
    for (let b = 0; b < 4; b++) {
      const centred = row[b] / total - 0.25;
      z[i * 4 + b] = centred;
      norm += centred * centred;
    }
    norm = Math.sqrt(norm);
    // Below ~1e-9 the column is uniform up to rounding: keep it at zero, not amplified noise.
    if (norm < 1e-9) z.fill(0, i * 4, i * 4 + 4);
    else for (let b = 0; b < 4; b++) z[i * 4 + b] /= norm;
  });
  return { width, z };
}

/**
 * The reverse complement of prepared columns: position order reversed and A↔T, C↔G swapped
 * (in A, C, G, T order the complement of base b is 3 − b).
 */
export function reverseComplementColumns(m: MotifColumns): MotifColumns {
  const { width, z } = m;
  const out = new Float64Array(width * 4);
  for (let i = 0; i < width; i++) {
    for (let b = 0; b < 4; b++) out[(width - 1 - i) * 4 + 3 - b] = z[i * 4 + b];
  }
  return { width, z: out };
}

/** Pearson correlation of every query column with every target column: [query.width, target.width]. */
export function columnSimilarity(query: MotifColumns, target: MotifColumns): Float64Array {
  const q = query.z;
  const t = target.z;
  const out = new Float64Array(query.width * target.width);
  for (let i = 0; i < query.width; i++) {
    for (let j = 0; j < target.width; j++) {
      const a = i * 4;
      const c = j * 4;
      out[i * target.width + j] =
        q[a] * t[c] + q[a + 1] * t[c + 1] + q[a + 2] * t[c + 2] + q[a + 3] * t[c + 3];
    }
  }
  return out;
}
