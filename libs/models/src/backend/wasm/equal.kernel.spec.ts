import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { expectParity, liveCounts, runOn, seeded } from './cpu-parity.testing.ts';

/** Values from {-1, 0, 1} so that equal pairs are frequent. */
function coarse(shape: number[], seed: number, dtype: 'float32' | 'int32' = 'float32'): tf.Tensor {
  const values = seeded(tf.util.sizeFromShape(shape), seed).map((v) => Math.round(v));
  return tf.tensor(values, shape, dtype);
}

describe('Equal on wasm (Strand)', () => {
  const cases: [string, number[], number[]][] = [
    ['same shape, odd size', [3, 7, 5], [3, 7, 5]],
    ['global max pool gradient: [4, 9, 6] vs [4, 1, 6]', [4, 9, 6], [4, 1, 6]],
    ['a broadcast along the inner axis: [5, 1] vs [1, 7]', [5, 1], [1, 7]],
    ['scalar vs vector of 33', [], [33]],
    ['rank 4, several broadcast axes', [2, 3, 4, 5], [2, 1, 4, 1]],
    ['rank 5, outer dims walked in JS', [2, 2, 3, 4, 17], [2, 1, 3, 1, 17]],
  ];
  it.each(cases)('matches cpu: %s', async (_, aShape, bShape) => {
    await expectParity(() => tf.equal(coarse(aShape, 1), coarse(bShape, 2)));
  });

  it('compares a tensor with its broadcast maximum as the max-pool gradient does', async () => {
    await expectParity(() => {
      const x = tf.tensor(seeded(4 * 9 * 6, 3), [4, 9, 6]);
      return tf.equal(x, x.max(1, true));
    });
  });

  it('says NaN equals nothing, itself included', async () => {
    const { values, dtype } = await runOn('wasm', () =>
      tf.equal(tf.tensor([[NaN, 1, NaN, 0]]), tf.tensor([[NaN], [1]])),
    );
    expect(dtype).toBe('bool');
    expect([...values]).toEqual([0, 0, 0, 0, 0, 1, 0, 0]);
  });

  it('delegates int32 to the wasm kernel and still matches cpu', async () => {
    await expectParity(() => tf.equal(coarse([3, 4], 1, 'int32'), coarse([1, 4], 2, 'int32')));
  });

  it('returns an empty bool tensor for empty inputs', async () => {
    const { values, shape } = await runOn('wasm', () =>
      tf.equal(tf.zeros([0, 3]), tf.zeros([1, 3])),
    );
    expect(shape).toEqual([0, 3]);
    expect(values.length).toBe(0);
  });

  it('leaves no tensor and no wasm buffer behind', async () => {
    const f = (): tf.Tensor => tf.equal(coarse([4, 9, 6], 1), coarse([4, 1, 6], 2));
    await runOn('wasm', f);
    const before = liveCounts();
    await runOn('wasm', f);
    expect(liveCounts()).toEqual(before);
  });
});
