import type { Code, WasmFunction } from './wasm-encoder.ts';
import {
  addTo,
  f32Add,
  f32Eq,
  f32Load,
  f32Max,
  f32Mul,
  f32Zero,
  f32Store,
  f32x4Add,
  f32x4Eq,
  f32x4Max,
  f32x4Mul,
  f32x4Splat,
  forRange,
  get,
  i16x8NarrowI32x4S,
  i32,
  i32Add,
  i32GeU,
  i32GtU,
  i32Mul,
  i32Shl,
  i32Store8,
  i8x16NarrowI16x8S,
  i8x16Splat,
  set,
  v128And,
  v128Load,
  v128Store,
  whileNot,
} from './wasm-ops.ts';

/*
 * The functions of Strand's SIMD helper module. Pointers are byte offsets into the tfjs heap;
 * counts are elements. Map:
 *   equal_vv / equal_vs  float32 compare → bool bytes, over `count` rows of `n` (16 lanes a pass)
 *   max_mid / sum_mid    reduce the middle axis of [outer, mid, inner] float32 (4 lanes a pass)
 *   gather_rows          strided float32 copies, row by row, for im2col
 *   gemm_4x8 / gemm_edge C = A · B, one 4×8 tile of C (SIMD), or any small rectangle (scalar)
 */

/** `local << 2`: an element index as a float32 byte offset. */
const bytes = (local: number): Code => [get(local), i32(2), i32Shl];

// equal_vv(a, b, out, n, count, aStepBytes, bStepBytes): out[r·n + j] = a[r·aStep + j] == b[r·bStep + j]
// equal_vs(...): the same with b[r·bStep] broadcast along j.
function equal(broadcastB: boolean): WasmFunction {
  const [a, b, out, n, count, aStep, bStep] = [0, 1, 2, 3, 4, 5, 6];
  const [r, j, pa, pb] = [7, 8, 9, 10];
  const bScalar = 11; // f32
  const bVector = 12; // v128
  const rhs = (offset: number): Code => (broadcastB ? get(bVector) : [get(pb), v128Load(offset)]);
  const eq4 = (offset: number): Code => [get(pa), v128Load(offset), rhs(offset), f32x4Eq];
  return {
    name: broadcastB ? 'equal_vs' : 'equal_vv',
    params: 7,
    locals: { i32: 4, f32: 1, v128: 1 },
    body: forRange(r, get(count), [
      broadcastB ? [get(b), f32Load(), set(bScalar), get(bScalar), f32x4Splat, set(bVector)] : [],
      i32(0),
      set(j),
      whileNot(
        [get(j), i32(16), i32Add, get(n), i32GtU],
        [
          [get(a), bytes(j), i32Add, set(pa)],
          [get(b), bytes(j), i32Add, set(pb)],
          [get(out), get(j), i32Add],
          [eq4(0), eq4(16), i16x8NarrowI32x4S, eq4(32), eq4(48), i16x8NarrowI32x4S],
          [i8x16NarrowI16x8S, i32(1), i8x16Splat, v128And, v128Store()],
          addTo(j, i32(16)),
        ],
      ),
      whileNot(
        [get(j), get(n), i32GeU],
        [
          [get(out), get(j), i32Add],
          [get(a), bytes(j), i32Add, f32Load()],
          broadcastB ? get(bScalar) : [get(b), bytes(j), i32Add, f32Load()],
          [f32Eq, i32Store8(), addTo(j, i32(1))],
        ],
      ),
      [addTo(a, get(aStep)), addTo(b, get(bStep)), addTo(out, get(n))],
    ]),
  };
}

// max_mid / sum_mid(x, out, outer, mid, inner): out[o, i] = reduce_m x[o, m, i]
function reduceMiddle(kind: 'max' | 'sum'): WasmFunction {
  const [x, out, outer, mid, inner] = [0, 1, 2, 3, 4];
  const [o, i, m, p, rowBytes] = [5, 6, 7, 8, 9];
  const accScalar = 10; // f32
  const accVector = 11; // v128
  const [op4, op1] = kind === 'max' ? [f32x4Max, f32Max] : [f32x4Add, f32Add];
  const lanes = (width: 1 | 4): Code => {
    const [load, store, op, acc] =
      width === 4
        ? [v128Load(), v128Store(), op4, accVector]
        : [f32Load(), f32Store(), op1, accScalar];
    return [
      [get(x), bytes(i), i32Add, set(p)],
      [get(p), load, set(acc), i32(1), set(m)],
      whileNot(
        [get(m), get(mid), i32GeU],
        [addTo(p, get(rowBytes)), get(acc), get(p), load, op, set(acc), addTo(m, i32(1))],
      ),
      [get(out), bytes(i), i32Add, get(acc), store],
      addTo(i, i32(width)),
    ];
  };
  return {
    name: `${kind}_mid`,
    params: 5,
    locals: { i32: 5, f32: 1, v128: 1 },
    body: [
      bytes(inner),
      set(rowBytes),
      forRange(o, get(outer), [
        i32(0),
        set(i),
        whileNot([get(i), i32(4), i32Add, get(inner), i32GtU], lanes(4)),
        whileNot([get(i), get(inner), i32GeU], lanes(1)),
        addTo(x, [get(mid), get(rowBytes), i32Mul]),
        addTo(out, get(rowBytes)),
      ]),
    ],
  };
}

// gather_rows(src, dst, rows, n, strideBytes, srcRowBytes, dstRowBytes):
//   dst[r · dstRow + j] = src[r · srcRow + j · stride] (float32, strides in bytes)
function gatherRows(): WasmFunction {
  const [src, dst, rows, n, stride, srcRow, dstRow] = [0, 1, 2, 3, 4, 5, 6];
  const [r, j, ps, pd] = [7, 8, 9, 10];
  return {
    name: 'gather_rows',
    params: 7,
    locals: { i32: 4 },
    body: forRange(r, get(rows), [
      [get(src), set(ps), get(dst), set(pd)],
      forRange(j, get(n), [
        [get(pd), get(ps), f32Load(), f32Store()],
        [addTo(pd, i32(4)), addTo(ps, get(stride))],
      ]),
      [addTo(src, get(srcRow)), addTo(dst, get(dstRow))],
    ]),
  };
}

// gemm_4x8(a, b, c, m, aRowBytes, bRowBytes, cRowBytes): the 4×8 tile at c of C = A · B,
//   C[i, j] = Σ_k A[i, k] · B[k, j] over k < m. Each pass over k loads 8 values of B's row once
//   and splats 4 of A's column (the layout of XNNPACK's f32 "splat" GEMM microkernels), so the
//   8 accumulators stay in registers. Unlike XNNPACK's fully-connected operator it needs no
//   packed copy of B, which for a fresh 368k-element gradient costs more than the product.
function gemmTile(): WasmFunction {
  const [a, b, c, m, aRow, bRow, cRow] = [0, 1, 2, 3, 4, 5, 6];
  const [k, pb] = [7, 8];
  const pa = [9, 10, 11, 12];
  const [b0, b1, s] = [13, 14, 15]; // v128
  const acc = [16, 17, 18, 19, 20, 21, 22, 23]; // v128: row i, half h at acc[2i + h]
  const fma = (target: number, vector: number): Code => [
    get(target),
    get(s),
    get(vector),
    f32x4Mul,
    f32x4Add,
    set(target),
  ];
  return {
    name: 'gemm_4x8',
    params: 7,
    locals: { i32: 6, v128: 11 },
    body: [
      [get(a), set(pa[0])],
      [1, 2, 3].map((i) => [get(pa[i - 1]), get(aRow), i32Add, set(pa[i])]),
      [get(b), set(pb)],
      forRange(k, get(m), [
        [get(pb), v128Load(), set(b0), get(pb), v128Load(16), set(b1)],
        [0, 1, 2, 3].map((i) => [
          [get(pa[i]), f32Load(), f32x4Splat, set(s)],
          fma(acc[2 * i], b0),
          fma(acc[2 * i + 1], b1),
          addTo(pa[i], i32(4)),
        ]),
        addTo(pb, get(bRow)),
      ]),
      [0, 1, 2, 3].map((i) => [
        [get(c), get(acc[2 * i]), v128Store(), get(c), get(acc[2 * i + 1]), v128Store(16)],
        addTo(c, get(cRow)),
      ]),
    ],
  };
}

// gemm_edge(a, b, c, m, rows, cols, aRowBytes, bRowBytes, cRowBytes): a rows × cols block of
//   C = A · B with scalar loops, for the edges the 4×8 tiles do not cover.
function gemmEdge(): WasmFunction {
  const [a, b, c, m, rows, cols, aRow, bRow, cRow] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const [i, j, k, pa, pb] = [9, 10, 11, 12, 13];
  const sum = 14; // f32
  return {
    name: 'gemm_edge',
    params: 9,
    locals: { i32: 5, f32: 1 },
    body: forRange(i, get(rows), [
      forRange(j, get(cols), [
        [f32Zero, set(sum), get(a), set(pa), get(b), bytes(j), i32Add, set(pb)],
        forRange(k, get(m), [
          [get(sum), get(pa), f32Load(), get(pb), f32Load(), f32Mul, f32Add, set(sum)],
          [addTo(pa, i32(4)), addTo(pb, get(bRow))],
        ]),
        [get(c), bytes(j), i32Add, get(sum), f32Store()],
      ]),
      [addTo(a, get(aRow)), addTo(c, get(cRow))],
    ]),
  };
}

/** All functions of the module, in export order. */
export const SIMD_FUNCTIONS: readonly WasmFunction[] = [
  equal(false),
  equal(true),
  reduceMiddle('max'),
  reduceMiddle('sum'),
  gatherRows(),
  gemmTile(),
  gemmEdge(),
];
