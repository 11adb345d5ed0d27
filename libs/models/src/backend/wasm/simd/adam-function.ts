import type { Code, WasmFunction } from './wasm-encoder.ts';
import {
  addTo,
  f32Add,
  f32Div,
  f32Load,
  f32Mul,
  f32Sqrt,
  f32Store,
  f32x4Add,
  f32x4Div,
  f32x4Mul,
  f32x4Splat,
  f32x4Sqrt,
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
 * adam_update(value, m, v, g, outValue, outM, outV, n;
 *             β₁, 1 − β₁, β₂, 1 − β₂, 1 − β₁ᵗ, 1 − β₂ᵗ, −lr, ε)   (pointers i32, scalars f32)
 *
 *   m' = m·β₁ + g·(1 − β₁)      v' = v·β₂ + (g·g)·(1 − β₂)
 *   value' = ((m' / (1 − β₁ᵗ)) / (√(v' / (1 − β₂ᵗ)) + ε)) · (−lr) + value
 *
 * over n float32 elements, 4 lanes a pass then a scalar tail, in the order of operations of
 * tfjs' AdamOptimizer (see ../../adam-update.ts): each wasm f32 operation rounds as IEEE does,
 * as the tfjs kernels do, so the results are theirs. One pass reads 4 arrays and writes 3, where
 * tfjs' ~13 kernels each read and write a whole tensor.
 */
export function adamUpdate(): WasmFunction {
  const [value, m, v, g, outValue, outM, outV, n] = [0, 1, 2, 3, 4, 5, 6, 7];
  const scalars = [8, 9, 10, 11, 12, 13, 14, 15]; // f32 parameters, in the order above
  const [b1, c1, b2, c2, om1, om2, negLr, eps] = scalars as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [i, o] = [16, 17]; // i32: element index, its byte offset
  const f32Temps = [18, 19, 20]; // g, m', v' of the scalar tail
  const splats = [21, 22, 23, 24, 25, 26, 27, 28]; // v128: each scalar in 4 lanes
  const v128Temps = [29, 30, 31]; // g, m', v' of a 4-lane pass
  const pass = (lanes: 1 | 4): Code => {
    const wide = lanes === 4;
    const [load, store] = wide ? [v128Load(), v128Store()] : [f32Load(), f32Store()];
    const [mul, add, div, sqrt] = wide
      ? [f32x4Mul, f32x4Add, f32x4Div, f32x4Sqrt]
      : [f32Mul, f32Add, f32Div, f32Sqrt];
    const k = (scalar: number): Code => get(wide ? (splats[scalar - 8] as number) : scalar);
    const [tg, tm, tv] = (wide ? v128Temps : f32Temps) as [number, number, number];
    const at = (pointer: number): Code => [get(pointer), get(o), i32Add];
    return [
      [get(i), i32(2), i32Shl, set(o)],
      [at(g), load, set(tg)],
      [at(m), load, k(b1), mul, get(tg), k(c1), mul, add, set(tm)],
      [at(outM), get(tm), store],
      [at(v), load, k(b2), mul, get(tg), get(tg), mul, k(c2), mul, add, set(tv)],
      [at(outV), get(tv), store],
      at(outValue),
      [get(tm), k(om1), div, get(tv), k(om2), div, sqrt, k(eps), add, div],
      [k(negLr), mul, at(value), load, add, store],
      addTo(i, i32(lanes)),
    ];
  };
  return {
    name: 'adam_update',
    params: 8,
    f32Params: 8,
    locals: { i32: 2, f32: 3, v128: 11 },
    body: [
      scalars.map((s, j) => [get(s), f32x4Splat, set(splats[j] as number)]),
      [i32(0), set(i)],
      whileNot([get(i), i32(4), i32Add, get(n), i32GtU], pass(4)),
      whileNot([get(i), get(n), i32GeU], pass(1)),
    ],
  };
}
