import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelSpec } from '../architectures/build-model.ts';
import { buildModel } from '../architectures/build-model.ts';
import { initBackend } from '../backend/init-backend.ts';
import { plantedMotifDataset } from '../testing.ts';
import type { BatchReport, EpochReport, TrainingState } from '../training/train-options.ts';
import { trainModel } from '../training/train.ts';
import { TrainingInputError } from '../training/training-input.error.ts';
import { DataParallelTrainer, shardBounds } from './data-parallel-trainer.ts';
import { trainDataParallel } from './train-data-parallel.ts';

// Dropout 0: with dropout each worker draws the masks of its own shard, so only the
// distribution, not the exact path, would match single-thread training.
const SPEC: ModelSpec = {
  architecture: 'deepbind',
  config: { filters: 8, kernelSize: 6, hiddenUnits: 8, dropout: 0 },
  inputLength: 30,
  alphabetSize: 4,
  seed: 3,
};
const DATA = plantedMotifDataset({ count: 160, length: 30, seed: 5 });
const OPTIONS = { epochs: 2, batchSize: 32, learningRate: 0.01, seed: 7, validationFraction: 0.25 };

beforeAll(async () => {
  await initBackend();
});

describe('trainDataParallel', () => {
  it('matches single-thread training to float rounding, without leaks, workers exiting', async () => {
    const single = buildModel(SPEC);
    const reference = await trainModel(single, DATA, OPTIONS);
    const expected = single.getWeights().map((w) => w.dataSync().slice());
    single.dispose();

    const before = tf.memory().numTensors;
    const epochs: EpochReport[] = [];
    const batches: BatchReport[] = [];
    const result = await trainDataParallel(SPEC, DATA, {
      ...OPTIONS,
      workers: 2,
      batchReportIntervalMs: 0,
      onEpoch: (r) => void epochs.push(r),
      onBatch: (r) => void batches.push(r),
    });
    expect(result.workers).toBe(2);
    expect(result.stopped).toBe(false);
    expect(epochs).toEqual(result.history);
    expect(batches.map((b) => b.batch)).toEqual([1, 2, 3, 4, 1, 2, 3, 4]);
    // Summation order differs (two half-batch means averaged vs one batch mean), so values
    // agree to ~1e-6 relative; 1e-4 absolute leaves room after two epochs of Adam.
    result.history.forEach((report, i) => {
      const want = reference.history[i] as EpochReport;
      expect(Object.keys(report.metrics)).toEqual(Object.keys(want.metrics));
      for (const [name, value] of Object.entries(want.metrics)) {
        expect(report.metrics[name]).toBeCloseTo(value, 4);
      }
    });
    const actual = result.model.getWeights().map((w) => w.dataSync());
    actual.forEach((values, i) => {
      const want = expected[i] as Float32Array;
      let worst = 0;
      for (let j = 0; j < values.length; j++) {
        worst = Math.max(worst, Math.abs((values[j] as number) - (want[j] as number)));
      }
      expect(worst).toBeLessThan(1e-4);
    });
    result.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reproduces itself exactly with the same seed and stops on request', async () => {
    const trainer = await DataParallelTrainer.start(SPEC, { workers: 2 });
    try {
      let calls = 0;
      const stopped = await trainer.train(DATA, { ...OPTIONS, shouldStop: () => ++calls > 2 });
      expect(stopped).toEqual({ history: [], stopped: true, stoppedEarly: false });
    } finally {
      await trainer.close();
      trainer.model.dispose();
    }
    const a = await trainDataParallel(SPEC, DATA, { ...OPTIONS, epochs: 1, workers: 2 });
    const b = await trainDataParallel(SPEC, DATA, { ...OPTIONS, epochs: 1, workers: 2 });
    expect(b.history.map((r) => r.metrics)).toEqual(a.history.map((r) => r.metrics));
    a.model.dispose();
    b.model.dispose();
  });

  it('trains batch-norm models: one worker reproduces trainModel, two stay reproducible', async () => {
    const bassetSpec: ModelSpec = {
      architecture: 'basset',
      config: {
        filters: [4, 4, 4],
        kernelSizes: [5, 3, 3],
        poolSizes: [2, 2, 2],
        hiddenUnits: [8, 8],
        dropout: 0,
        tasks: 1,
      },
      inputLength: 30,
      alphabetSize: 4,
      seed: 3,
    };
    const options = { ...OPTIONS, epochs: 1, task: 'multitask' as const };
    const single = buildModel(bassetSpec);
    await trainModel(single, DATA, options);
    const expected = single.getWeights().map((w) => w.dataSync().slice());
    const fixed = single.nonTrainableWeights.length;
    single.dispose();
    expect(fixed).toBe(6); // moving mean and variance of three batch norms

    const one = await trainDataParallel(bassetSpec, DATA, { ...options, workers: 1 });
    one.model.getWeights().forEach((w, i) => expect(w.dataSync()).toEqual(expected[i]));
    one.model.dispose();

    const runs = [];
    for (let r = 0; r < 2; r++) {
      const two = await trainDataParallel(bassetSpec, DATA, { ...options, workers: 2 });
      runs.push(two.model.getWeights().map((w) => w.dataSync().slice()));
      // Each shard is normalised by its own statistics (as DDP without SyncBatchNorm), so the
      // weights are near, not equal to, single-thread training's.
      two.model.getWeights().forEach((w, i) => {
        const want = expected[i] as Float32Array;
        w.dataSync().forEach((v, j) => expect(Math.abs(v - (want[j] as number))).toBeLessThan(0.1));
      });
      two.model.dispose();
    }
    expect(runs[1]).toEqual(runs[0]);
  });

  it('checkpoints and resumes on the workers exactly (Adam state from worker 0), early stopping too', async () => {
    const options = {
      ...OPTIONS,
      epochs: 2,
      earlyStopping: { patience: 5, restoreBestWeights: false },
    };
    let checkpoint: { weights: tf.Tensor[]; state: TrainingState } | undefined;
    const whole = await DataParallelTrainer.start(SPEC, { workers: 2 });
    try {
      await whole.train(DATA, {
        ...options,
        onCheckpoint: (epoch, model, state) => {
          if (epoch === 1)
            checkpoint = { weights: model.getWeights().map((w) => w.clone()), state };
        },
      });
      const expected = whole.model.getWeights().map((w) => w.dataSync().slice());
      const resumed = await DataParallelTrainer.start(SPEC, { workers: 2 });
      try {
        const saved = checkpoint as NonNullable<typeof checkpoint>;
        expect(saved.state.optimizer.weights.length).toBe(
          1 + 2 * resumed.model.trainableWeights.length,
        );
        resumed.model.setWeights(saved.weights);
        await resumed.train(DATA, { ...options, startEpoch: 1, resumeFrom: saved.state });
        resumed.model.getWeights().forEach((w, i) => expect(w.dataSync()).toEqual(expected[i]));
      } finally {
        await resumed.close();
        resumed.model.dispose();
        tf.dispose(checkpoint?.weights);
      }
    } finally {
      await whole.close();
      whole.model.dispose();
    }
  });

  it('rejects a worker count that is not a positive integer', async () => {
    await expect(DataParallelTrainer.start(SPEC, { workers: 0 })).rejects.toThrow(
      new TrainingInputError('options.workers = 0 is not a positive integer'),
    );
  });
});

describe('shardBounds', () => {
  it('splits a batch into contiguous shards differing by at most one row', () => {
    expect(shardBounds(64, 101, 2)).toEqual([
      [64, 83],
      [83, 101],
    ]);
    expect(shardBounds(0, 1, 3)).toEqual([
      [0, 1],
      [1, 1],
      [1, 1],
    ]);
  });
});
