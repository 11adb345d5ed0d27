import { adamUpdate } from './adam-function.ts';
import { bnAffine, bnSums } from './batch-norm-functions.ts';
import { arithmetic } from './arith-functions.ts';
import { gemmNt } from './gemm-nt-function.ts';
import { gemmPacked, packB } from './gemm-packed-function.ts';
import { maxPoolGrad1d } from './pool-functions.ts';
import type { Code, WasmFunction } from './wasm-encoder.ts';
import {
  addTo,
  f32Add,
  f32Eq,
  f32Load,
  f32Max,
  f32Store,
  f32x4Add,
  f32x4Eq,
  f32x4Max,
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
 *   gather_rows          strided float32 copies, row by row (ragged edges, padded inputs)
 *   gemm_packed / pack_b  C (+)= A · B on B packed in panels of 8 columns (gemm-packed-function.ts)
 *   gemm_nt_2x4 / _1x1  C = A · Bᵀ reading both along their rows (gemm-nt-function.ts)
 *   max_pool_grad_1d  a 1-D max pool's gradient, 4 channels a pass (pool-functions.ts)
 *   adam_update          one Adam step over a variable (see adam-function.ts)
 *   add_vv / add_vs …    float32 a + b, a · b over `count` rows of `n` (arith-functions.ts)
 *   bn_sums / bn_affine  a batch normalisation's column sums and per-column affine passes
 *                        (batch-norm-functions.ts)
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
//   16 lanes a pass (four independent accumulators, so the adds or maxes of one pass do not
//   wait on each other: 0.28 → ~0.1 ms on a [64, 90, 64] global max pool), then 4, then 1.
//   Each lane still reduces m in order, so sums are those of a plain loop.
function reduceMiddle(kind: 'max' | 'sum'): WasmFunction {
  const [x, out, outer, mid, inner] = [0, 1, 2, 3, 4];
  const [o, i, m, p, rowBytes] = [5, 6, 7, 8, 9];
  const accScalar = 10; // f32
  const accVectors = [11, 12, 13, 14]; // v128
  const [op4, op1] = kind === 'max' ? [f32x4Max, f32Max] : [f32x4Add, f32Add];
  const lanes = (width: 1 | 4 | 16): Code => {
    const vectors = width === 16 ? 4 : 1;
    const [load, store, op] = width === 1 ? [f32Load, f32Store, op1] : [v128Load, v128Store, op4];
    const acc = (k: number): number => (width === 1 ? accScalar : (accVectors[k] as number));
    const each = (code: (k: number) => Code): Code =>
      Array.from({ length: vectors }, (_, k) => code(k));
    return [
      [get(x), bytes(i), i32Add, set(p)],
      each((k) => [get(p), load(16 * k), set(acc(k))]),
      [i32(1), set(m)],
      whileNot(
        [get(m), get(mid), i32GeU],
        [
          addTo(p, get(rowBytes)),
          each((k) => [get(acc(k)), get(p), load(16 * k), op, set(acc(k))]),
          addTo(m, i32(1)),
        ],
      ),
      each((k) => [get(out), bytes(i), i32Add, get(acc(k)), store(16 * k)]),
      addTo(i, i32(width)),
    ];
  };
  return {
    name: `${kind}_mid`,
    params: 5,
    locals: { i32: 5, f32: 1, v128: 4 },
    body: [
      bytes(inner),
      set(rowBytes),
      forRange(o, get(outer), [
        i32(0),
        set(i),
        whileNot([get(i), i32(16), i32Add, get(inner), i32GtU], lanes(16)),
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

/** All functions of the module, in export order; `fma`: the GEMM multiply-adds in one rounding. */
export function simdFunctions(fma: boolean): WasmFunction[] {
  return [
    equal(false),
    equal(true),
    reduceMiddle('max'),
    reduceMiddle('sum'),
    gatherRows(),
    gemmPacked(fma),
    packB(),
    gemmNt(2, 4),
    gemmNt(1, 1),
    maxPoolGrad1d(),
    adamUpdate(),
    arithmetic('add', false),
    arithmetic('add', true),
    arithmetic('mul', false),
    arithmetic('mul', true),
    bnSums(),
    bnAffine(),
  ];
}
