import type { Code, WasmFunction } from './wasm-encoder.ts';
import {
  addTo,
  f32Add,
  f32Load,
  f32Mul,
  f32Store,
  f32x4Add,
  f32x4Mul,
  f32x4Splat,
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

/**
 * add_vv / mul_vv(a, b, out, n, count, aStepBytes, bStepBytes):
 *   out[r·n + j] = a[r·aStep + j] ⊙ b[r·bStep + j]         (float32, r < count, j < n)
 * add_vs / mul_vs(…): the same with b[r·bStep] broadcast along j.
 * 16 lanes a pass (four vectors, so one pass's operations do not wait on each other), then 4,
 * then 1. Each output is one IEEE float32 operation, as in the kernels they replace.
 */
export function arithmetic(op: 'add' | 'mul', broadcastB: boolean): WasmFunction {
  const [a, b, out, n, count, aStep, bStep] = [0, 1, 2, 3, 4, 5, 6];
  const [r, j, o] = [7, 8, 9]; // i32: row, element, its byte offset
  const bScalar = 10; // f32
  const bVector = 11; // v128
  const [op4, op1] = op === 'add' ? [f32x4Add, f32Add] : [f32x4Mul, f32Mul];
  const pass = (lanes: 1 | 4 | 16): Code => {
    const vectors = lanes === 16 ? 4 : 1;
    const [load, store, apply] =
      lanes === 1 ? [f32Load, f32Store, op1] : [v128Load, v128Store, op4];
    const rhs = (offset: number): Code =>
      broadcastB ? get(lanes === 1 ? bScalar : bVector) : [get(b), get(o), i32Add, load(offset)];
    return [
      [get(j), i32(2), i32Shl, set(o)],
      Array.from({ length: vectors }, (_, k) => [
        [get(out), get(o), i32Add],
        [get(a), get(o), i32Add, load(16 * k), rhs(16 * k), apply],
        store(16 * k),
      ]),
      addTo(j, i32(lanes)),
    ];
  };
  return {
    name: `${op}_${broadcastB ? 'vs' : 'vv'}`,
    params: 7,
    locals: { i32: 3, f32: 1, v128: 1 },
    body: forRange(r, get(count), [
      broadcastB ? [get(b), f32Load(), set(bScalar), get(bScalar), f32x4Splat, set(bVector)] : [],
      [i32(0), set(j)],
      whileNot([get(j), i32(16), i32Add, get(n), i32GtU], pass(16)),
      whileNot([get(j), i32(4), i32Add, get(n), i32GtU], pass(4)),
      whileNot([get(j), get(n), i32GeU], pass(1)),
      [addTo(a, get(aStep)), addTo(b, get(bStep))],
      addTo(out, [get(n), i32(2), i32Shl]),
    ]),
  };
}
