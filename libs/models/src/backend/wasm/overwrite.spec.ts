import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { runOn, seeded } from './cpu-parity.testing.ts';
import { overwrite } from './overwrite.ts';

/** A variable that alone holds its memory (the tensor it was made from is disposed). */
const variable = (values: Float32Array | number[], shape: number[]): tf.Variable =>
  tf.tidy(() => tf.variable(tf.tensor(values, shape)));

describe('overwrite (wasm)', () => {
  it("writes a weight in place and no cached operator keeps the old values (tfjs' FusedMatMul, Conv2D)", async () => {
    await runOn('wasm', () => tf.scalar(0));
    tf.tidy(() => {
      const x = tf.tensor(seeded(6 * 8, 1), [6, 8]);
      const w = variable(seeded(8 * 5, 2), [8, 5]);
      const conv = variable(seeded(3 * 8 * 4, 3), [3, 8, 4]);
      const input = tf.tensor(seeded(2 * 10 * 8, 4), [2, 10, 8]);
      const run = () => [
        tf.fused.matMul({ a: x, b: w, activation: 'relu' }),
        tf.conv1d(input as tf.Tensor3D, conv as tf.Tensor3D, 1, 'valid'),
      ];
      run(); // the backend caches its operators (XNNPACK packs the weights) by tensor id
      const nextW = seeded(8 * 5, 5);
      const nextConv = seeded(3 * 8 * 4, 6);
      const ids = [w, conv].map((t) => (t as unknown as { dataId: object }).dataId);
      expect(overwrite(w, nextW)).toBe(true);
      expect(overwrite(conv, nextConv)).toBe(true);
      expect([w, conv].map((t) => (t as unknown as { dataId: object }).dataId)).toEqual(ids);
      const want = [
        tf.fused.matMul({ a: x, b: tf.tensor(nextW, [8, 5]), activation: 'relu' }),
        tf.conv1d(input as tf.Tensor3D, tf.tensor(nextConv, [3, 8, 4]) as tf.Tensor3D, 1, 'valid'),
      ];
      run().forEach((got, i) => expect(got.dataSync()).toEqual(want[i]?.dataSync()));
      tf.dispose([w, conv]);
    });
  });

  it('refuses memory another tensor shares, and other backends', async () => {
    await runOn('wasm', () => tf.scalar(0));
    tf.tidy(() => {
      const w = variable([1, 2, 3], [3]);
      const clone = w.clone(); // shares w's memory (Strand's Identity)
      expect(overwrite(w, new Float32Array([4, 5, 6]))).toBe(false);
      expect([...clone.dataSync()]).toEqual([1, 2, 3]);
      clone.dispose();
      expect(overwrite(w, new Float32Array([4, 5]))).toBe(false); // wrong size
      expect(overwrite(w, new Float32Array([4, 5, 6]))).toBe(true);
      expect([...w.dataSync()]).toEqual([4, 5, 6]);
      w.dispose();
    });
    await runOn('cpu', () => tf.scalar(0));
    const v = tf.tensor([1, 2]);
    expect(overwrite(v, new Float32Array([3, 4]))).toBe(false);
    v.dispose();
  });
});
