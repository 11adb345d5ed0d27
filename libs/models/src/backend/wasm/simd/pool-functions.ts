import type { Code, WasmFunction } from './wasm-encoder.ts';
import {
  addTo,
  f32x4Gt,
  f32x4Splat,
  forRange,
  get,
  i32,
  i32Add,
  i32Mul,
  i32x4Eq,
  i32x4Splat,
  set,
  v128And,
  v128Bitselect,
  v128Load,
  v128Store,
  whileNot,
  i32GeU,
  i32GtU,
  i32Sub,
  f32Load,
  f32Store,
  f32Zero,
  f32Gt,
  i32Eq,
  select,
} from './wasm-ops.ts';

const f32NegInfinity: Code = [0x43, 0x00, 0x00, 0x80, 0xff];

/**
 * max_pool_grad_1d(x, dy, dx, batch, rows, outRows, pool, channels): the gradient of a 1-D max
 * pool with window = stride = `pool` and no padding (tf.layers' maxPooling1d), x and dx
 * [batch, rows, channels], dy [batch, outRows, channels]. Each
 * window's dy goes to the first position holding the window's maximum (strictly greater
 * replaces, from −∞: a window of −∞ or NaN gets no gradient), as the cpu backend's
 * maxPoolPositions; the rest of dx is 0, rows past outRows·pool included (the caller zeroes
 * those). Four channels a pass: the running max and its position with `f32x4.gt` and
 * `v128.bitselect`, then each row of the window gets dy masked by `i32x4.eq(position, j)`; the
 * last channels % 4 one at a time, the same way with scalar compares and `select`.
 */
export function maxPoolGrad1d(): WasmFunction {
  const [x, dy, dx, batch, rows, outRows, pool, channels] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [b, o, j, c, px, pdx, step, rowBytes, itemBytes, jBest] = [
    8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
  ];
  const [mScalar, vScalar] = [18, 19]; // f32
  const [m, idx, v, gt, jv] = [20, 21, 22, 23, 24]; // v128
  const vector: Code = [
    [f32NegInfinity, f32x4Splat, set(m), i32(-1), i32x4Splat, set(idx)],
    [get(px), get(c), i32Add, set(pdx)], // walks the window's rows of x
    forRange(j, get(pool), [
      [get(pdx), v128Load(), set(v)],
      [get(v), get(m), f32x4Gt, set(gt)],
      [get(v), get(m), get(gt), v128Bitselect, set(m)],
      [get(j), i32x4Splat, get(idx), get(gt), v128Bitselect, set(idx)],
      addTo(pdx, get(rowBytes)),
    ]),
    [get(dy), get(c), i32Add, v128Load(), set(v)],
    [get(dx), get(c), i32Add, set(pdx)],
    forRange(j, get(pool), [
      [get(j), i32x4Splat, set(jv)],
      [get(pdx), get(v), get(idx), get(jv), i32x4Eq, v128And, v128Store()],
      addTo(pdx, get(rowBytes)),
    ]),
  ];
  const scalar: Code = [
    [f32NegInfinity, set(mScalar), i32(-1), set(jBest)],
    [get(px), get(c), i32Add, set(pdx)],
    forRange(j, get(pool), [
      [get(pdx), f32Load(), set(vScalar)],
      [get(j), get(jBest), get(vScalar), get(mScalar), f32Gt, select, set(jBest)],
      [get(vScalar), get(mScalar), get(vScalar), get(mScalar), f32Gt, select, set(mScalar)],
      addTo(pdx, get(rowBytes)),
    ]),
    [get(dy), get(c), i32Add, f32Load(), set(vScalar)],
    [get(dx), get(c), i32Add, set(pdx)],
    forRange(j, get(pool), [
      [get(pdx), get(vScalar), f32Zero, get(j), get(jBest), i32Eq, select, f32Store()],
      addTo(pdx, get(rowBytes)),
    ]),
  ];
  return {
    name: 'max_pool_grad_1d',
    params: 8,
    locals: { i32: 10, f32: 2, v128: 5 },
    body: [
      [get(channels), i32(4), i32Mul, set(rowBytes)],
      [get(rows), get(rowBytes), i32Mul, set(itemBytes)],
      forRange(b, get(batch), [
        [get(x), set(px)],
        forRange(o, get(outRows), [
          [i32(0), set(c)],
          whileNot([get(c), i32(16), i32Add, get(rowBytes), i32GtU], [vector, addTo(c, i32(16))]),
          whileNot([get(c), get(rowBytes), i32GeU], [scalar, addTo(c, i32(4))]),
          [get(pool), get(rowBytes), i32Mul, set(step)],
          [addTo(px, get(step)), addTo(dx, get(step)), addTo(dy, get(rowBytes))],
        ]),
        // Next item: x and dx skip the rows past the last window.
        [get(rows), get(outRows), get(pool), i32Mul, i32Sub, get(rowBytes), i32Mul, set(step)],
        [addTo(x, get(itemBytes)), addTo(dx, get(step))],
      ]),
    ],
  };
}
