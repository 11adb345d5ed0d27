import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { expectParity, liveCounts, runOn, seeded } from './cpu-parity.testing.ts';

/** The gradient of Σ (maxPool1d(x) · w) with respect to x, as tf.layers' maxPooling1d computes it. */
function poolGrad(shape: [number, number, number], pool: number, values?: Float32Array) {
  return (): tf.Tensor => {
    const x = tf.tensor3d(values ?? seeded(shape[0] * shape[1] * shape[2], 7), shape);
    const layer = tf.layers.maxPooling1d({ poolSize: pool });
    return tf.grad((v: tf.Tensor) => {
      const y = layer.apply(v) as tf.Tensor;
      return y.mul(tf.tensor(seeded(y.size, 3), y.shape)).sum();
    })(x);
  };
}

describe('MaxPoolGrad on wasm (Strand: 1-D pools in SIMD)', () => {
  it.each([
    ['DeepSEA-like: pool 4, rows not a multiple of 4', [3, 29, 8], 4],
    ['Basset-like: pool 3', [2, 30, 12], 3],
    ['pool 1', [2, 5, 4], 1],
    ['pool 13 (DanQ)', [2, 40, 16], 13],
  ] as [string, [number, number, number], number][])('matches cpu: %s', async (_, shape, pool) => {
    await expectParity(poolGrad(shape, pool));
  });

  it('sends a tied window to its first maximum, and nothing to a window of −∞, as cpu', async () => {
    const values = new Float32Array([1, 1, 1, 1, 2, 2, 2, 2, -1, 3, 3, 0, 5, 2, 5, 5]);
    const neg = new Float32Array(16).fill(-Infinity);
    await expectParity(poolGrad([1, 4, 4], 4, values));
    await expectParity(poolGrad([1, 4, 4], 2, values));
    await expectParity(poolGrad([1, 4, 4], 4, neg));
  });

  it('matches cpu on channel counts off 4 (scalar tail)', async () => {
    await expectParity(poolGrad([2, 12, 3], 4));
    await expectParity(poolGrad([2, 13, 7], 3));
  });

  it('leaves no tensor and no wasm buffer behind', async () => {
    const f = poolGrad([2, 9, 8], 4);
    await runOn('wasm', f);
    const before = liveCounts();
    await runOn('wasm', f);
    expect(liveCounts()).toEqual(before);
  });
});
