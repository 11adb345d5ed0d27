import type { Code, WasmFunction } from './wasm-encoder.ts';
import {
  addTo,
  f32Add,
  f32Load,
  f32Mul,
  f32Store,
  f32Sub,
  f32x4Add,
  f32x4Mul,
  f32x4Splat,
  f32x4Sub,
  f32Zero,
  forRange,
  get,
  i32,
  i32Add,
  i32GeU,
  i32GtU,
  i32Shl,
  set,
  v128Load,
  v128Store,
  whileNot,
} from './wasm-ops.ts';

/** `local << 2`: an element index as a float32 byte offset. */
const bytes = (local: number): Code => [get(local), i32(2), i32Shl];

/** load, store, add, sub, mul on one float32 (width 1) or four (width 4). */
const laneOps = (width: 1 | 4) =>
  width === 1
    ? ([f32Load, f32Store, f32Add, f32Sub, f32Mul] as const)
    : ([v128Load, v128Store, f32x4Add, f32x4Sub, f32x4Mul] as const);

/**
 * bn_sums(a, b, ma, mb, s1, s2, rows, n): per column j < n of two [rows, n] float32 tables,
 *   s1[j] = Σ_r a[r, j]        s2[j] = Σ_r (a[r, j] − ma[j]) · (b[r, j] − mb[j])
 * A batch normalisation's variance (a = b = x, ma = mb = the mean) and its gradient's two sums
 * (a = dy, ma = 0, b = x, mb = the mean) in one pass each. Row by row, 4 columns at a time (then
 * 1), the sums kept in s1 and s2 (a few kB, in L1): the tables stream once in memory order, and
 * each sum adds in row order as a plain loop does.
 */
export function bnSums(): WasmFunction {
  const [a, b, ma, mb, s1, s2, rows, n] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [r, j, o, rowBytes] = [8, 9, 10, 11];
  const columns = (width: 1 | 4): Code => {
    const [load, store, add, sub, mul] = laneOps(width);
    const at = (base: number): Code => [get(base), get(o), i32Add];
    const column = (base: number): Code => [get(base), bytes(j), i32Add];
    return [
      [bytes(j), set(o)],
      [column(s1), column(s1), load(), at(a), load(), add, store()],
      [column(s2), column(s2), load()],
      [at(a), load(), column(ma), load(), sub],
      [at(b), load(), column(mb), load(), sub],
      [mul, add, store()],
      addTo(j, i32(width)),
    ];
  };
  const zero = (width: 1 | 4): Code => {
    const [store, value]: [Code, Code] =
      width === 1 ? [f32Store(), f32Zero] : [v128Store(), [f32Zero, f32x4Splat]];
    return [
      [get(s1), bytes(j), i32Add, value, store],
      [get(s2), bytes(j), i32Add, value, store],
      addTo(j, i32(width)),
    ];
  };
  return {
    name: 'bn_sums',
    params: 8,
    locals: { i32: 4 },
    body: [
      [bytes(n), set(rowBytes)],
      [i32(0), set(j)],
      whileNot([get(j), i32(4), i32Add, get(n), i32GtU], zero(4)),
      whileNot([get(j), get(n), i32GeU], zero(1)),
      forRange(r, get(rows), [
        [i32(0), set(j)],
        whileNot([get(j), i32(4), i32Add, get(n), i32GtU], columns(4)),
        whileNot([get(j), get(n), i32GeU], columns(1)),
        addTo(a, get(rowBytes)),
        addTo(b, get(rowBytes)),
      ]),
    ],
  };
}

/**
 * bn_affine(a, b, c, k1, k2, k3, out, rows, n): for each row r of [rows, n] float32 tables,
 *   out[r, j] = a[r, j] · k1[j] + (b[r, j] − c[j]) · k2[j] + k3[j]
 * A batch normalisation's output (k1 = 0, b = x, c = the mean, k2 = γ/σ, k3 = β) and its input
 * gradient (a = dy, k1 = γ/σ, b = x, c = the mean, k2, k3 from the sums) in one pass; centring
 * before scaling keeps a large mean from cancelling digits. 4 lanes a pass, then 1.
 */
export function bnAffine(): WasmFunction {
  const [a, b, c, k1, k2, k3, out, rows, n] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const [r, j, o, rowBytes] = [9, 10, 11, 12];
  const pass = (width: 1 | 4): Code => {
    const [load, store, add, sub, mul] = laneOps(width);
    const at = (base: number): Code => [get(base), get(o), i32Add, load()];
    const column = (base: number): Code => [get(base), bytes(j), i32Add, load()];
    return [
      [bytes(j), set(o)],
      [get(out), get(o), i32Add],
      [at(a), column(k1), mul],
      [at(b), column(c), sub, column(k2), mul, add],
      [column(k3), add],
      store(),
      addTo(j, i32(width)),
    ];
  };
  return {
    name: 'bn_affine',
    params: 9,
    locals: { i32: 4 },
    body: [
      [bytes(n), set(rowBytes)],
      forRange(r, get(rows), [
        [i32(0), set(j)],
        whileNot([get(j), i32(4), i32Add, get(n), i32GtU], pass(4)),
        whileNot([get(j), get(n), i32GeU], pass(1)),
        addTo(a, get(rowBytes)),
        addTo(b, get(rowBytes)),
        addTo(out, get(rowBytes)),
      ]),
    ],
  };
}
