import { GenomicsError } from '../errors/genomics-error.ts';

/**
 * Doubles a batch of one-hot DNA windows ([batch, length, 4], ACGT columns) with their reverse
 * complements: x becomes [2 × batch, length, 4], the originals then their reverse complements
 * in the same order, and y (any number of values per example) is repeated to match. Reversing
 * the rows and the column order (A↔T, C↔G) is the reverse complement, fractional IUPAC rows
 * included.
 */
export function reverseComplementAugment(
  x: Float32Array,
  y: Float32Array,
  batch: number,
): { x: Float32Array; y: Float32Array } {
  if (!Number.isInteger(batch) || batch < 1 || x.length % (batch * 4) !== 0 || y.length % batch) {
    throw new GenomicsError(
      'INVALID_ARGUMENT',
      `x of ${x.length} floats and y of ${y.length} do not split into ${batch} examples of [length, 4]`,
    );
  }
  const rowsPerExample = x.length / (batch * 4);
  const outX = new Float32Array(x.length * 2);
  outX.set(x);
  for (let b = 0; b < batch; b++) {
    const base = b * rowsPerExample * 4;
    for (let r = 0; r < rowsPerExample; r++) {
      const from = base + r * 4;
      const to = x.length + base + (rowsPerExample - 1 - r) * 4;
      for (let c = 0; c < 4; c++) outX[to + c] = x[from + 3 - c];
    }
  }
  const outY = new Float32Array(y.length * 2);
  outY.set(y);
  outY.set(y, y.length);
  return { x: outX, y: outY };
}
