import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  BATCH_NORM_TRAIN,
  BATCH_NORM_TRAIN_GRAD,
} from '../backend/wasm/batch-norm-train.kernel.ts';
import { expectParity, liveCounts, runOn, seeded } from '../backend/wasm/cpu-parity.testing.ts';

const tensor = (shape: number[], seed: number, scale = 1, shift = 0): tf.Tensor =>
  tf
    .tensor(seeded(tf.util.sizeFromShape(shape), seed), shape)
    .mul(scale)
    .add(shift);

/**
 * One training step of a batch-normalisation layer, flattened: its output, the gradients of
 * sum(y · w) for x, gamma and beta, and the moving mean and variance after three training calls.
 * On wasm the layer runs Strand's fused kernels; on cpu, tfjs' own layer and autodiff.
 */
function step(shape: number[], seed: number, shift = 0.5): () => tf.Tensor {
  return () => {
    const channels = shape[shape.length - 1] as number;
    const layer = tf.layers.batchNormalization({ momentum: 0.9, epsilon: 1e-3 });
    layer.build(shape);
    layer.setWeights([
      tensor([channels], seed + 1, 0.5, 1),
      tensor([channels], seed + 2, 0.3),
      tensor([channels], seed + 3, 0.1),
      tensor([channels], seed + 4, 0.2, 1),
    ]);
    const x = tensor(shape, seed, 3, shift);
    const w = tensor(shape, seed + 5);
    const loss = (input: tf.Tensor): tf.Scalar =>
      (layer.apply(input, { training: true }) as tf.Tensor).mul(w).sum();
    const y = layer.apply(x, { training: true }) as tf.Tensor;
    const dx = tf.grad(loss)(x);
    const [gamma, beta] = layer.trainableWeights.map((v) => v.read() as tf.Variable);
    const { grads } = tf.variableGrads(() => loss(x), [gamma!, beta!]);
    const [movingMean, movingVariance] = layer.nonTrainableWeights.map((v) => v.read());
    const out = tf.concat([
      y.flatten(),
      dx.flatten(),
      grads[gamma!.name]!.flatten(),
      grads[beta!.name]!.flatten(),
      movingMean!.flatten(),
      movingVariance!.flatten(),
    ]);
    for (const v of layer.weights) v.dispose();
    return out;
  };
}

describe('batch normalisation in training on wasm (Strand fused kernels)', () => {
  it.each([
    ['conv activations [4, 30, 12]', [4, 30, 12], 0.5],
    ['dense activations [16, 7] (channels not a multiple of 4)', [16, 7], 0.5],
    ['odd channels [2, 9, 5]', [2, 9, 5], -2],
    ['Basset-like width, large mean [8, 60, 300]', [8, 60, 300], 20],
  ] as const)(
    'matches tfjs on cpu: %s (output, dx, dgamma, dbeta, moving stats)',
    async (_, shape, shift) => {
      await expectParity(step([...shape], 7, shift));
    },
  );

  it('runs one kernel forward and one back, and inference is tfjs’ own', async () => {
    const names = async (f: () => tf.Tensor) => {
      await runOn('wasm', () => tf.zeros([1])); // selects wasm (and registers the kernels)
      const profile = await tf.profile(() => tf.tidy(f).dispose());
      return profile.kernels.map((k) => k.name);
    };
    const training = await names(step([4, 10, 8], 3));
    expect(training).toContain(BATCH_NORM_TRAIN);
    expect(training).toContain(BATCH_NORM_TRAIN_GRAD);
    expect(training).not.toContain('FusedBatchNorm');
    const inference = await names(() => {
      const layer = tf.layers.batchNormalization({});
      const y = layer.apply(tensor([4, 10, 8], 3), { training: false }) as tf.Tensor;
      for (const v of layer.weights) v.dispose();
      return y;
    });
    expect(inference).toContain('FusedBatchNorm');
    expect(inference).not.toContain(BATCH_NORM_TRAIN);
  });

  it('leaves no tensor and no wasm buffer behind', async () => {
    await runOn('wasm', step([4, 10, 8], 5));
    const before = liveCounts();
    await runOn('wasm', step([4, 10, 8], 5));
    expect(liveCounts()).toEqual(before);
  });
});
