import { checkK, forEachKmer } from './kmer-index.ts';

/**
 * Higher-order one-hot: each of the seq.length − k + 1 positions gets a row of 4^k with a 1 at
 * the index of the k-mer starting there (k = 2: dinucleotide, 16 columns; k = 3: 64; order as
 * in kmerCounts). A k-mer with a letter other than ACGT gets an all-zero row.
 * @example oneHotEncodeKmers('ACG', 2) // rows AC (index 1) and CG (index 6)
 */
export function oneHotEncodeKmers(seq: string, k: number): Float32Array {
  checkK(k, 4);
  const width = 4 ** k;
  const out = new Float32Array(Math.max(0, seq.length - k + 1) * width);
  forEachKmer(seq, k, (position, index) => {
    out[position * width + index] = 1;
  });
  return out;
}
