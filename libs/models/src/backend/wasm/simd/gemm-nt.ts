import type { SimdModule } from './simd-module.ts';

/**
 * C [rows, cols] = A [rows, depth] · B [cols, depth]ᵀ (both read along their rows; strides in
 * bytes default to dense rows): 2×4 tiles, then 1×1 for the last rows % 2 rows and cols % 4
 * columns.
 */
export function gemmNt(
  simd: SimdModule,
  a: number,
  b: number,
  c: number,
  rows: number,
  depth: number,
  cols: number,
  aRowBytes = depth * 4,
  bRowBytes = depth * 4,
  cRowBytes = cols * 4,
): void {
  const [rowTiles, colTiles] = [Math.floor(rows / 2), Math.floor(cols / 4)];
  const [fullRows, fullCols] = [rowTiles * 2, colTiles * 4];
  const [aR, bR, cR] = [aRowBytes, bRowBytes, cRowBytes];
  simd.gemm_nt_2x4(a, b, c, depth, rowTiles, colTiles, aR, bR, cR);
  if (fullCols < cols) {
    const [bj, cj] = [b + fullCols * bR, c + fullCols * 4];
    simd.gemm_nt_1x1(a, bj, cj, depth, fullRows, cols - fullCols, aR, bR, cR);
  }
  if (fullRows < rows) {
    simd.gemm_nt_1x1(
      a + fullRows * aR,
      b,
      c + fullRows * cR,
      depth,
      rows - fullRows,
      cols,
      aR,
      bR,
      cR,
    );
  }
}
