import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { expectParity, liveCounts, runOn, seeded } from './cpu-parity.testing.ts';

const mask = (shape: number[]): tf.Tensor =>
  tf.tensor(seeded(tf.util.sizeFromShape(shape), 4), shape).greater(0);

describe('Cast on wasm (Strand: to bool)', () => {
  it.each([[[4, 9, 6]], [[37]], [[3]], [[1, 16]]])(
    'matches cpu for a mask of shape %j',
    async (shape) => {
      await expectParity(() => mask(shape).cast('float32'));
    },
  );

  it('casts to bool as x != 0, as cpu does (NaN included)', async () => {
    const { values } = await runOn('wasm', () =>
      tf.tensor([1, 0, 3, -2], undefined, 'int32').cast('bool'),
    );
    expect([...values]).toEqual([1, 0, 1, 1]);
    await expectParity(() => tf.tensor([0.5, 0, NaN, -0]).cast('bool'));
  });

  it('shares memory for a cast to the same dtype, and the result outlives its source', async () => {
    await runOn('wasm', () => tf.scalar(0));
    const before = liveCounts();
    const wasm = tf.backend() as BackendWasm;
    const a = tf.tensor([1.5, -2, 3]);
    const b = tf.cast(a, 'float32');
    expect(wasm.getMemoryOffset(b.dataId)).toBe(wasm.getMemoryOffset(a.dataId));
    a.dispose();
    expect([...b.dataSync()]).toEqual([1.5, -2, 3]);
    b.dispose();
    expect(liveCounts()).toEqual(before);
    await expectParity(() => tf.tensor([4, 0, -7], undefined, 'int32').cast('int32'));
  });

  it('delegates other casts', async () => {
    await expectParity(() => tf.tensor([1.7, -2.2, 0]).cast('int32'));
  });

  it('leaves no tensor and no wasm buffer behind', async () => {
    const f = (): tf.Tensor => mask([5, 7]).cast('float32');
    await runOn('wasm', f);
    const before = liveCounts();
    await runOn('wasm', f);
    expect(liveCounts()).toEqual(before);
  });
});
