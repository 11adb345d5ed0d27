import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@strand/models';
import { fit } from './fit.ts';
import { plantedMotifData } from './synthetic.testing.ts';

const data = plantedMotifData(200, 30, 3);
const OPTIONS = {
  architecture: 'deepbind',
  config: { filters: 8, kernelSize: 8, hiddenUnits: 8, dropout: 0 },
  epochs: 3,
  batchSize: 32,
  learningRate: 0.01,
  seed: 5,
};

beforeAll(async () => {
  await initBackend();
});

describe('fit on several gradient workers', () => {
  it('trains data-parallel with the same split, reports and early stopping, near one thread', async () => {
    const before = tf.memory().numTensors;
    const one = await fit(data, OPTIONS);
    const two = await fit(data, { ...OPTIONS, workers: 2 });
    expect([one.workers, two.workers]).toEqual([1, 2]);
    expect(two.split).toEqual(one.split);
    expect(two.history.map((r) => Object.keys(r.metrics))).toEqual(
      one.history.map((r) => Object.keys(r.metrics)),
    );
    // Two half-batch means averaged vs one batch mean: equal up to float rounding.
    two.history.forEach((r, i) =>
      expect(r.metrics['val_loss']).toBeCloseTo(one.history[i]?.metrics['val_loss'] as number, 3),
    );
    one.model.dispose();
    two.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
