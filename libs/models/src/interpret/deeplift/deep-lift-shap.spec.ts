import * as tf from '@tensorflow/tfjs';
import { createRng, oneHotEncode } from '@strand/genomics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../architectures/build-model.ts';
import type { ArchitectureName } from '../../architectures/registry.ts';
import { firstTask, multitaskMotifData } from '../../architectures/zoo.testing.ts';
import { initBackend } from '../../backend/init-backend.ts';
import { trainModel } from '../../training/train.ts';
import { integratedGradients } from '../integrated-gradients.ts';
import { deepLiftShap } from './deep-lift-shap.ts';

const LENGTH = 60;
const random = createRng(11);
const SEQS = Array.from({ length: 6 }, () =>
  Array.from({ length: LENGTH }, () => 'ACGT'[random.int(4)]).join(''),
);

/** Every sequence architecture of the zoo, small, with the output DeepLIFT explains. */
const ZOO: {
  name: string;
  architecture: ArchitectureName;
  config: Record<string, unknown>;
  output?: number;
  /** Trained briefly instead of stretched (see `stretched`). */
  trained?: boolean;
}[] = [
  {
    name: 'deepbind',
    architecture: 'deepbind',
    config: { filters: 8, kernelSize: 7, hiddenUnits: 8 },
  },
  {
    name: 'deepsea',
    architecture: 'deepsea',
    config: { filters: [8, 8, 8], kernelSize: 5, poolSize: 2, hiddenUnits: 8, tasks: 2 },
  },
  {
    name: 'basset',
    architecture: 'basset',
    config: {
      filters: [8, 8, 8],
      kernelSizes: [7, 5, 3],
      poolSizes: [2, 2, 2],
      hiddenUnits: [8, 8],
      tasks: 2,
    },
  },
  {
    name: 'danq (BiLSTM by local integrated gradients)',
    architecture: 'danq',
    config: { filters: 8, kernelSize: 7, poolSize: 4, lstmUnits: 4, hiddenUnits: 8 },
    // Keras LSTM gates are hard sigmoids: weights ×2.5 saturate them into kinks that slow the
    // path quadrature down; a trained DanQ is the case that matters (measured: ≤ 1.2e-4).
    trained: true,
  },
  {
    name: 'bpnet counts head',
    architecture: 'bpnet',
    config: { filters: 8, stemKernel: 7, dilatedLayers: 3 },
    output: 1,
  },
  {
    name: 'bpnet (counts only)',
    architecture: 'bpnet',
    config: { filters: 8, stemKernel: 7, dilatedLayers: 3, heads: 'counts' },
  },
  {
    name: 'deepcpg (CpG input held)',
    architecture: 'deepcpg',
    config: { cpgFeatures: 4, filters: 8, kernelSize: 7, poolSize: 4 },
  },
];

beforeAll(async () => {
  await initBackend();
});

/**
 * Larger weights (×2.5) and, for batch norm, moving statistics away from (0, 1), so that
 * the outputs span enough for the check to mean something.
 */
function stretched(architecture: ArchitectureName, config: Record<string, unknown>): tf.LayersModel {
  const model = buildModel({ architecture, config, inputLength: LENGTH, alphabetSize: 4, seed: 3 });
  const stretch = createRng(5);
  tf.tidy(() => {
    for (const layer of model.layers) {
      const weights = layer.getWeights();
      if (weights.length === 0) continue;
      if (layer.getClassName() === 'BatchNormalization') {
        // gamma, beta, moving mean, moving variance
        layer.setWeights(
          weights.map((w, i) =>
            tf.tensor(
              Float32Array.from({ length: w.size }, () =>
                i === 3
                  ? 0.5 + stretch.next()
                  : i === 0
                    ? 0.5 + stretch.next()
                    : stretch.next() - 0.5,
              ),
              w.shape,
            ),
          ),
        );
      } else {
        layer.setWeights(weights.map((w) => w.mul(2.5)));
      }
    }
  });
  return model;
}

/** Trained for 3 epochs on planted E-box sites. */
async function trained(architecture: ArchitectureName, config: Record<string, unknown>): Promise<tf.LayersModel> {
  const model = buildModel({ architecture, config, inputLength: LENGTH, alphabetSize: 4, seed: 3 });
  const data = firstTask(multitaskMotifData(400, LENGTH, 3));
  await trainModel(model, data, { epochs: 3, batchSize: 32, learningRate: 0.01, seed: 3 });
  return model;
}

describe('deepLiftShap: summation-to-delta on every zoo CNN', () => {
  for (const entry of ZOO) {
    it(`${entry.name}: contributions sum to f(x) − mean f(refs) within 1e-3, logit and output`, async () => {
      const model = entry.trained
        ? await trained(entry.architecture, entry.config)
        : stretched(entry.architecture, entry.config);
      const extraInputs =
        entry.architecture === 'deepcpg'
          ? [Float32Array.from({ length: SEQS.length * 4 }, (_, i) => Math.sin(i))]
          : undefined;
      const before = tf.memory().numTensors;
      let span = 0;
      for (const logit of [true, false]) {
        for (const references of ['shuffle', 'composition'] as const) {
          const r = deepLiftShap(model, SEQS, {
            references,
            shuffles: 5,
            logit,
            output: entry.output ?? 0,
            ...(extraInputs ? { extraInputs } : {}),
          });
          for (let s = 0; s < SEQS.length; s++) {
            let sum = 0;
            for (let i = s * LENGTH * 4; i < (s + 1) * LENGTH * 4; i++) sum += r.contributions[i];
            const delta = r.outputs[s] - r.referenceOutputs[s];
            span = Math.max(span, Math.abs(delta));
            expect(Math.abs(sum - delta)).toBeLessThan(1e-3);
            expect(r.convergenceDelta[s]).toBeLessThan(1e-3);
          }
        }
      }
      // The check means something: the outputs do move between sequence and references.
      expect(span).toBeGreaterThan(0.05);
      expect(tf.memory().numTensors).toBe(before);
      model.dispose();
    });
  }
});

describe('deepLiftShap', () => {
  let model: tf.LayersModel;
  beforeAll(() => {
    model = stretched('deepsea', ZOO[1]!.config);
  });
  afterAll(() => model.dispose());

  it('gives contributions = hypothetical × one-hot, whatever the batch size', () => {
    const a = deepLiftShap(model, SEQS, { shuffles: 3, batchSize: 64, task: 1 });
    const b = deepLiftShap(model, SEQS, { shuffles: 3, batchSize: 1, task: 1 });
    a.hypothetical.forEach((v, i) => expect(b.hypothetical[i]).toBeCloseTo(v, 5));
    SEQS.forEach((seq, s) => {
      const x = oneHotEncode(seq);
      x.forEach((v, i) =>
        expect(a.contributions[s * LENGTH * 4 + i]).toBeCloseTo(
          v * a.hypothetical[s * LENGTH * 4 + i],
          6,
        ),
      );
    });
    expect(a.references).toBe('shuffle');
    expect(a.referencesPerSequence).toBe(3);
  });

  it('names what it cannot explain', () => {
    const pooled = tf.sequential({
      layers: [
        tf.layers.conv1d({ inputShape: [LENGTH, 4], filters: 2, kernelSize: 3 }),
        tf.layers.maxPooling1d({ name: 'overlap', poolSize: 3, strides: 1 }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 1 }),
      ],
    });
    expect(() => deepLiftShap(pooled, SEQS)).toThrow(
      'deepLiftShap: layer "overlap" pools overlapping or padded windows (pool 3, stride 1, padding valid); only non-overlapping \'valid\' max pooling is covered',
    );
    const embedded = tf.sequential({
      layers: [
        tf.layers.conv1d({ inputShape: [LENGTH, 4], filters: 2, kernelSize: 3 }),
        tf.layers.layerNormalization({ name: 'norm' }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 1 }),
      ],
    });
    expect(() => deepLiftShap(embedded, SEQS)).toThrow(
      'deepLiftShap: layer "norm" (LayerNormalization) is not covered by DeepLIFT here',
    );
    expect(() => deepLiftShap(model, ['ACGT'])).toThrow(
      'deepLiftShap: sequence 1 has length 4; the model takes 60',
    );
    expect(() => deepLiftShap(model, SEQS, { task: 2 })).toThrow(
      'deepLiftShap: task 2 is out of range: the output has 2 columns (0 to 1)',
    );
    expect(() => deepLiftShap(model, SEQS, { shuffles: 0 })).toThrow(
      'deepLiftShap: shuffles 0 is not an integer in [1, 1000]',
    );
    tf.dispose([pooled, embedded] as unknown as tf.Tensor[]);
  });
});

describe('deepLiftShap agrees with integrated gradients on a trained model', () => {
  it('in sign on ≥ 90% of high-attribution positions (same reference as IG baseline)', async () => {
    const data = firstTask(multitaskMotifData(600, LENGTH, 3));
    const model = buildModel({
      architecture: 'deepbind',
      config: { filters: 16, kernelSize: 8, hiddenUnits: 16, dropout: 0.1 },
      inputLength: LENGTH,
      alphabetSize: 4,
      seed: 4,
    });
    await trainModel(model, data, { epochs: 6, batchSize: 32, learningRate: 0.01, seed: 4 });
    const before = tf.memory().numTensors;
    const sequences: string[] = [];
    for (let row = 0; row < data.count && sequences.length < 20; row++) {
      if (data.y[row] !== 1) continue;
      let seq = '';
      for (let p = 0; p < LENGTH; p++) {
        const o = (row * LENGTH + p) * 4;
        seq += 'ACGT'[[0, 1, 2, 3].find((b) => data.x[o + b] === 1) ?? 0];
      }
      sequences.push(seq);
    }
    const lifted = deepLiftShap(model, sequences, { references: 'composition', logit: false });
    let agree = 0;
    let high = 0;
    let deltaIg = 0;
    sequences.forEach((seq, s) => {
      const x = oneHotEncode(seq);
      const freq = [0, 1, 2, 3].map(
        (b) => x.filter((_, i) => i % 4 === b).reduce((a, v) => a + v, 0) / LENGTH,
      );
      const baseline = Float32Array.from({ length: LENGTH * 4 }, (_, i) => freq[i % 4]!);
      const ig = integratedGradients(model, seq, { baseline, steps: 64 });
      deltaIg = Math.max(deltaIg, Math.abs(ig.delta));
      const perPosition = (scores: Float32Array, offset: number) =>
        Array.from({ length: LENGTH }, (_, p) => {
          let v = 0;
          for (let b = 0; b < 4; b++) v += scores[offset + p * 4 + b];
          return v;
        });
      const dl = perPosition(lifted.contributions, s * LENGTH * 4);
      const gi = perPosition(ig.scores, 0);
      // High-attribution positions: the top 10% by |DeepLIFT| of each sequence.
      const top = dl
        .map((v, p) => ({ v, p }))
        .sort((a, b) => Math.abs(b.v) - Math.abs(a.v))
        .slice(0, Math.ceil(LENGTH / 10));
      for (const { v, p } of top) {
        high++;
        if (Math.sign(v) === Math.sign(gi[p]!)) agree++;
      }
      expect(lifted.outputs[s]).toBeCloseTo(ig.output, 5);
    });
    // Measured on the WASM backend: 120 of 120 positions agree.
    expect(agree / high).toBeGreaterThanOrEqual(0.9);
    expect(Math.max(...lifted.convergenceDelta)).toBeLessThan(1e-3);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});
