import type { SimdModule } from './simd-module.ts';

/**
 * C [rows, cols] = A [rows, depth] · B [depth, cols], float32, all row-major in the wasm heap
 * (byte offsets), in 4×8 SIMD tiles plus scalar edges. For products whose B is used once: the
 * wasm `BatchMatMul` (XNNPACK) first packs B, which costs more than the product when B is large.
 */
export function gemm(
  simd: SimdModule,
  a: number,
  b: number,
  c: number,
  rows: number,
  depth: number,
  cols: number,
): void {
  const [aRow, bRow, cRow] = [depth * 4, cols * 4, cols * 4];
  const fullRows = rows - (rows % 4);
  const fullCols = cols - (cols % 8);
  for (let i = 0; i < fullRows; i += 4) {
    for (let j = 0; j < fullCols; j += 8) {
      simd.gemm_4x8(a + i * aRow, b + j * 4, c + i * cRow + j * 4, depth, aRow, bRow, cRow);
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
