import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { expectParity, liveCounts, runOn, seeded } from './cpu-parity.testing.ts';

describe('Identity on wasm (Strand)', () => {
  it('shares memory, and the clone outlives its source', async () => {
    await runOn('wasm', () => tf.scalar(0));
    const before = liveCounts();
    const wasm = tf.backend() as BackendWasm;
    const a = tf.tensor([1, 2, 3]);
    const b = tf.clone(a);
    expect(wasm.getMemoryOffset(b.dataId)).toBe(wasm.getMemoryOffset(a.dataId));
    a.dispose();
    expect([...b.dataSync()]).toEqual([1, 2, 3]);
    b.dispose();
    expect(liveCounts()).toEqual(before);
  });

  it('keeps gradients right where the tape saves (clones) inputs', async () => {
    await expectParity(() => {
      const v = tf.tensor(seeded(24, 9), [4, 6]);
      return tf.grad((t: tf.Tensor) => t.relu().mul(t).max(1).sum())(v);
    });
  });
});
