import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/init-backend.ts';
import { buildModel } from './build-model.ts';
import {
  expressionData,
  firstTask,
  lowRankExpression,
  multimodalRiskData,
  multitaskMotifData,
  risingSeriesData,
  trainArchitecture,
} from './zoo.testing.ts';

beforeAll(async () => {
  await initBackend();
});

const QUICK = { batchSize: 32, learningRate: 0.01, seed: 2 };

describe('danq', () => {
  it('learns a planted motif through conv → BiLSTM', async () => {
    const data = { ...firstTask(multitaskMotifData(600, 60, 3)) };
    const config = {
      filters: 16,
      kernelSize: 8,
      poolSize: 4,
      lstmUnits: 8,
      hiddenUnits: 16,
      tasks: 1,
      dropout: 0.1,
      finalDropout: 0.1,
    };
    const model = buildModel({
      architecture: 'danq',
      config,
      inputLength: 60,
      alphabetSize: 4,
      seed: 1,
    });
    expect(model.layers[0]?.name).toBe('conv1');
    expect(model.getLayer('bilstm').outputShape).toEqual([null, 13, 16]);
    model.dispose();
    const metrics = await trainArchitecture('danq', config, data, { ...QUICK, epochs: 6 });
    expect(metrics['val_auroc']).toBeGreaterThan(0.85);
  });
});

describe('basset', () => {
  it('learns a planted motif through conv + batch norm blocks', async () => {
    const data = firstTask(multitaskMotifData(1200, 60, 3));
    const config = {
      filters: [16, 16, 16],
      kernelSizes: [7, 5, 3],
      poolSizes: [2, 2, 2],
      hiddenUnits: [16, 16],
      dropout: 0.1,
    };
    const metrics = await trainArchitecture('basset', config, data, { ...QUICK, epochs: 10 });
    expect(metrics['val_auroc']).toBeGreaterThan(0.85);
  });
});

describe('mlp', () => {
  it('classifies a linear rule on expression (binary)', async () => {
    const metrics = await trainArchitecture(
      'mlp',
      { hiddenUnits: [16] },
      expressionData(500, 20, 1, 'binary'),
      { ...QUICK, epochs: 8 },
    );
    expect(metrics['val_auroc']).toBeGreaterThan(0.9);
  });

  it('finds the arg max class (multiclass, chance 1/3)', async () => {
    const config = { hiddenUnits: [32], outputs: 3, task: 'multiclass' };
    const metrics = await trainArchitecture(
      'mlp',
      config,
      expressionData(600, 20, 1, 'multiclass'),
      { ...QUICK, epochs: 8 },
    );
    expect(metrics['val_accuracy']).toBeGreaterThan(0.7);
    expect(metrics['val_macro_f1']).toBeGreaterThan(0.65);
  });

  it('fits a linear target (regression)', async () => {
    const config = { hiddenUnits: [32], dropout: 0, task: 'regression' };
    const metrics = await trainArchitecture(
      'mlp',
      config,
      expressionData(600, 20, 1, 'regression'),
      { ...QUICK, epochs: 8 },
    );
    expect(metrics['val_r2']).toBeGreaterThan(0.8);
    expect(metrics['val_pearson']).toBeGreaterThan(0.9);
  });
});

describe('lstm', () => {
  for (const cell of ['lstm', 'gru'] as const) {
    it(`tells a rising series from a falling one (${cell})`, async () => {
      const config = { cell, units: 16, dropout: 0 };
      const metrics = await trainArchitecture('lstm', config, risingSeriesData(500, 12, 4), {
        ...QUICK,
        epochs: 8,
      });
      expect(metrics['val_auroc']).toBeGreaterThan(0.85);
    });
  }
});

describe('autoencoder', () => {
  it('reconstructs low-rank profiles through a small embedding', async () => {
    const config = { hiddenUnits: [16], embeddingSize: 4, inputDropout: 0.1 };
    const metrics = await trainArchitecture('autoencoder', config, lowRankExpression(500, 20, 5), {
      ...QUICK,
      epochs: 10,
    });
    expect(metrics['val_r2']).toBeGreaterThan(0.7); // predicting the mean scores 0
  });
});

describe('risk', () => {
  it('learns one task from each branch', async () => {
    const data = multimodalRiskData(600, 20, 8, 6);
    const config = {
      variantFeatures: 8,
      expressionUnits: 16,
      variantUnits: 8,
      sharedUnits: 16,
      dropout: 0,
      tasks: 2,
    };
    const model = buildModel({
      architecture: 'risk',
      config,
      inputLength: 20,
      alphabetSize: 1,
      seed: 1,
    });
    expect(model.inputs.map((i) => i.name)).toEqual(['expression', 'variants']);
    expect(model.outputs[0]?.shape).toEqual([null, 2]);
    model.dispose();
    const metrics = await trainArchitecture('risk', config, data, { ...QUICK, epochs: 8 });
    expect(metrics['val_auroc_t1']).toBeGreaterThan(0.85);
    expect(metrics['val_auroc_t2']).toBeGreaterThan(0.85);
  });
});
