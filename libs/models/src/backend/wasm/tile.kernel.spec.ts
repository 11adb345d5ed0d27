import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { expectParity, liveCounts, runOn, seeded } from './cpu-parity.testing.ts';

const t = (shape: number[], seed: number): tf.Tensor =>
  tf.tensor(seeded(tf.util.sizeFromShape(shape), seed), shape);

describe('Tile on wasm (Strand: block copies)', () => {
  it.each([
    ['batch norm statistics over a batch', [1, 1, 1, 6], [4, 7, 1, 1]],
    ['every dimension repeated', [2, 3, 4], [3, 2, 5]],
    ['innermost only', [5, 3], [1, 4]],
    ['nothing repeated', [2, 3], [1, 1]],
    ['odd repetitions (doubling then a remainder)', [3], [7]],
    ['a zero repetition', [2, 2], [0, 3]],
  ] as [string, number[], number[]][])('matches cpu: %s', async (_, shape, reps) => {
    await expectParity(() => tf.tile(t(shape, 1), reps));
  });

  it('tiles int32 and bool tensors', async () => {
    await expectParity(() => tf.tile(tf.tensor2d([1, -2, 3, 4], [2, 2], 'int32'), [3, 2]));
    await expectParity(() => tf.tile(tf.tensor1d([true, false, true], 'bool'), [5]));
  });

  it('gives batch norm the gradient cpu gives', async () => {
    await expectParity(() => {
      const x = t([4, 10, 1, 6], 2);
      const layer = tf.layers.batchNormalization({ axis: -1 });
      return tf.grad((v: tf.Tensor) =>
        (layer.apply(v, { training: true }) as tf.Tensor).mul(t([4, 10, 1, 6], 3)).sum(),
      )(x);
    });
  });

  it('leaves no tensor and no wasm buffer behind', async () => {
    const f = () => tf.tile(t([1, 3], 1), [5, 2]);
    await runOn('wasm', f);
    const before = liveCounts();
    await runOn('wasm', f);
    expect(liveCounts()).toEqual(before);
  });
});
