import * as tf from '@tensorflow/tfjs';
import { oneHotEncode, reverseComplement } from '@strand/genomics';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../architectures/build-model.ts';
import { initBackend } from '../backend/init-backend.ts';
import type { Predictor } from '../inference/predictor.ts';
import { createPredictor } from '../inference/predictor.ts';
import { TINY_DEEPBIND } from '../testing.ts';
import { clippedLogit } from './log-odds.ts';
import { averageVariantScores, scoreVariantWindows } from './score-variant-windows.ts';

const L = 20;
const predictOne = (model: tf.LayersModel, seq: string): number[] =>
  tf.tidy(() =>
    Array.from((model.predict(tf.tensor3d(oneHotEncode(seq), [1, L, 4])) as tf.Tensor).dataSync()),
  );

const windows = [
  { refWindow: 'ACGTACGTACGTACGTACGT', altWindow: 'ACGTACGTACTTACGTACGT' },
  { refWindow: 'ttttGGGGccccAAAANNNN', altWindow: 'ttttGGGGcAccAAAANNNN' },
  { refWindow: 'GATAAGGATAAGGATAAGGA', altWindow: 'GATAAGGATCAGGATAAGGA' },
];

// Both engines: TF.js on this thread, and the models exported to ONNX Runtime.
describe.each(['tfjs', 'onnx'] as const)('scoreVariantWindows (%s)', (engine) => {
  let model: tf.LayersModel;
  let multi: tf.LayersModel;
  let single: Predictor;
  let several: Predictor;
  beforeAll(async () => {
    await initBackend();
    model = buildModel({
      architecture: 'deepbind',
      config: { ...TINY_DEEPBIND },
      inputLength: L,
      alphabetSize: 4,
      seed: 7,
    });
    multi = tf.sequential({
      layers: [
        tf.layers.conv1d({
          inputShape: [L, 4],
          filters: 4,
          kernelSize: 5,
          activation: 'relu',
          kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }),
        }),
        tf.layers.globalMaxPooling1d(),
        tf.layers.dense({
          units: 3,
          activation: 'sigmoid',
          kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }),
        }),
      ],
    });
    single = await createPredictor(model, { engine });
    several = await createPredictor(multi, { engine });
  });

  it('gives ref, alt, diff, |diff| and the log-odds change per variant, equal to single predictions', async () => {
    expect(single.engine).toMatch(engine === 'onnx' ? /^onnxruntime-/ : /^tfjs-/);
    const s = await scoreVariantWindows(single, windows, { batchSize: 2 });
    expect([s.count, s.tasks]).toEqual([3, 1]);
    windows.forEach((w, i) => {
      const r = predictOne(model, w.refWindow)[0];
      const a = predictOne(model, w.altWindow)[0];
      expect(s.ref[i]).toBeCloseTo(r, 6);
      expect(s.alt[i]).toBeCloseTo(a, 6);
      expect(s.diff[i]).toBe(s.alt[i] - s.ref[i]);
      expect(s.absDiff[i]).toBe(Math.abs(s.alt[i] - s.ref[i]));
      expect(s.logOddsChange[i]).toBeCloseTo(Math.log(a / (1 - a)) - Math.log(r / (1 - r)), 5);
    });
  });

  it('averages both strands with reverseComplement', async () => {
    const s = await scoreVariantWindows(single, windows, { reverseComplement: true });
    windows.forEach((w, i) => {
      const r =
        (predictOne(model, w.refWindow)[0] + predictOne(model, reverseComplement(w.refWindow))[0]) /
        2;
      const a =
        (predictOne(model, w.altWindow)[0] + predictOne(model, reverseComplement(w.altWindow))[0]) /
        2;
      expect(s.ref[i]).toBeCloseTo(r, 6);
      expect(s.alt[i]).toBeCloseTo(a, 6);
    });
  });

  it('scores every task of a multi-output model, row-major [variant, task]', async () => {
    const s = await scoreVariantWindows(several, windows);
    expect(s.tasks).toBe(3);
    const expected = predictOne(multi, windows[1].altWindow);
    for (let t = 0; t < 3; t++) expect(s.alt[3 + t]).toBeCloseTo(expected[t], 6);
  });

  it('is deterministic, whatever the batch size, and leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    const options = { reverseComplement: true, batchSize: 1 };
    const a = await scoreVariantWindows(single, windows, options);
    const b = await scoreVariantWindows(single, windows, options);
    const c = await scoreVariantWindows(single, windows, { ...options, batchSize: 3 });
    expect(tf.memory().numTensors).toBe(before);
    expect(b).toEqual(a);
    c.ref.forEach((v, i) => expect(v).toBeCloseTo(a.ref[i] as number, 6));
    expect((await scoreVariantWindows(single, [])).count).toBe(0);
  });

  it('clips probabilities to [1e-7, 1 − 1e-7] before the logit', () => {
    expect(clippedLogit(0)).toBeCloseTo(Math.log(1e-7 / (1 - 1e-7)), 6);
    expect(clippedLogit(1)).toBeCloseTo(-Math.log(1e-7 / (1 - 1e-7)), 6);
    expect(clippedLogit(0.5)).toBe(0);
  });

  it('names a window that does not fit the model, and a bad batch size', async () => {
    await expect(
      scoreVariantWindows(single, [windows[0], { refWindow: 'ACGT', altWindow: 'ACGA' }]),
    ).rejects.toThrow(
      "scoreVariantWindows: window 1 refWindow has length 4, not the model's input length 20",
    );
    await expect(scoreVariantWindows(single, windows, { batchSize: 0 })).rejects.toThrow(
      'scoreVariantWindows: batchSize 0 is not an integer ≥ 1',
    );
  });
});

describe('averageVariantScores', () => {
  const scores = (ref: number[], alt: number[], tasks = 1) => ({
    count: ref.length / tasks,
    tasks,
    ref: Float64Array.from(ref),
    alt: Float64Array.from(alt),
    diff: new Float64Array(ref.length),
    absDiff: new Float64Array(ref.length),
    logOddsChange: new Float64Array(ref.length),
  });

  it('averages ref and alt over each variant’s shifts, then takes the differences of the means', () => {
    // Two variants × three shifts, two tasks.
    const averaged = averageVariantScores(
      scores(
        [0.1, 0.5, 0.2, 0.5, 0.3, 0.5, 0.9, 0.1, 0.8, 0.1, 0.7, 0.1],
        [0.4, 0.5, 0.5, 0.5, 0.6, 0.5, 0.6, 0.1, 0.5, 0.4, 0.4, 0.1],
        2,
      ),
      3,
    );
    expect(averaged.count).toBe(2);
    [0.2, 0.5, 0.8, 0.1].forEach((v, i) => expect(averaged.ref[i]).toBeCloseTo(v, 12));
    [0.5, 0.5, 0.5, 0.2].forEach((v, i) => expect(averaged.alt[i]).toBeCloseTo(v, 12));
    [0.3, 0, -0.3, 0.1].forEach((v, i) => expect(averaged.diff[i]).toBeCloseTo(v, 12));
    expect(averaged.absDiff[2]).toBeCloseTo(0.3, 12);
    expect(averaged.logOddsChange[0]).toBeCloseTo(clippedLogit(0.5) - clippedLogit(0.2), 12);
  });

  it('refuses pairs that do not split into whole groups', () => {
    expect(() => averageVariantScores(scores([0.1, 0.2], [0.3, 0.4]), 3)).toThrow(
      'averageVariantScores: 2 window pairs do not split into groups of 3',
    );
  });
});
