import type { Pfm } from '../pfm.ts';

/**
 * Information content of a matrix in bits: Σ over positions of 2 + Σ_b p_b log2 p_b, with p the
 * position's counts normalised (no pseudocount; 0·log 0 = 0). A position without counts adds 0.
 * @example informationContent({ id: 'x', name: 'x', counts: [[9, 0, 0, 0]] }) // 2
 */
export function informationContent(pfm: Pfm): number {
  let bits = 0;
  for (const row of pfm.counts) {
    const total = row.reduce((sum, c) => sum + c, 0);
    if (!(total > 0)) continue;
    bits += 2;
    for (const c of row) if (c > 0) bits += (c / total) * Math.log2(c / total);
  }
  return bits;
}
