import type { Code, WasmFunction } from './wasm-encoder.ts';
import {
  addTo,
  f32Add,
  f32Load,
  f32Mul,
  f32Store,
  f32x4Add,
  f32x4ExtractLane,
  f32x4Mul,
  f32x4Splat,
  f32Zero,
  forRange,
  get,
  i32,
  i32Add,
  i32GeU,
  i32GtU,
  i32Mul,
  i32Shl,
  set,
  v128Load,
  whileNot,
} from './wasm-ops.ts';

/**
 * gemm_nt_<mr>x<nr>(a, b, c, depth, rowTiles, colTiles, aRowBytes, bRowBytes, cRowBytes):
 * C = A · Bᵀ, C[i, j] = Σ_k A[i, k] · B[j, k], in tiles of mr rows of A × nr rows of B: both
 * operands are read along their rows, so a dense layer's input gradient dy · Wᵀ needs no
 * transposed copy of W (47M floats for DeepSEA's first dense layer). Each step of k loads 4
 * floats of each of the mr + nr rows and does mr·nr 4-lane multiply-adds; at the end of the
 * row, each accumulator's 4 lanes are summed and the last depth % 4 products added in scalar.
 * 2×4 (8 accumulators) for the body, 1×1 for the edges. The loop over B's row tiles is outside:
 * in a dense layer's dy · Wᵀ, A = dy is small (batch × units, in L2) and B = W large, so W
 * streams from memory once instead of once per pair of dy rows.
 */
export function gemmNt(mr: number, nr: number): WasmFunction {
  const [a, b, c, depth, rowTiles, colTiles, aRow, bRow, cRow] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const [ti, tj, k, t, rowA, rowB, rowC, pc] = [9, 10, 11, 12, 13, 14, 15, 16];
  const pa = Array.from({ length: mr }, (_, i) => 17 + i);
  const pb = Array.from({ length: nr }, (_, j) => 17 + mr + j);
  const i32Count = 8 + mr + nr;
  const sum = 9 + i32Count; // f32
  const v0 = sum + 1;
  const av = Array.from({ length: mr }, (_, i) => v0 + i);
  const bv = v0 + mr;
  const acc = (i: number, j: number): number => v0 + mr + 1 + i * nr + j;
  const each = (f: (i: number, j: number) => Code): Code =>
    Array.from({ length: mr }, (_, i) => Array.from({ length: nr }, (_, j) => f(i, j)));
  const hsum = (v: number): Code => [
    [get(v), f32x4ExtractLane(0), get(v), f32x4ExtractLane(1), f32Add],
    [get(v), f32x4ExtractLane(2), f32Add, get(v), f32x4ExtractLane(3), f32Add],
  ];
  return {
    name: `gemm_nt_${mr}x${nr}`,
    params: 9,
    locals: { i32: i32Count, f32: 1, v128: mr + 1 + mr * nr },
    body: [
      [get(b), set(rowB), get(c), set(rowC)],
      forRange(tj, get(colTiles), [
        [get(a), set(rowA), get(rowC), set(pc)],
        forRange(ti, get(rowTiles), [
          pa.map((p, i) => [get(rowA), get(aRow), i32(i), i32Mul, i32Add, set(p)]),
          pb.map((p, j) => [get(rowB), get(bRow), i32(j), i32Mul, i32Add, set(p)]),
          each((i, j) => [f32Zero, f32x4Splat, set(acc(i, j))]),
          [i32(0), set(k)],
          whileNot(
            [get(k), i32(4), i32Add, get(depth), i32GtU],
            [
              pa.map((p, i) => [get(p), v128Load(), set(av[i] as number)]),
              pb.map((p, j) => [
                [get(p), v128Load(), set(bv)],
                pa.map((_, i) => [
                  [get(acc(i, j)), get(av[i] as number), get(bv), f32x4Mul, f32x4Add],
                  set(acc(i, j)),
                ]),
              ]),
              [pa, pb].flat().map((p) => addTo(p, i32(16))),
              addTo(k, i32(4)),
            ],
          ),
          each((i, j) => [
            [hsum(acc(i, j)), set(sum), i32(0), set(t)],
            whileNot(
              [get(k), get(t), i32Add, get(depth), i32GeU],
              [
                [get(pa[i] as number), get(t), i32(2), i32Shl, i32Add, f32Load()],
                [get(pb[j] as number), get(t), i32(2), i32Shl, i32Add, f32Load()],
                [f32Mul, get(sum), f32Add, set(sum), addTo(t, i32(1))],
              ],
            ),
            [get(pc), get(cRow), i32(i), i32Mul, i32Add, get(sum), f32Store(4 * j)],
          ]),
          [addTo(rowA, [get(aRow), i32(mr), i32Mul]), addTo(pc, [get(cRow), i32(mr), i32Mul])],
        ]),
        [addTo(rowB, [get(bRow), i32(nr), i32Mul]), addTo(rowC, i32(4 * nr))],
      ]),
    ],
  };
}
