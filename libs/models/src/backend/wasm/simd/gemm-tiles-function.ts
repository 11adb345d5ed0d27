import type { Code, WasmFunction } from './wasm-encoder.ts';
import {
  addTo,
  f32Zero,
  f32x4Add,
  f32x4Mul,
  f32x4Splat,
  forRange,
  get,
  i32,
  i32Add,
  i32Mul,
  ifElse,
  set,
  v128Load,
  v128Load32Splat,
  v128Store,
} from './wasm-ops.ts';

/**
 * gemm_tiles(a, b, c, depth, rowTiles, colTiles, aRowBytes, bRowBytes, cRowBytes, accumulate):
 * rowTiles × colTiles tiles of 4×8 of C = A · B (or C += A · B when `accumulate` ≠ 0),
 * C[i, j] = Σ_k A[i, k] · B[k, j] over k < depth, row-major with the given row strides in
 * bytes (so A may be a strided view: the rows of a stride-1 conv1d's im2col overlap in x).
 *
 * Each pass over k loads 8 values of B's row once and broadcasts 4 of A's column with
 * `v128.load32_splat` (the layout of XNNPACK's f32 "loadsplat" GEMM microkernels), so the 8
 * accumulators stay in registers; unlike XNNPACK's operators it needs no packed copy of B,
 * which for a fresh gradient costs more than the product. The loops over tiles run here, not in
 * JS: a forward conv1d has ~11k tiles, and a JS → wasm call per tile cost ~0.3 ms a product.
 * `accumulate` lets the caller split a long depth into blocks whose B rows stay in cache.
 */
export function gemmTiles(): WasmFunction {
  const [a, b, c, depth, rowTiles, colTiles, aRow, bRow, cRow, accumulate] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
  ];
  const [ti, tj, k, pb, rowA, rowC, pc, pr, bt] = [10, 11, 12, 13, 14, 15, 16, 17, 18];
  const pa = [19, 20, 21, 22];
  const [b0, b1, s] = [23, 24, 25]; // v128
  const acc = [26, 27, 28, 29, 30, 31, 32, 33]; // v128: row r, half h at acc[2r + h]
  const at = (i: number): number => acc[i] as number;
  const fma = (target: number, vector: number): Code => [
    [get(target), get(s), get(vector), f32x4Mul, f32x4Add, set(target)],
  ];
  /** Each row r of the tile at pc: `row(r)` with pr pointing at it. */
  const eachRow = (row: (r: number) => Code): Code => [
    [get(pc), set(pr)],
    [0, 1, 2, 3].map((r) => [row(r), r < 3 ? addTo(pr, get(cRow)) : []]),
  ];
  return {
    name: 'gemm_tiles',
    params: 10,
    locals: { i32: 13, v128: 11 },
    body: [
      [get(a), set(rowA), get(c), set(rowC)],
      forRange(ti, get(rowTiles), [
        [get(rowC), set(pc), get(b), set(bt)],
        forRange(tj, get(colTiles), [
          [get(rowA), set(pa[0] as number)],
          [1, 2, 3].map((r) => [get(pa[r - 1] as number), get(aRow), i32Add, set(pa[r] as number)]),
          [get(bt), set(pb)],
          ifElse(
            get(accumulate),
            eachRow((r) => [
              [get(pr), v128Load(), set(at(2 * r))],
              [get(pr), v128Load(16), set(at(2 * r + 1))],
            ]),
            [f32Zero, f32x4Splat, set(at(0)), acc.slice(1).map((x) => [get(at(0)), set(x)])],
          ),
          forRange(k, get(depth), [
            [get(pb), v128Load(), set(b0), get(pb), v128Load(16), set(b1)],
            [0, 1, 2, 3].map((r) => [
              [get(pa[r] as number), v128Load32Splat(), set(s)],
              fma(at(2 * r), b0),
              fma(at(2 * r + 1), b1),
              addTo(pa[r] as number, i32(4)),
            ]),
            addTo(pb, get(bRow)),
          ]),
          eachRow((r) => [
            [get(pr), get(at(2 * r)), v128Store()],
            [get(pr), get(at(2 * r + 1)), v128Store(16)],
          ]),
          [addTo(pc, i32(32)), addTo(bt, i32(32))],
        ]),
        [addTo(rowA, [get(aRow), i32(4), i32Mul]), addTo(rowC, [get(cRow), i32(4), i32Mul])],
      ]),
    ],
  };
}
