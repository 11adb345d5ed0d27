import { GenomicsError } from '../errors/genomics-error.ts';

/** Base → 0..3 (A, C, G, T; lowercase too); 255 for anything else. */
export const BASE_CODE = new Uint8Array(256).fill(255);
for (const [i, base] of [...'ACGT'].entries()) {
  BASE_CODE[base.charCodeAt(0)] = BASE_CODE[base.toLowerCase().charCodeAt(0)] = i;
}

/** Checks 1 ≤ k ≤ max. */
export function checkK(k: number, max: number): void {
  if (!Number.isInteger(k) || k < 1 || k > max) {
    throw new GenomicsError('INVALID_ARGUMENT', `k must be an integer in [1, ${max}], got ${k}`);
  }
}

/**
 * Calls `visit(position, index)` for every k-mer of seq made only of A, C, G, T, with index its
 * base-4 number (first base most significant: AA…A = 0, TT…T = 4^k − 1). A rolling index makes
 * it one pass; k-mers spanning another letter are skipped.
 */
export function forEachKmer(
  seq: string,
  k: number,
  visit: (position: number, index: number) => void,
): void {
  const mask = 4 ** k;
  let index = 0;
  let valid = 0;
  for (let i = 0; i < seq.length; i++) {
    const c = seq.charCodeAt(i);
    const code = c > 255 ? 255 : BASE_CODE[c];
    if (code === 255) {
      valid = 0;
      index = 0;
      continue;
    }
    index = (index * 4 + code) % mask;
    if (++valid >= k) visit(i - k + 1, index);
  }
}

/** The index of the reverse complement of the k-mer with index `index`. */
export function reverseComplementIndex(index: number, k: number): number {
  let rc = 0;
  let rest = index;
  for (let i = 0; i < k; i++) {
    rc = rc * 4 + (3 - (rest % 4));
    rest = Math.floor(rest / 4);
  }
  return rc;
}
