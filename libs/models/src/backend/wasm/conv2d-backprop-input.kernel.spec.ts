import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { expectParity, liveCounts, runOn, seeded } from './cpu-parity.testing.ts';

type Shape4 = [number, number, number, number];
type Pad = 'valid' | 'same' | tf.backend_util.ExplicitPadding;

/** conv2DBackpropInput of x's shape from a seeded dy and filter. */
function backpropInput(xShape: Shape4, filterShape: Shape4, strides: [number, number], pad: Pad) {
  return (): tf.Tensor => {
    const info = tf.backend_util.computeConv2DInfo(xShape, filterShape, strides, 1, pad);
    const dyShape: Shape4 = [xShape[0], info.outHeight, info.outWidth, filterShape[3]];
    const dy = tf.tensor4d(seeded(tf.util.sizeFromShape(dyShape), 5), dyShape);
    const filter = tf.tensor4d(seeded(tf.util.sizeFromShape(filterShape), 9), filterShape);
    return tf.conv2dTranspose(dy, filter, xShape, strides, pad);
  };
}

describe('Conv2DBackpropInput on wasm (Strand: a conv1d of dy with the flipped filter)', () => {
  const cases: [string, Shape4, Shape4, [number, number], Pad][] = [
    ['valid, DeepSEA-like (8 × 32 → 24)', [3, 1, 40, 32], [1, 8, 32, 24], [1, 1], 'valid'],
    ['valid, ragged rows and columns', [2, 1, 17, 3], [1, 5, 3, 5], [1, 1], 'valid'],
    ['same, odd filter (Basset)', [2, 1, 30, 6], [1, 7, 6, 10], [1, 1], 'same'],
    ['same, even filter', [2, 1, 13, 3], [1, 4, 3, 8], [1, 1], 'same'],
    [
      'explicit padding, 2 left and 1 right',
      [2, 1, 9, 2],
      [1, 3, 2, 16],
      [1, 1],
      [
        [0, 0],
        [0, 0],
        [2, 1],
        [0, 0],
      ],
    ],
    [
      'depth above one GEMM block (8 × 64 channels)',
      [2, 1, 24, 64],
      [1, 8, 64, 12],
      [1, 1],
      'valid',
    ],
    [
      'filter wider than the output (valid, width 1 out)',
      [2, 1, 9, 4],
      [1, 9, 4, 8],
      [1, 1],
      'valid',
    ],
  ];
  it.each(cases)('matches cpu: %s', async (_, xShape, filterShape, strides, pad) => {
    await expectParity(backpropInput(xShape, filterShape, strides, pad));
  });

  it('leaves stride 2, 2D and over-padded convolutions to the wasm kernel, with the same results', async () => {
    const wide: tf.backend_util.ExplicitPadding = [
      [0, 0],
      [0, 0],
      [5, 0],
      [0, 0],
    ];
    await expectParity(backpropInput([2, 1, 9, 2], [1, 3, 2, 4], [1, 1], wide));
    await expectParity(backpropInput([2, 1, 23, 4], [1, 7, 4, 12], [1, 2], 'same'));
    await expectParity(backpropInput([2, 5, 6, 3], [3, 2, 3, 4], [1, 1], 'same'));
  });

  it('gives tf.layers.conv1d the input gradient cpu gives (a stack of two)', async () => {
    await expectParity(() => {
      const x = tf.tensor3d(seeded(2 * 60 * 4, 3), [2, 60, 4]);
      const w1 = tf.tensor3d(seeded(8 * 4 * 16, 5), [8, 4, 16]);
      const w2 = tf.tensor3d(seeded(8 * 16 * 12, 6), [8, 16, 12]);
      return tf.grad((v: tf.Tensor) =>
        tf
          .conv1d(tf.relu(tf.conv1d(v as tf.Tensor3D, w1, 1, 'valid')), w2, 1, 'same')
          .square()
          .sum(),
      )(x);
    });
  });

  it('leaves no tensor and no wasm buffer behind', async () => {
    const f = backpropInput([2, 1, 20, 4], [1, 6, 4, 8], [1, 1], 'same');
    await runOn('wasm', f);
    const before = liveCounts();
    await runOn('wasm', f);
    expect(liveCounts()).toEqual(before);
  });
});
