/**
 * Copies rows `rows[start..end)` of a row-major array (rows of `rowSize` values) into the
 * front of `into` and returns that filled prefix. Training reuses one buffer for every batch
 * instead of allocating a typed array per step.
 */
export function gatherRows(
  source: Float32Array,
  rowSize: number,
  rows: ArrayLike<number>,
  start: number,
  end: number,
  into: Float32Array,
): Float32Array {
  if (rowSize === 1) {
    for (let i = start; i < end; i++) into[i - start] = source[rows[i] as number] as number;
  } else {
    for (let i = start; i < end; i++) {
      const row = rows[i] as number;
      into.set(source.subarray(row * rowSize, (row + 1) * rowSize), (i - start) * rowSize);
    }
  }
  return into.subarray(0, (end - start) * rowSize);
}
