import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { runOn, seeded } from '../cpu-parity.testing.ts';
import { gemm } from './gemm.ts';
import { simdModule } from './simd-module.ts';

/** C = A · B in double, A's rows `aStride` elements apart. */
function reference(
  a: Float32Array,
  b: Float32Array,
  rows: number,
  depth: number,
  cols: number,
  aStride: number,
) {
  const c = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      let sum = 0;
      for (let k = 0; k < depth; k++)
        sum += (a[i * aStride + k] as number) * (b[k * cols + j] as number);
      c[i * cols + j] = sum;
    }
  return c;
}

describe("Strand's SIMD gemm", () => {
  it.each([
    // rows, depth, cols, A row stride (elements)
    [1, 1, 1, 1],
    [3, 5, 7, 5],
    [4, 8, 8, 8],
    [13, 9, 21, 9], // ragged rows and columns: overlapping last tiles
    [6, 48, 64, 4], // overlapping rows of A (a stride-1 conv1d's im2col)
    [10, 300, 19, 300], // depth in two blocks, accumulated, with scalar edges
    [48, 600, 64, 600], // the conv filter gradient's shape class
  ])(
    'matches a double-precision product for %i × %i · × %i (A stride %i)',
    async (rows, depth, cols, stride) => {
      await runOn('wasm', () => tf.scalar(0));
      const wasm = tf.backend() as BackendWasm;
      const aValues = seeded((rows - 1) * stride + depth, 3);
      const bValues = seeded(depth * cols, 4);
      const [a, b] = [tf.tensor(aValues), tf.tensor(bValues)];
      const c = tf.fill([rows * cols], NaN); // every output must be written
      const offset = (t: tf.Tensor): number => wasm.getMemoryOffset(t.dataId);
      gemm(simdModule(wasm), offset(a), offset(b), offset(c), rows, depth, cols, stride * 4);
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
