import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/init-backend.ts';
import { buildModel } from '../architectures/build-model.ts';
import type { DeepBindConfig } from '../architectures/deepbind.ts';
import { plantedMotifDataset, randomDataset, TINY_DEEPBIND } from '../testing.ts';
import { predictProbabilities } from './predict.ts';
import type { BatchReport, EpochReport, TrainOptions } from './train.ts';
import { trainModel } from './train.ts';
import type { TrainingData } from './training-data.ts';
import { TrainingInputError } from './training-input.error.ts';

const METRIC_NAMES = ['loss', 'val_accuracy', 'val_auprc', 'val_auroc', 'val_loss'];

function model(length: number, seed = 1, config: DeepBindConfig = { ...TINY_DEEPBIND }) {
  return buildModel({
    architecture: 'deepbind',
    config,
    inputLength: length,
    alphabetSize: 4,
    seed,
  });
}

/** Trains a fresh model and disposes it, checking that no tensor outlives the call. */
async function trainFresh(data: TrainingData, options: TrainOptions, config?: DeepBindConfig) {
  const before = tf.memory().numTensors;
  const m = model(data.length, 1, config);
  const result = await trainModel(m, data, options);
  m.dispose();
  expect(tf.memory().numTensors).toBe(before);
  return result;
}

const SMALL = randomDataset(96, 20, 3);
const QUICK: TrainOptions = { epochs: 2, batchSize: 16, learningRate: 0.01, seed: 4 };

beforeAll(async () => {
  await initBackend();
});

describe('trainModel', () => {
  it('learns a planted motif, reporting every metric once per epoch, without leaking', async () => {
    const data = plantedMotifDataset({ count: 600, length: 50, seed: 11 });
    const epochs: EpochReport[] = [];
    const config = { filters: 16, kernelSize: 8, hiddenUnits: 16, dropout: 0.1 };
    const options = { epochs: 4, batchSize: 32, learningRate: 0.02, seed: 2 };
    const result = await trainFresh(
      data,
      { ...options, onEpoch: (r) => void epochs.push(r) },
      config,
    );
    expect(result.stopped).toBe(false);
    expect(epochs).toEqual(result.history);
    expect(epochs.map((r) => [r.epoch, r.epochs])).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
    for (const report of epochs) {
      expect(Object.keys(report.metrics).sort()).toEqual(METRIC_NAMES);
      expect(report.samplesPerSecond).toBeGreaterThan(0);
      expect(report.seconds).toBeGreaterThan(0);
    }
    expect(epochs.at(-1)?.metrics['val_auroc']).toBeGreaterThanOrEqual(0.85);
    expect(epochs.at(-1)?.metrics['loss']).toBeLessThan(epochs[0]?.metrics['loss'] ?? 0);
  });

  it('reproduces the same history from the same seed', async () => {
    const strip = (h: EpochReport[]) => h.map((r) => r.metrics);
    const a = await trainFresh(SMALL, QUICK);
    const b = await trainFresh(SMALL, QUICK);
    const c = await trainFresh(SMALL, { ...QUICK, seed: 5 });
    expect(strip(a.history)).toEqual(strip(b.history));
    expect(strip(a.history)).not.toEqual(strip(c.history));
  });

  it('reports every batch at interval 0 and none at a long interval', async () => {
    const batches: BatchReport[] = [];
    // 96 rows, 20% validation → 77 training rows → 5 batches of 16.
    await trainFresh(SMALL, {
      ...QUICK,
      batchReportIntervalMs: 0,
      onBatch: (r) => void batches.push(r),
    });
    expect(batches.map((r) => `${r.epoch}.${r.batch}/${r.batches}`)).toEqual(
      [1, 2].flatMap((e) => [1, 2, 3, 4, 5].map((b) => `${e}.${b}/5`)),
    );
    for (const r of batches) {
      expect(r.loss).toBeGreaterThan(0);
      expect(r.samplesPerSecond).toBeGreaterThan(0);
      expect(r.etaSeconds).toBeGreaterThanOrEqual(0);
    }
    expect(batches.at(-1)?.etaSeconds).toBeLessThan(batches[0]?.etaSeconds ?? 0);
    let calls = 0;
    await trainFresh(SMALL, { ...QUICK, batchReportIntervalMs: 1e9, onBatch: () => calls++ });
    expect(calls).toBe(0);
  });

  it('stops between batches when shouldStop says so, reporting only finished epochs', async () => {
    const seen: string[] = [];
    let checks = 0;
    const result = await trainFresh(SMALL, {
      ...QUICK,
      batchReportIntervalMs: 0,
      onBatch: (r) => void seen.push(`${r.epoch}.${r.batch}`),
      shouldStop: () => ++checks > 7, // 5 batches of epoch 1, then 2 of epoch 2
    });
    expect(result.stopped).toBe(true);
    expect(result.history.map((r) => r.epoch)).toEqual([1]);
    expect(seen.at(-1)).toBe('2.2');
  });

  it('trains on all rows with an explicit validation set, or none at fraction 0', async () => {
    const batches = new Set<number>();
    const withSet = await trainFresh(SMALL, {
      ...QUICK,
      validation: randomDataset(20, 20, 9),
      batchReportIntervalMs: 0,
      onBatch: (r) => void batches.add(r.batches),
    });
    expect([...batches]).toEqual([6]); // 96 rows / 16
    expect(Object.keys(withSet.history[0]?.metrics ?? {}).sort()).toEqual(METRIC_NAMES);
    const none = await trainFresh(SMALL, { ...QUICK, epochs: 1, validationFraction: 0 });
    expect(Object.keys(none.history[0]?.metrics ?? {})).toEqual(['loss']);
  });

  it('resumes after startEpoch, numbering epochs from there', async () => {
    const result = await trainFresh(SMALL, { ...QUICK, epochs: 3, startEpoch: 2 });
    expect(result.history.map((r) => r.epoch)).toEqual([3]);
    expect((await trainFresh(SMALL, { ...QUICK, startEpoch: 2 })).history).toEqual([]);
  });

  it('names bad data and options', async () => {
    const m = model(20);
    const bad = async (data: TrainingData, options: Partial<TrainOptions>, message: string) => {
      const error = await trainModel(m, data, { ...QUICK, ...options }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TrainingInputError);
      expect((error as TrainingInputError).code).toBe('TRAINING_INPUT');
      expect((error as Error).message).toBe(message);
    };
    const y = SMALL.y.slice();
    y[7] = 0.5;
    await bad({ ...SMALL, y }, {}, 'data.y[7] = 0.5 is not 0 or 1');
    await bad(
      { ...SMALL, count: 95 },
      {},
      'data.x has 7680 values; count × length × alphabetSize = 7600',
    );
    await bad(SMALL, { batchSize: 0 }, 'options.batchSize = 0 is not a positive integer');
    await bad(SMALL, { learningRate: -1 }, 'options.learningRate = -1 is not positive');
    await bad(
      SMALL,
      { startEpoch: 3 },
      'options.startEpoch = 3 is not an integer from 0 to epochs (2)',
    );
    await bad(
      SMALL,
      { validation: SMALL, validationFraction: 0.1 },
      'options.validation and options.validationFraction are both given; give one',
    );
    await bad(
      randomDataset(10, 30, 1),
      {},
      'model input [null, 20, 4] does not take data of length 30 × alphabet 4',
    );
    m.dispose();
  });
});

describe('predictProbabilities', () => {
  it('equals model.predict, in batches and for chosen rows', () => {
    const m = model(20);
    const expected = tf.tidy(() =>
      Array.from((m.predict(tf.tensor3d(SMALL.x, [96, 20, 4])) as tf.Tensor).dataSync()),
    );
    const all = Array.from(predictProbabilities(m, SMALL, undefined, 10));
    all.forEach((p, i) => expect(p).toBeCloseTo(expected[i] ?? Number.NaN, 6));
    const some = Array.from(predictProbabilities(m, SMALL, [5, 1], 1));
    expect(some).toEqual([all[5], all[1]]);
    m.dispose();
  });
});
