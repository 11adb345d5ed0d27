import type { Code, WasmFunction } from './wasm-encoder.ts';
import {
  addTo,
  f32x4Add,
  f32x4Mul,
  f32x4RelaxedMadd,
  f32x4Splat,
  f32Zero,
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
 * gemm_packed(a, bp, c, depth, rowTiles, panels, aRowBytes, cRowBytes, panelBytes, accumulate,
 * aStepBytes): rowTiles × panels tiles of 4×8 of C = A · B (C += A · B when `accumulate` ≠ 0)
 * over `depth`, where B is packed in panels of 8 columns, each [depth][8] contiguous and
 * `panelBytes` apart (pack_b), A's rows are `aRowBytes` apart and a row's elements `aStepBytes`
 * apart: 4 for a row-major A (its rows may overlap: a conv1d's im2col rows), or a row-major
 * matrix's row length for Aᵀ (a filter gradient reads the input that way, conv2d-backprop-filter).
 *
 * The loop over row tiles is outside: a tile's 4 rows of A (4·depth floats) stay in L1 while
 * the panels stream from L2; the packed panels make every B load a whole contiguous half line
 * (unpacked, each row of a tile's 8 columns is a separate line a row stride apart). Per step of
 * k: 2 loads of B, 4 `load32_splat`s of A, 8 multiply-adds on 8 accumulators kept in registers
 * (XNNPACK's f32 "loadsplat" 4×8 layout). Larger tiles or an unrolled k loop were slower in V8
 * (its register allocator spills beyond ~12 live vectors). With `fma`, each multiply-add is one
 * relaxed-SIMD `f32x4.relaxed_madd` (an FMA where the CPU has one).
 */
export function gemmPacked(fma: boolean): WasmFunction {
  const [a, bp, c, depth, rowTiles, panels, aRow, cRow, panelBytes, accumulate, aStep] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
  ];
  const [t, p, k, pb, rowA, rowC, pc, pr, panel] = [11, 12, 13, 14, 15, 16, 17, 18, 19];
  const pa = [20, 21, 22, 23];
  const [b0, b1, s] = [24, 25, 26]; // v128
  const acc = [27, 28, 29, 30, 31, 32, 33, 34]; // v128: row r, half h at acc[2r + h]
  const at = (i: number): number => acc[i] as number;
  const madd = (target: number, vector: number): Code =>
    fma
      ? [get(s), get(vector), get(target), f32x4RelaxedMadd, set(target)] // s·vector + target
      : [get(target), get(s), get(vector), f32x4Mul, f32x4Add, set(target)];
  /** Each row r of the tile at pc: `row(r)` with pr pointing at it. */
  const eachRow = (row: (r: number) => Code): Code => [
    [get(pc), set(pr)],
    [0, 1, 2, 3].map((r) => [row(r), r < 3 ? addTo(pr, get(cRow)) : []]),
  ];
  return {
    name: 'gemm_packed',
    params: 11,
    locals: { i32: 13, v128: 11 },
    body: [
      [get(a), set(rowA), get(c), set(rowC)],
      forRange(t, get(rowTiles), [
        [get(rowC), set(pc), get(bp), set(panel)],
        forRange(p, get(panels), [
          [get(rowA), set(pa[0] as number)],
          [1, 2, 3].map((r) => [get(pa[r - 1] as number), get(aRow), i32Add, set(pa[r] as number)]),
          [get(panel), set(pb)],
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
              madd(at(2 * r), b0),
              madd(at(2 * r + 1), b1),
              addTo(pa[r] as number, get(aStep)),
            ]),
            addTo(pb, i32(32)),
          ]),
          eachRow((r) => [
            [get(pr), get(at(2 * r)), v128Store()],
            [get(pr), get(at(2 * r + 1)), v128Store(16)],
          ]),
          [addTo(pc, i32(32)), addTo(panel, get(panelBytes))],
        ]),
        [addTo(rowA, [get(aRow), i32(4), i32Mul]), addTo(rowC, [get(cRow), i32(4), i32Mul])],
      ]),
    ],
  };
}

/**
 * pack_b(b, dst, depth, panels, bRowBytes): the first `panels`·8 columns of B [depth, ·] (rows
 * `bRowBytes` apart) into panels of 8 columns, dst[p][k][0..8] = B[k][8p..8p+8], contiguous.
 */
export function packB(): WasmFunction {
  const [b, dst, depth, panels, bRow] = [0, 1, 2, 3, 4];
  const [p, k, pb] = [5, 6, 7];
  return {
    name: 'pack_b',
    params: 5,
    locals: { i32: 3 },
    body: forRange(p, get(panels), [
      [get(b), get(p), i32(32), i32Mul, i32Add, set(pb)],
      forRange(k, get(depth), [
        [get(dst), get(pb), v128Load(), v128Store()],
        [get(dst), get(pb), v128Load(16), v128Store(16)],
        [addTo(dst, i32(32)), addTo(pb, get(bRow))],
      ]),
    ]),
  };
}
