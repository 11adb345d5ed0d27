import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { runOn, seeded } from '../cpu-parity.testing.ts';
import { gemmNt } from './gemm-nt.ts';
import { simdModule } from './simd-module.ts';

/** C = A · Bᵀ in double, A's and B's rows `stride` elements apart. */
function reference(
  a: Float32Array,
  b: Float32Array,
  rows: number,
  depth: number,
  cols: number,
  stride: number,
) {
  const c = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      let sum = 0;
      for (let k = 0; k < depth; k++)
        sum += (a[i * stride + k] as number) * (b[j * stride + k] as number);
      c[i * cols + j] = sum;
    }
  return c;
}

describe("Strand's SIMD gemmNt (C = A · Bᵀ)", () => {
  it.each([
    // rows, depth, cols, row stride of A and B (elements)
    [1, 1, 1, 1],
    [3, 5, 7, 5], // a depth tail of 1, ragged rows and columns
    [2, 8, 4, 8], // one tile
    [13, 9, 21, 12], // rows wider than the depth read
    [64, 925, 40, 925], // a dense input gradient's class: depth % 4 = 1
  ])(
    'matches a double-precision product for %i × %i · (%i × ·)ᵀ (row stride %i)',
    async (rows, depth, cols, stride) => {
      await runOn('wasm', () => tf.scalar(0));
      const wasm = tf.backend() as BackendWasm;
      const aValues = seeded((rows - 1) * stride + depth, 3);
      const bValues = seeded((cols - 1) * stride + depth, 4);
      const [a, b] = [tf.tensor(aValues), tf.tensor(bValues)];
      const c = tf.fill([rows * cols], NaN); // every output must be written
      const offset = (t: tf.Tensor): number => wasm.getMemoryOffset(t.dataId);
      const simd = simdModule(wasm);
      gemmNt(simd, offset(a), offset(b), offset(c), rows, depth, cols, stride * 4, stride * 4);
      const expected = reference(aValues, bValues, rows, depth, cols, stride);
      const actual = c.dataSync();
      expected.forEach((e, i) =>
        expect(Math.abs((actual[i] as number) - e), `C[${i}]`).toBeLessThanOrEqual(
          1e-5 * Math.max(1, Math.abs(e)) * Math.sqrt(depth),
        ),
      );
      tf.dispose([a, b, c]);
    },
  );
});
