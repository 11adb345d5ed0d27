import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@strand/models';
import { crossValidate, foldSplits } from './cross-validate.ts';
import { rowsChecksum } from './holdout-split.ts';
import { LearningError } from './learning.error.ts';
import { mean, sampleSd } from './summary-stats.ts';
import { plantedMotifData } from './synthetic.testing.ts';

const data = plantedMotifData(150, 30, 3);
const OPTIONS = {
  architecture: 'deepbind',
  config: { filters: 8, kernelSize: 8, hiddenUnits: 8 },
  folds: 3,
  epochs: 6,
  batchSize: 16,
  learningRate: 0.01,
  seed: 5,
};

beforeAll(async () => {
  await initBackend();
});

describe('foldSplits', () => {
  it('puts every record in exactly one test fold, each fold keeping the class balance', () => {
    const folds = foldSplits(data, 4, 9);
    const tested = folds.flatMap((f) => f.test).sort((a, b) => a - b);
    expect(tested).toEqual(Array.from({ length: data.count }, (_, i) => i));
    for (const f of folds) {
      expect(f.train.length + f.test.length).toBe(data.count);
      expect(f.train.filter((i) => f.test.includes(i))).toEqual([]);
      const positives = f.test.filter((i) => data.labels[i] === 1).length;
      expect(Math.abs(positives - f.test.length / 2)).toBeLessThanOrEqual(1);
    }
    expect(foldSplits(data, 4, 9)).toEqual(folds);
    expect(foldSplits(data, 4, 10)).not.toEqual(folds);
  });

  it('refuses a fold count that is not an integer from 2 to the record count', () => {
    expect(() => foldSplits(data, 1, 1)).toThrow(
      new LearningError(
        'INVALID_OPTIONS',
        'folds must be an integer from 2 to the number of records (150); got 1',
        'folds',
      ),
    );
  });
});

describe('crossValidate', () => {
  it('reports per-fold test metrics and their mean and sd, the same twice under one seed', async () => {
    const tensors = tf.memory().numTensors;
    const seen: number[] = [];
    const first = await crossValidate(data, { ...OPTIONS, onFold: (f) => void seen.push(f.fold) });
    expect(tf.memory().numTensors).toBe(tensors);
    expect(seen).toEqual([1, 2, 3]);
    expect(first).toMatchObject({
      architecture: 'deepbind',
      task: 'binary',
      split: { method: 'stratified-k-fold', folds: 3, seed: 5 },
    });
    const splits = foldSplits(data, 3, 5);
    first.folds.forEach((f, i) => {
      expect(f).toMatchObject({
        fold: i + 1,
        train: splits[i]!.train.length,
        test: splits[i]!.test.length,
        testSha256: rowsChecksum(splits[i]!.test),
      });
      expect(f.testLabelCounts.negative! + f.testLabelCounts.positive!).toBe(f.test);
      expect(Object.keys(f.metrics)).toEqual([
        'test_loss',
        'test_auroc',
        'test_auprc',
        'test_accuracy',
      ]);
    });
    for (const name of Object.keys(first.mean)) {
      const values = first.folds.map((f) => f.metrics[name]!);
      expect(first.mean[name]).toBeCloseTo(mean(values), 12);
      expect(first.sd[name]).toBeCloseTo(sampleSd(values), 12);
      expect(first.undefinedFolds[name]).toBe(0);
    }
    // The planted motif is learnt in every fold.
    expect(first.mean.test_auroc).toBeGreaterThan(0.8);
    // The baseline is fitted on the same folds and summarised the same way.
    expect(first.baseline).toMatchObject({ method: 'logistic-regression', features: 'one-hot' });
    expect(first.baseline!.folds.map((f) => f.fold)).toEqual([1, 2, 3]);
    const baselineAuroc = first.baseline!.folds.map((f) => f.metrics['test_auroc']!);
    expect(first.baseline!.mean['test_auroc']).toBeCloseTo(mean(baselineAuroc), 12);
    expect(first.confusionMatrix).toBeNull();
    const skipped = await crossValidate(data, { ...OPTIONS, baseline: false });
    expect(skipped.baseline).toBeNull();
    const again = await crossValidate(data, OPTIONS);
    expect(again).toEqual(first);
  });

  it('stops when its signal is aborted, with LearningError CANCELLED', async () => {
    const controller = new AbortController();
    const run = crossValidate(data, {
      ...OPTIONS,
      onEpoch: (fold, report) => {
        if (fold === 2 && report.epoch === 1) controller.abort();
      },
      signal: controller.signal,
    });
    await expect(run).rejects.toThrow(
      new LearningError('CANCELLED', 'cross-validation cancelled in fold 2 of 3'),
    );
  });

  it('refuses an architecture that does not read sequences before training anything', async () => {
    await expect(
      crossValidate(data, { ...OPTIONS, architecture: 'mlp', config: {} }),
    ).rejects.toThrow(
      'architecture "mlp" reads features input (a feature vector per sample, such as an expression profile), which fits expression data; this data holds one-hot sequences of 30 bp in 2 classes (sequence-classification data); use deepbind, lstm',
    );
  });
});
