import { checkK, forEachKmer, reverseComplementIndex } from './kmer-index.ts';

/**
 * Counts the k-mers (1 ≤ k ≤ 8) of a DNA sequence into a dense Float32Array of 4^k (at most
 * 65,536 floats), indexed base-4 with A=0, C=1, G=2, T=3, first base most significant. K-mers
 * with a letter other than ACGT (either case) are skipped. With `canonical`, a k-mer and its
 * reverse complement are counted together at the smaller of their two indices.
 * @example kmerCounts('AACG', 2) // AA, AC, CG → [1, 1, 0, 0, 0, 0, 1, 0, …]
 */
export function kmerCounts(
  seq: string,
  k: number,
  options: { canonical?: boolean } = {},
): Float32Array {
  checkK(k, 8);
  const counts = new Float32Array(4 ** k);
  forEachKmer(seq, k, (_, index) => {
    counts[options.canonical ? Math.min(index, reverseComplementIndex(index, k)) : index]++;
  });
  return counts;
}
