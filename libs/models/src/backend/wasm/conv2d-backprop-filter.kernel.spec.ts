import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { expectParity, liveCounts, runOn, seeded } from './cpu-parity.testing.ts';

type Shape4 = [number, number, number, number];
type Pad = 'valid' | 'same' | number;

function backpropFilter(xShape: Shape4, filterShape: Shape4, strides: [number, number], pad: Pad) {
  const info = tf.backend_util.computeConv2DInfo(xShape, filterShape, strides, 1, pad);
  return (): tf.Tensor =>
    tf.engine().runKernel(
      tf.Conv2DBackpropFilter,
      {
        x: tf.tensor(seeded(tf.util.sizeFromShape(xShape), 7), xShape),
        dy: tf.tensor(seeded(tf.util.sizeFromShape(info.outShape), 11), info.outShape),
      },
      { strides, pad, dataFormat: 'NHWC', filterShape } as unknown as tf.NamedAttrMap,
    ) as tf.Tensor;
}

describe('Conv2DBackpropFilter on wasm (Strand)', () => {
  const cases: [string, Shape4, Shape4, [number, number], Pad][] = [
    ['conv1d valid, batch 1', [1, 1, 17, 3], [1, 5, 3, 4], [1, 1], 'valid'],
    ['conv1d valid, stride 2, batch 3', [3, 1, 20, 4], [1, 6, 4, 8], [1, 2], 'valid'],
    ['conv1d same, odd sizes', [2, 1, 13, 3], [1, 4, 3, 5], [1, 1], 'same'],
    ['conv1d same, stride 3', [2, 1, 23, 4], [1, 7, 4, 6], [1, 3], 'same'],
    ['conv2d same, strides [2, 1]', [2, 7, 9, 3], [3, 2, 3, 5], [2, 1], 'same'],
    ['conv2d explicit padding 1', [2, 6, 5, 2], [3, 3, 2, 4], [1, 1], 1],
    ['DeepBind filter, batch 4', [4, 1, 101, 4], [1, 12, 4, 64], [1, 1], 'valid'],
    // Channels a multiple of 4 and 8: the product runs into the result, with no scratch.
    [
      'conv2d valid, strides [1, 2], aligned channels',
      [2, 5, 9, 8],
      [2, 3, 8, 16],
      [1, 2],
      'valid',
    ],
    // 512 output channels: the output columns run in two depth blocks of the packed dy.
    ['conv1d same, 140 wide, 512 filters', [1, 1, 140, 8], [1, 5, 8, 512], [1, 1], 'same'],
  ];
  it.each(cases)('matches cpu: %s', async (_, xShape, filterShape, strides, pad) => {
    await expectParity(backpropFilter(xShape, filterShape, strides, pad));
  });

  it('gives tf.conv1d (stride 2, same) the filter gradient cpu gives', async () => {
    const f = (): tf.Tensor => {
      const x = tf.tensor3d(seeded(2 * 31 * 4, 3), [2, 31, 4]);
      const filter = tf.tensor(seeded(9 * 4 * 6, 5), [9, 4, 6]);
      return tf.grad((w: tf.Tensor) =>
        tf
          .conv1d(x, w as tf.Tensor3D, 2, 'same')
          .square()
          .sum(),
      )(filter);
    };
    await expectParity(f);
  });

  it('leaves no tensor and no wasm buffer behind', async () => {
    const f = backpropFilter([3, 1, 20, 4], [1, 6, 4, 8], [1, 2], 'same');
    await runOn('wasm', f); // warm up
    const before = liveCounts();
    await runOn('wasm', f);
    expect(liveCounts()).toEqual(before);
  });

  it('refuses NCHW with a message naming it', async () => {
    await runOn('wasm', () => tf.scalar(0));
    const x = tf.zeros([1, 3, 1, 8]);
    const dy = tf.zeros([1, 2, 1, 8]);
    expect(() =>
      tf
        .engine()
        .runKernel(
          tf.Conv2DBackpropFilter,
          { x, dy },
          { strides: 1, pad: 'same', dataFormat: 'NCHW', filterShape: [1, 1, 3, 2] },
        ),
    ).toThrow('Conv2DBackpropFilter (wasm, Strand): dataFormat "NCHW" is not supported; use NHWC');
    tf.dispose([x, dy]);
  });
});
