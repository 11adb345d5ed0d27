import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { liveCounts, runOn, seeded } from '../cpu-parity.testing.ts';
import { gemmPacked, packB, packedBytes } from './packed-gemm.ts';
import { simdModule } from './simd-module.ts';

/** C (+)= A · B in double for `items` products sharing B; A's rows `aStride` elements apart. */
function reference(
  a: Float32Array,
  b: Float32Array,
  c0: Float32Array | undefined,
  shape: {
    items: number;
    rows: number;
    depth: number;
    cols: number;
    aStride: number;
    aItem: number;
  },
) {
  const { items, rows, depth, cols, aStride, aItem } = shape;
  const c = new Float64Array(items * rows * cols);
  for (let it = 0; it < items; it++)
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) {
        let sum = c0 === undefined ? 0 : (c0[(it * rows + i) * cols + j] as number);
        for (let k = 0; k < depth; k++)
          sum += (a[it * aItem + i * aStride + k] as number) * (b[k * cols + j] as number);
        c[(it * rows + i) * cols + j] = sum;
      }
  return c;
}

describe("Strand's packed SIMD gemm", () => {
  it.each([
    // items, rows, depth, cols, A row stride (elements), accumulate
    [1, 4, 8, 8, 8, false],
    [1, 1, 3, 5, 3, false], // fewer rows than a tile and columns than a panel
    [2, 13, 9, 21, 9, false], // ragged rows and columns
    [3, 6, 48, 64, 4, false], // overlapping rows of A (a stride-1 conv1d's im2col)
    [2, 10, 700, 19, 700, true], // depth in several blocks, accumulated onto C
    [1, 53, 384, 96, 32, false], // DeepSEA conv3 class: 13 tiles + 1 ragged row
  ])(
    'matches a double-precision product: %i × (%i × %i · × %i), A stride %i, accumulate %s',
    async (items, rows, depth, cols, stride, accumulate) => {
      await runOn('wasm', () => tf.scalar(0));
      const wasm = tf.backend() as BackendWasm;
      const aItem = (rows - 1) * stride + depth;
      const aValues = seeded(items * aItem, 3);
      const bValues = seeded(depth * cols, 4);
      const cValues = seeded(items * rows * cols, 5);
      const a = tf.tensor(aValues);
      const b = tf.tensor(bValues);
      // Every output must be written (NaN otherwise), or accumulated onto.
      const c = accumulate ? tf.tensor(cValues) : tf.fill([items * rows * cols], NaN);
      const packed = tf.zeros([packedBytes(depth, cols) / 4]);
      const offset = (t: tf.Tensor): number => wasm.getMemoryOffset(t.dataId);
      const simd = simdModule(wasm);
      const pb = packB(wasm, simd, offset(b), depth, cols, offset(packed));
      const list = Array.from({ length: items }, (_, i) => ({
        a: offset(a) + i * aItem * 4,
        c: offset(c) + i * rows * cols * 4,
      }));
      gemmPacked(wasm, simd, list, rows, stride * 4, pb, cols * 4, accumulate);
      const shape = { items, rows, depth, cols, aStride: stride, aItem };
      const expected = reference(aValues, bValues, accumulate ? cValues : undefined, shape);
      const actual = c.dataSync();
      expected.forEach((e, i) =>
        expect(Math.abs((actual[i] as number) - e), `C[${i}]`).toBeLessThanOrEqual(
          1e-5 * Math.max(1, Math.abs(e)) * Math.sqrt(depth),
        ),
      );
      tf.dispose([a, b, c, packed]);
    },
  );

  it('frees its scratch buffers', async () => {
    await runOn('wasm', () => tf.scalar(0));
    const wasm = tf.backend() as BackendWasm;
    const [a, b, c] = [tf.ones([7, 9]), tf.ones([9, 11]), tf.zeros([7, 11])];
    const packed = tf.zeros([packedBytes(9, 11) / 4]);
    const offset = (t: tf.Tensor): number => wasm.getMemoryOffset(t.dataId);
    const simd = simdModule(wasm);
    const before = liveCounts();
    const pb = packB(wasm, simd, offset(b), 9, 11, offset(packed));
    gemmPacked(wasm, simd, [{ a: offset(a), c: offset(c) }], 7, 36, pb, 44);
    expect(liveCounts()).toEqual(before);
    expect(c.dataSync()[0]).toBe(9);
    tf.dispose([a, b, c, packed]);
  });
});
