import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/init-backend.ts';
import { seeded } from '../backend/wasm/cpu-parity.testing.ts';
import { BCE_EPSILON } from '../metrics/binary-cross-entropy.ts';
import { binaryCrossEntropyLoss } from './binary-loss.ts';

/** The loss as plain differentiable ops: the reference for value and gradient (autodiff). */
function autodiffLoss(y: tf.Tensor, p: tf.Tensor, w0: number, w1: number): tf.Scalar {
  const q = tf.clipByValue(p, BCE_EPSILON, 1 - BCE_EPSILON);
  const positive = tf.mul(y, tf.log(q));
  const negative = tf.mul(tf.sub(1, y), tf.log(tf.sub(1, q)));
  const sum =
    w0 === 1 && w1 === 1
      ? tf.add(positive, negative)
      : tf.add(tf.mul(positive, w1), tf.mul(negative, w0));
  return tf.neg(tf.mean(sum)) as tf.Scalar;
}

/** Probabilities across (0, 1), with exact 0 and 1 and values inside the clipped margins. */
function batch(): { y: tf.Tensor; p: tf.Tensor } {
  const probs = seeded(61, 4).map((v) => (v + 1) / 2);
  probs.set([0, 1, BCE_EPSILON / 2, 1 - BCE_EPSILON / 4, BCE_EPSILON], 0);
  const labels = seeded(61, 5).map((v) => (v > 0 ? 1 : 0));
  labels.set([0.3], 10); // a soft label
  return { y: tf.tensor2d(labels, [61, 1]), p: tf.tensor2d(probs, [61, 1]) };
}

function valueAndGrad(loss: (y: tf.Tensor, p: tf.Tensor) => tf.Scalar) {
  return tf.tidy(() => {
    const { y, p } = batch();
    const { value, grad } = tf.valueAndGrad((x: tf.Tensor) => loss(y, x))(p);
    return { value: value.dataSync()[0] as number, grad: [...grad.dataSync()] };
  });
}

beforeAll(async () => {
  await initBackend('wasm');
});

describe('binaryCrossEntropyLoss (gradient written out)', () => {
  it.each([
    ['cpu', 1, 1],
    ['wasm', 1, 1],
    ['wasm', 0.5, 3],
  ] as const)(
    'on %s with weights w0 %s, w1 %s: the same value as the ops, the gradient autodiff gives',
    async (backend, w0, w1) => {
      await tf.setBackend(backend);
      const fused = valueAndGrad((y, p) => binaryCrossEntropyLoss(y, p, w0, w1));
      const reference = valueAndGrad((y, p) => autodiffLoss(y, p, w0, w1));
      expect(fused.value).toBe(reference.value);
      reference.grad.forEach((g, i) =>
        expect(Math.abs((fused.grad[i] as number) - g), `∂/∂p[${i}]`).toBeLessThanOrEqual(
          1e-6 * Math.max(1e-3, Math.abs(g)),
        ),
      );
      // Clipped probabilities get no gradient, as through tf.clipByValue.
      expect(fused.grad.slice(0, 4).map(Math.abs)).toEqual([0, 0, 0, 0]);
      expect(fused.grad[4]).not.toBe(0); // p = ε exactly is inside the clip range
    },
  );

  it('runs fewer kernels than autodiff and leaves no tensor behind', async () => {
    await tf.setBackend('wasm');
    const count = async (loss: (y: tf.Tensor, p: tf.Tensor) => tf.Scalar): Promise<number> => {
      const profile = await tf.profile(() => {
        valueAndGrad(loss);
      });
      return profile.kernels.length;
    };
    valueAndGrad((y, p) => binaryCrossEntropyLoss(y, p)); // warm up
    const before = tf.memory().numTensors;
    const fused = await count((y, p) => binaryCrossEntropyLoss(y, p));
    const autodiff = await count((y, p) => autodiffLoss(y, p, 1, 1));
    expect(tf.memory().numTensors).toBe(before);
    expect(fused).toBeLessThan(autodiff / 2);
  });
});
