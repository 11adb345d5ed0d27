import type { SimdModule } from './simd-module.ts';

/**
 * Depth block of a product: 256 rows of B (64 kB for 64 columns) stay in the 1 MB L2 while
 * every row tile of A passes over them. Without it, a long-depth product (the conv filter
 * gradient: 48 × 5760 · 5760 × 64) streams all of B from memory once per row tile: 1.38 ms
 * measured, 0.98 ms with it (64 to 1024 all within 5%).
 */
const DEPTH_BLOCK = 256;

/**
 * C [rows, cols] = A [rows, depth] · B [depth, cols], float32, row-major in the wasm heap (byte
 * offsets), in 4×8 SIMD tiles plus scalar edges. A's rows are `aRowBytes` apart (default
 * depth · 4); a smaller stride reads overlapping rows, as a stride-1 conv1d's im2col rows
 * overlap in its input. For products whose B is used once: the wasm `BatchMatMul` (XNNPACK)
 * first packs B, which costs more than the product when B is large.
 */
export function gemm(
  simd: SimdModule,
  a: number,
  b: number,
  c: number,
  rows: number,
  depth: number,
  cols: number,
  aRowBytes = depth * 4,
): void {
  const [aRow, bRow, cRow] = [aRowBytes, cols * 4, cols * 4];
  const rowTiles = Math.floor(rows / 4);
  const colTiles = Math.floor(cols / 8);
  const [fullRows, fullCols] = [rowTiles * 4, colTiles * 8];
  const tiles = (ai: number, bj: number, ci: number, d: number, rt: number, ct: number, acc = 0) =>
    simd.gemm_tiles(ai, bj, ci, d, rt, ct, aRow, bRow, cRow, acc);
  if (depth <= DEPTH_BLOCK && rowTiles > 0 && colTiles > 0) {
    // One pass: ragged edges are covered by one more tile overlapping the last full one, which
    // writes the overlapped outputs again with the same values (same operations, same order)
    // instead of leaving them to the scalar loop (~8× slower per multiply-add).
    tiles(a, b, c, depth, rowTiles, colTiles);
    const [lastRow, lastCol] = [(rows - 4) * aRow, (cols - 8) * 4];
    if (fullRows < rows) tiles(a + lastRow, b, c + (rows - 4) * cRow, depth, 1, colTiles);
    if (fullCols < cols) tiles(a, b + lastCol, c + lastCol, depth, rowTiles, 1);
    if (fullRows < rows && fullCols < cols) {
      tiles(a + lastRow, b + lastCol, c + (rows - 4) * cRow + lastCol, depth, 1, 1);
    }
    return;
  }
  if (rowTiles > 0 && colTiles > 0) {
    for (let k = 0; k < depth; k += DEPTH_BLOCK) {
      const block = Math.min(DEPTH_BLOCK, depth - k);
      tiles(a + k * 4, b + k * bRow, c, block, rowTiles, colTiles, k > 0 ? 1 : 0);
    }
  }
  if (fullCols < cols) {
    simd.gemm_edge(
      a,
      b + fullCols * 4,
      c + fullCols * 4,
      depth,
      rows,
      cols - fullCols,
      aRow,
      bRow,
      cRow,
    );
  }
  if (fullRows < rows) {
    const [ae, ce] = [a + fullRows * aRow, c + fullRows * cRow];
    simd.gemm_edge(ae, b, ce, depth, rows - fullRows, fullCols, aRow, bRow, cRow);
  }
}
