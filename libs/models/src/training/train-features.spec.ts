import { binaryCrossEntropy } from '../metrics/binary-cross-entropy.ts';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/init-backend.ts';
import { buildModel } from '../architectures/build-model.ts';
import { expressionData } from '../architectures/zoo.testing.ts';
import { clipByGlobalNorm } from './clip-gradients.ts';
import { PlateauTracker } from './plateau.ts';
import { taskLoss } from './task-loss.ts';
import type { TrainingState } from './train-options.ts';
import { trainModel } from './train.ts';

beforeAll(async () => {
  await initBackend();
});

const DATA = expressionData(200, 10, 1, 'binary');
const OPTIONS = { batchSize: 32, learningRate: 0.01, seed: 3 };
const mlp = (seed = 1) =>
  buildModel({
    architecture: 'mlp',
    config: { hiddenUnits: [8], dropout: 0.1 },
    inputLength: 10,
    alphabetSize: 1,
    seed,
  });

describe('PlateauTracker', () => {
  it('counts epochs without an improvement larger than minDelta', () => {
    const t = new PlateauTracker('min', 0.1);
    expect([1, 0.95, 0.85, 0.9, Number.NaN].map((v, i) => t.update(v, i + 1))).toEqual([
      true,
      false,
      true,
      false,
      false,
    ]);
    expect(t.state).toEqual({ best: 0.85, bestEpoch: 3, wait: 2 });
  });
});

describe('losses and clipping', () => {
  it('weights positives in BCE and classes in cross-entropy (hand-computed)', () => {
    // y = [1, 0], p = [0.5, 0.5]: each term is ln 2; positive weight 3 → (3 ln2 + ln2) / 2 = 2 ln 2.
    const y = tf.tensor2d([1, 0], [2, 1]);
    const p = tf.tensor2d([0.5, 0.5], [2, 1]);
    expect(taskLoss('binary', y, p, { positiveWeight: 3 }).dataSync()[0]).toBeCloseTo(
      2 * Math.LN2,
      6,
    );
    // class 1 of p = [0.25, 0.75] costs −ln 0.75, weighted 2 → 2·0.2876820724517809.
    const ce = taskLoss('multiclass', tf.tensor2d([1], [1, 1]), tf.tensor2d([0.25, 0.75], [1, 2]), {
      classWeight: [1, 2],
    });
    expect(ce.dataSync()[0]).toBeCloseTo(-2 * Math.log(0.75), 6);
    // MSE of [1, 2] against [0, 0] = (1 + 4) / 2.
    expect(taskLoss('regression', tf.tensor1d([1, 2]), tf.tensor1d([0, 0])).dataSync()[0]).toBe(
      2.5,
    );
    tf.dispose([y, p, ce]);
  });

  it('scales gradients to the global norm: [3, 4] (norm 5) clipped to 1 → [0.6, 0.8]', () => {
    const clipped = clipByGlobalNorm({ a: tf.tensor1d([3]), b: tf.tensor1d([4]) }, 1);
    expect(clipped['a']?.dataSync()[0]).toBeCloseTo(0.6, 6);
    expect(clipped['b']?.dataSync()[0]).toBeCloseTo(0.8, 6);
    const kept = clipByGlobalNorm({ a: tf.tensor1d([3]), b: tf.tensor1d([4]) }, 10);
    expect(kept['a']?.dataSync()[0]).toBe(3);
  });
});

describe('trainModel options', () => {
  it('stops early and restores the best epoch weights, without leaking', async () => {
    const before = tf.memory().numTensors;
    const model = mlp();
    // A huge learning rate makes val_loss stall quickly; patience 1 stops at the first miss.
    const result = await trainModel(model, DATA, {
      ...OPTIONS,
      epochs: 30,
      learningRate: 0.5,
      earlyStopping: { patience: 1 },
    });
    expect(result.stoppedEarly).toBe(true);
    const losses = result.history.map((r) => r.metrics['val_loss'] as number);
    const best = Math.min(...losses);
    expect(result.restoredEpoch).toBe(losses.indexOf(best) + 1);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps the validation predictions of the model it returns: the restored epoch’s', async () => {
    const model = mlp();
    const result = await trainModel(model, DATA, {
      ...OPTIONS,
      epochs: 30,
      learningRate: 0.5,
      earlyStopping: { patience: 1 },
      keepValidationPredictions: true,
    });
    const kept = result.validationPredictions!;
    expect(result.restoredEpoch).toBeDefined();
    expect(result.restoredEpoch).not.toBe(result.history.at(-1)!.epoch);
    expect(kept.epoch).toBe(result.restoredEpoch);
    // Predicted again with the restored weights: their loss is that epoch's val_loss.
    const restored = result.history[result.restoredEpoch! - 1]!.metrics['val_loss']!;
    expect(binaryCrossEntropy(kept.labels, kept.outputs)).toBeCloseTo(restored, 6);
    expect(kept.width).toBe(1);
    model.dispose();
  });

  it('reduces the learning rate on a plateau, down to minLr', async () => {
    const model = mlp();
    const result = await trainModel(model, DATA, {
      ...OPTIONS,
      epochs: 4,
      reduceLrOnPlateau: { monitor: 'loss', factor: 0.5, patience: 1, minDelta: 100, minLr: 0.003 },
    });
    // minDelta 100: no epoch after the first counts as an improvement.
    expect(result.history.map((r) => r.learningRate)).toEqual([0.01, 0.01, 0.005, 0.003]);
    model.dispose();
  });

  it('anneals the learning rate on a cosine schedule, epoch by epoch', async () => {
    const model = mlp();
    const result = await trainModel(model, DATA, {
      ...OPTIONS,
      epochs: 4,
      learningRateSchedule: 'cosine',
    });
    const expected = [1, 0.5 + 0.5 * Math.SQRT1_2, 0.5, 0.5 - 0.5 * Math.SQRT1_2].map(
      (f) => 0.01 * f,
    );
    result.history.forEach((r, i) => expect(r.learningRate).toBeCloseTo(expected[i] as number, 9));
    await expect(
      trainModel(model, DATA, {
        ...OPTIONS,
        epochs: 2,
        learningRateSchedule: 'cosine',
        reduceLrOnPlateau: { factor: 0.5, patience: 1 },
      }),
    ).rejects.toThrow('both set the learning rate');
    model.dispose();
  });

  it('weight decay shrinks the kernels, not the biases, and adds its penalty to the loss', async () => {
    const norms = async (weightDecay: number) => {
      const model = mlp();
      const result = await trainModel(model, DATA, { ...OPTIONS, epochs: 3, weightDecay });
      const kernels = model.trainableWeights.filter((w) => /kernel/.test(w.originalName));
      const norm = tf.tidy(() =>
        kernels.reduce((sum, k) => sum + tf.sum(tf.square(k.read())).dataSync()[0], 0),
      );
      model.dispose();
      return { norm, loss: result.history[0]?.metrics.loss ?? Number.NaN };
    };
    const plain = await norms(0);
    const decayed = await norms(0.05);
    expect(decayed.norm).toBeLessThan(plain.norm * 0.8);
    expect(decayed.loss).toBeGreaterThan(plain.loss);
    await expect(
      trainModel(mlp(), DATA, { ...OPTIONS, epochs: 1, weightDecay: -1 }),
    ).rejects.toThrow('options.weightDecay = -1 is not a number ≥ 0');
  });

  it('trains with class weights and clipping, and names an unknown monitor', async () => {
    const model = mlp();
    const result = await trainModel(model, DATA, {
      ...OPTIONS,
      epochs: 2,
      classWeight: [1, 2],
      clipNorm: 1,
    });
    expect(result.history).toHaveLength(2);
    await expect(
      trainModel(model, DATA, {
        ...OPTIONS,
        epochs: 2,
        earlyStopping: { monitor: 'val_x', patience: 1 },
      }),
    ).rejects.toThrow(
      'options.earlyStopping.monitor "val_x" is not a metric of this run; metrics: loss, val_loss, val_auroc, val_auprc, val_accuracy',
    );
    model.dispose();
  });

  it('resumes from a checkpoint exactly as the uninterrupted run (Adam state included)', async () => {
    const full = mlp();
    const straight = await trainModel(full, DATA, { ...OPTIONS, epochs: 4 });
    const first = mlp();
    let saved: { weights: tf.Tensor[]; state: TrainingState } | undefined;
    await trainModel(first, DATA, {
      ...OPTIONS,
      epochs: 2,
      onCheckpoint: (epoch, m, state) => {
        if (epoch === 2) saved = { weights: m.getWeights().map((w) => w.clone()), state };
      },
    });
    const second = mlp(99); // different initial weights, overwritten by the checkpoint
    second.setWeights(saved?.weights ?? []);
    const resumed = await trainModel(second, DATA, {
      ...OPTIONS,
      epochs: 4,
      startEpoch: 2,
      resumeFrom: saved?.state,
    });
    const metrics = (h: typeof straight.history) => h.map((r) => r.metrics);
    expect(metrics(resumed.history)).toEqual(metrics(straight.history).slice(2));
    tf.dispose(saved?.weights);
    [full, first, second].forEach((m) => m.dispose());
  });
});
