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

/**
 * Reverse-complements, in place, the one-hot windows ([length, 4], ACGT columns) of the rows of
 * `x` ([rows, length, 4]) for which `pick(row)` is true: training's random strand flip (as
 * Basset and gReLU augment), with no copy of the batch. IUPAC fractions flip as in
 * reverseComplementAugment.
 */
export function reverseComplementRows(
  x: Float32Array,
  rows: number,
  length: number,
  pick: (row: number) => boolean,
): void {
  if (x.length < rows * length * 4) {
    throw new GenomicsError(
      'INVALID_ARGUMENT',
      `x of ${x.length} floats does not hold ${rows} windows of [${length}, 4]`,
    );
  }
  for (let r = 0; r < rows; r++) {
    if (!pick(r)) continue;
    const base = r * length * 4;
    for (let i = 0, j = length - 1; i <= j; i++, j--) {
      const a = base + i * 4;
      const b = base + j * 4;
      // Position i takes position j's column complemented (A↔T, C↔G: column c ↔ 3 − c), and
      // back; the middle position of an odd length complements itself.
      const a0 = x[a],
        a1 = x[a + 1],
        a2 = x[a + 2],
        a3 = x[a + 3];
      x[a] = x[b + 3];
      x[a + 1] = x[b + 2];
      x[a + 2] = x[b + 1];
      x[a + 3] = x[b];
      x[b] = a3;
      x[b + 1] = a2;
      x[b + 2] = a1;
      x[b + 3] = a0;
    }
  }
}
