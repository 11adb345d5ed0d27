import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { expectParity, liveCounts, runOn, seeded } from './cpu-parity.testing.ts';

const t = (shape: number[], seed: number): tf.Tensor =>
  tf.tensor(seeded(tf.util.sizeFromShape(shape), seed), shape);

describe.each([
  ['Add', tf.add],
  ['Multiply', tf.mul],
] as const)('%s on wasm (Strand: broadcasting)', (_, op) => {
  const cases: [string, number[], number[]][] = [
    ['conv bias add: [4, 90, 64] ⊙ [1, 1, 64]', [4, 90, 64], [1, 1, 64]],
    ['max-pool gradient: [4, 9, 6] ⊙ [4, 1, 6]', [4, 9, 6], [4, 1, 6]],
    ['the broadcast operand first: [4, 1, 37] ⊙ [4, 5, 37]', [4, 1, 37], [4, 5, 37]],
    ['outer product: [5, 1] ⊙ [1, 21]', [5, 1], [1, 21]],
    ['scalar ⊙ vector of 35 (16 + 16 + 3 lanes)', [], [35]],
    ['inner axis broadcast: [3, 19] ⊙ [3, 1]', [3, 19], [3, 1]],
    ['rank 5, outer dims walked in JS', [2, 2, 3, 4, 17], [2, 1, 3, 1, 17]],
  ];
  it.each(cases)('matches cpu: %s', async (__, aShape, bShape) => {
    await expectParity(() => op(t(aShape, 1), t(bShape, 2)), 0);
  });

  it('keeps NaN and infinities as cpu does', async () => {
    await expectParity(
      () => op(tf.tensor([[NaN, 1, Infinity, -0, 3]]), tf.tensor([[2], [-Infinity], [NaN]])),
      0,
    );
  });

  it('leaves same shapes, int32 and empty outputs to the wasm kernel, with cpu results', async () => {
    await expectParity(() => op(t([3, 7], 1), t([3, 7], 2)), 0);
    await expectParity(
      () => op(tf.tensor([[1, 2, 3]], [1, 3], 'int32'), tf.tensor([[4], [5]], [2, 1], 'int32')),
      0,
    );
    const { shape } = await runOn('wasm', () => op(tf.zeros([0, 3]), tf.zeros([1, 3])));
    expect(shape).toEqual([0, 3]);
  });

  it('leaves no tensor and no wasm buffer behind', async () => {
    const f = (): tf.Tensor => op(t([4, 9, 6], 1), t([4, 1, 6], 2));
    await runOn('wasm', f);
    const before = liveCounts();
    await runOn('wasm', f);
    expect(liveCounts()).toEqual(before);
  });
});

describe('Add and Multiply on wasm in a training step', () => {
  it('give a conv1d layer with bias the gradients cpu gives', async () => {
    await expectParity(() => {
      const x = t([3, 30, 4], 3);
      const bias = t([6], 4);
      const w = t([5, 4, 6], 5);
      const grads = tf.grads((k: tf.Tensor, c: tf.Tensor) =>
        tf
          .conv1d(x as tf.Tensor3D, k as tf.Tensor3D, 1, 'valid')
          .add(c)
          .relu()
          .max(1)
          .mul(t([3, 6], 6))
          .sum(),
      )([w, bias]);
      return tf.concat(grads.map((g) => g.reshape([-1])));
    });
  });
});
