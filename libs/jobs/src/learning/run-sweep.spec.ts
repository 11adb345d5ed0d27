import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@strand/models';
import { LearningError } from './learning.error.ts';
import { bestSoFar, medianStops } from './median-stopping.ts';
import { runSweep } from './run-sweep.ts';
import { gridTrials, randomTrials } from './sweep-space.ts';
import { plantedMotifData } from './synthetic.testing.ts';

const data = plantedMotifData(160, 30, 8);
const BASE = {
  data,
  architecture: 'deepbind',
  config: { filters: 8, kernelSize: 8, hiddenUnits: 8 },
  seed: 3,
  epochs: 3,
  batchSize: 16,
};

beforeAll(async () => {
  await initBackend();
});

describe('search spaces', () => {
  it('a grid enumerates every combination, first parameter slowest, cut at maxTrials', () => {
    const space = { learningRate: [0.01, 0.001], 'config.filters': [8, 16, 32] };
    expect(gridTrials(space)).toEqual([
      { learningRate: 0.01, 'config.filters': 8 },
      { learningRate: 0.01, 'config.filters': 16 },
      { learningRate: 0.01, 'config.filters': 32 },
      { learningRate: 0.001, 'config.filters': 8 },
      { learningRate: 0.001, 'config.filters': 16 },
      { learningRate: 0.001, 'config.filters': 32 },
    ]);
    expect(gridTrials(space, 2)).toHaveLength(2);
  });

  it('random draws stay in their ranges (log-uniform, integers) and depend only on the seed', () => {
    const space = {
      learningRate: { min: 1e-4, max: 1e-1, log: true },
      'config.filters': { min: 4, max: 12, integer: true },
      'config.dropout': [0, 0.5],
    };
    const trials = randomTrials(space, 200, 7);
    expect(trials).toHaveLength(200);
    for (const t of trials) {
      expect(t.learningRate).toBeGreaterThanOrEqual(1e-4);
      expect(t.learningRate).toBeLessThanOrEqual(1e-1);
      expect(Number.isInteger(t['config.filters'])).toBe(true);
      expect([0, 0.5]).toContain(t['config.dropout']);
    }
    // Log-uniform: about half the draws fall below the geometric midpoint (≈ 3.2e-3).
    const below = trials.filter((t) => (t.learningRate as number) < Math.sqrt(1e-5)).length;
    expect(below).toBeGreaterThan(70);
    expect(below).toBeLessThan(130);
    expect(new Set(trials.map((t) => t['config.filters'])).size).toBe(9);
    expect(randomTrials(space, 200, 7)).toEqual(trials);
    expect(randomTrials(space, 200, 8)).not.toEqual(trials);
  });

  it('median stopping compares best-so-far values with the completed trials at the same epoch', () => {
    expect(bestSoFar([0.5, 0.7, 0.6], 3, 'maximize')).toBe(0.7);
    expect(bestSoFar([0.5, 0.3, 0.6], 2, 'minimize')).toBe(0.3);
    expect(bestSoFar([Number.NaN], 1, 'maximize')).toBeNaN();
    const completed = [
      [0.6, 0.8, 0.9],
      [0.7, 0.75, 0.8],
      [0.5, 0.9],
    ];
    const rule = { after: 2, minCompleted: 2 };
    // Medians at epoch 2 of best-so-far values: 0.8, 0.75, 0.9 → 0.8.
    expect(medianStops([0.55, 0.79], 2, completed, 'maximize', rule)).toBe(true);
    expect(medianStops([0.55, 0.8], 2, completed, 'maximize', rule)).toBe(false);
    expect(medianStops([0.1], 1, completed, 'maximize', rule)).toBe(false);
    expect(medianStops([0.1, 0.1], 2, completed.slice(0, 1), 'maximize', rule)).toBe(false);
    expect(medianStops([0.9, 0.9], 2, completed, 'minimize', rule)).toBe(true);
    expect(medianStops([Number.NaN, Number.NaN], 2, completed, 'maximize', rule)).toBe(true);
  });
});

describe('runSweep', () => {
  it('runs a grid as ordinary trainings and returns every trial and the best one', async () => {
    const tensors = tf.memory().numTensors;
    const events: string[] = [];
    const result = await runSweep({
      ...BASE,
      space: { learningRate: [0.01, 0.003], 'config.filters': [4, 8] },
      onTrialStart: (t) => void events.push(`start ${t.trial}`),
      onEpoch: (trial, e) => void events.push(`epoch ${trial}.${e.epoch}`),
      onTrialEnd: (t) => void events.push(`end ${t.trial} ${t.status}`),
    });
    expect(tf.memory().numTensors).toBe(tensors);
    expect(result).toMatchObject({
      architecture: 'deepbind',
      task: 'binary',
      method: 'grid',
      metric: 'val_auroc',
      direction: 'maximize',
      split: { method: 'stratified-holdout', validationFraction: 0.2, train: 128, validation: 32 },
    });
    expect(result.trials.map((t) => [t.params, t.learningRate, t.config])).toEqual(
      [
        [0.01, 4],
        [0.01, 8],
        [0.003, 4],
        [0.003, 8],
      ].map(([learningRate, filters]) => [
        { learningRate, 'config.filters': filters },
        learningRate,
        { filters, kernelSize: 8, hiddenUnits: 8, dropout: 0.2, task: 'binary', outputs: 1 },
      ]),
    );
    expect(events.slice(0, 5)).toEqual([
      'start 1',
      'epoch 1.1',
      'epoch 1.2',
      'epoch 1.3',
      'end 1 completed',
    ]);
    for (const t of result.trials) {
      expect(t).toMatchObject({ status: 'completed', epochs: 3, batchSize: 16 });
      expect(t.value).toBe(Math.max(...t.curve));
      expect(t.metrics.val_auroc).toBe(t.value);
    }
    const best = Math.max(...result.trials.map((t) => t.value));
    expect(result.best?.value).toBe(best);
    expect(result.best).toBe(result.trials.find((t) => t.value === best));
  });

  it('random search runs maxTrials trials drawn from the seed', async () => {
    const options = {
      ...BASE,
      epochs: 1,
      method: 'random' as const,
      maxTrials: 3,
      space: { learningRate: { min: 1e-3, max: 3e-2, log: true }, 'config.filters': [4, 8] },
    };
    const result = await runSweep(options);
    expect(result.trials.map((t) => t.params)).toEqual(randomTrials(options.space, 3, 3));
    const again = await runSweep(options);
    expect(again.trials.map((t) => [t.params, t.value])).toEqual(
      result.trials.map((t) => [t.params, t.value]),
    );
  });

  it('prunes a hopeless trial (learning rate 1e-7) with the median stopping rule', async () => {
    const result = await runSweep({
      ...BASE,
      epochs: 8,
      config: { filters: 8, kernelSize: 8, hiddenUnits: 8, dropout: 0 },
      space: { learningRate: [0.02, 0.01, 1e-7] },
      earlyStop: { after: 2, rule: 'median' },
    });
    expect(result.trials.map((t) => [t.status, t.epochs])).toEqual([
      ['completed', 8],
      ['completed', 8],
      ['pruned', 2],
    ]);
    expect(result.trials[2]!.value).toBeLessThan(result.trials[1]!.value);
    expect(result.best?.trial).toBeLessThan(3);
  });

  it('checks the space and every trial before training', async () => {
    await expect(runSweep({ ...BASE, space: { momentum: [0.9] } })).rejects.toThrow(
      new LearningError(
        'INVALID_OPTIONS',
        'space.momentum: not a parameter of deepbind; sweepable: learningRate, batchSize, config.filters, config.kernelSize, config.hiddenUnits, config.dropout',
        'space.momentum',
      ),
    );
    await expect(
      runSweep({ ...BASE, space: { learningRate: { min: 1e-4, max: 1e-2 } } }),
    ).rejects.toThrow(
      'space.learningRate: grid search needs a list of values, not a range (or use method "random")',
    );
    await expect(runSweep({ ...BASE, space: { 'config.filters': [8, 0] } })).rejects.toThrow(
      /^trial 2 \(config\.filters=0\): config\.filters: /,
    );
  });
});
