import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { expectParity, liveCounts, runOn, seeded } from './cpu-parity.testing.ts';

const x = (shape: number[], seed = 1): tf.Tensor =>
  tf.tensor(seeded(tf.util.sizeFromShape(shape), seed), shape);

describe('Max, Sum and Mean on wasm (Strand)', () => {
  const cases: [string, number[], number | number[] | undefined, boolean][] = [
    ['middle axis (global max pool)', [4, 9, 6], 1, false],
    ['odd inner size (4 lanes + 3)', [2, 5, 7], 1, false],
    ['wide inner size (16 lanes + 4 + 3)', [2, 5, 23], 1, false],
    ['DeepBind global max pool', [4, 90, 64], 1, false],
    ['leading axes (conv bias gradient)', [4, 9, 6], [0, 1], false],
    ['innermost axis', [4, 9, 6], 2, false],
    ['first axis', [5, 3], 0, false],
    ['negative axis, keepDims', [3, 4, 5], -1, true],
    ['all axes', [3, 5], undefined, false],
    ['non-contiguous axes (delegated)', [3, 4, 5], [0, 2], false],
  ];
  describe.each(['max', 'sum', 'mean'] as const)('%s', (op) => {
    it.each(cases)('matches cpu: %s', async (_, shape, axis, keepDims) => {
      await expectParity(() => tf[op](x(shape), axis, keepDims));
    });
  });

  it('max propagates NaN as the cpu kernel does', async () => {
    await expectParity(() =>
      tf.max(
        tf
          .tensor([
            [1, NaN, 3, 4, 5],
            [2, 2, 2, 2, 2],
          ])
          .reshape([2, 5, 1]),
        1,
      ),
    );
  });

  it('max propagates NaN in every lane group (16, 4 and 1 at a time)', async () => {
    await expectParity(() => {
      const values = seeded(3 * 23, 9);
      [0, 17, 22, 23 + 5, 2 * 23 + 20].forEach((i) => (values[i] = NaN));
      return tf.max(tf.tensor(values, [1, 3, 23]), 1);
    });
  });

  it('the batch mean of a batch normalisation ([64, 182, 200] over 0 and 1) within 1e-4', async () => {
    await expectParity(() => tf.mean(x([64, 182, 200], 6), [0, 1]));
  });

  it('mean of int32 is delegated', async () => {
    await expectParity(() =>
      tf.mean(
        tf.tensor(
          [
            [1, 2],
            [4, 7],
          ],
          undefined,
          'int32',
        ),
        0,
      ),
    );
  });

  it('sum of int32 is delegated and stays int32', async () => {
    await expectParity(() =>
      tf.sum(
        tf.tensor(
          [
            [1, 2],
            [3, 4],
          ],
          undefined,
          'int32',
        ),
        0,
      ),
    );
  });

  it('sums the DeepBind bias gradient [64, 90, 64] over axes 0, 1 within 1e-4', async () => {
    await expectParity(() => tf.sum(x([64, 90, 64], 5), [0, 1]));
  });

  it('leaves no tensor and no wasm buffer behind', async () => {
    const f = (): tf.Tensor => tf.max(x([4, 9, 6]), 1).add(tf.sum(x([4, 9, 6]), 1));
    await runOn('wasm', f);
    const before = liveCounts();
    await runOn('wasm', f);
    expect(liveCounts()).toEqual(before);
  });
});
