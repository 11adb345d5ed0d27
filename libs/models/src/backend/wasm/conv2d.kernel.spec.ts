import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { expectParity, liveCounts, runOn, seeded } from './cpu-parity.testing.ts';

type Shape4 = [number, number, number, number];
type Pad = 'valid' | 'same' | tf.backend_util.ExplicitPadding;

function conv(
  xShape: Shape4,
  filterShape: Shape4,
  strides: [number, number],
  pad: Pad,
  dilations: [number, number] = [1, 1],
) {
  return (): tf.Tensor =>
    tf.conv2d(
      tf.tensor4d(seeded(tf.util.sizeFromShape(xShape), 7), xShape),
      tf.tensor4d(seeded(tf.util.sizeFromShape(filterShape), 11), filterShape),
      strides,
      pad,
      'NHWC',
      dilations,
    );
}

describe('Conv2D on wasm (Strand: conv1d as a strided GEMM)', () => {
  const cases: [string, Shape4, Shape4, [number, number], Pad][] = [
    ['DeepBind: valid, 64 filters, batch 4', [4, 1, 101, 4], [1, 12, 4, 64], [1, 1], 'valid'],
    ['valid, batch 1, ragged tiles', [1, 1, 17, 3], [1, 5, 3, 5], [1, 1], 'valid'],
    ['valid, stride 3', [3, 1, 40, 4], [1, 6, 4, 9], [1, 3], 'valid'],
    ['same, odd sizes', [2, 1, 13, 3], [1, 4, 3, 8], [1, 1], 'same'],
    ['same, stride 2', [2, 1, 23, 4], [1, 7, 4, 12], [1, 2], 'same'],
    [
      'explicit padding, 3 left and 1 right',
      [2, 1, 9, 2],
      [1, 3, 2, 16],
      [1, 1],
      [
        [0, 0],
        [0, 0],
        [3, 1],
        [0, 0],
      ],
    ],
    ['same, input shorter than the filter', [2, 1, 4, 3], [1, 9, 3, 8], [1, 1], 'same'],
    ['depth above one GEMM block (70 × 4)', [2, 1, 90, 4], [1, 70, 4, 16], [1, 1], 'valid'],
    [
      'wide: 320 filters of 26 (DanQ, paper sizes)',
      [2, 1, 60, 4],
      [1, 26, 4, 320],
      [1, 1],
      'valid',
    ],
  ];
  it.each(cases)('matches cpu: %s', async (_, xShape, filterShape, strides, pad) => {
    await expectParity(conv(xShape, filterShape, strides, pad));
  });

  it('leaves a 2D or dilated convolution to the wasm kernel, with the same results', async () => {
    await expectParity(conv([2, 5, 6, 3], [3, 2, 3, 4], [1, 1], 'same'));
    await expectParity(conv([2, 1, 30, 4], [1, 5, 4, 8], [1, 1], 'same', [1, 2]));
  });

  it('gives tf.layers.conv1d the forward pass and gradients cpu gives', async () => {
    await expectParity(() => {
      const x = tf.tensor3d(seeded(3 * 50 * 4, 3), [3, 50, 4]);
      const w = tf.tensor3d(seeded(8 * 4 * 6, 5), [8, 4, 6]);
      return tf.grad((v: tf.Tensor) =>
        tf
          .conv1d(v as tf.Tensor3D, w, 1, 'same')
          .square()
          .sum(),
      )(x);
    });
  });

  it('leaves no tensor and no wasm buffer behind (scratch rows included)', async () => {
    const f = conv([3, 1, 20, 4], [1, 6, 4, 8], [1, 2], 'same');
    await runOn('wasm', f);
    const before = liveCounts();
    await runOn('wasm', f);
    expect(liveCounts()).toEqual(before);
  });
});
