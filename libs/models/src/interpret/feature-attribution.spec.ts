import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../architectures/build-model.ts';
import { initBackend } from '../backend/init-backend.ts';
import { featureAttribution } from './feature-attribution.ts';

// A linear two-input model: out = 1·a0 − 2·a1 + 0.5·a2 + 3·b0 − 1·b1 + 0.25, and a second
// column 2·a0 (to check `output`). Integrated gradients of a linear model are exact:
// w ⊙ (x − baseline); gradient × input is w ⊙ x.
const W = [1, -2, 0.5, 3, -1];
let linear: tf.LayersModel;
let risk: tf.LayersModel;
let before: number;

const A = Float32Array.from([1, 2, 3, -1, 0, 2]); // 2 samples × 3
const B = Float32Array.from([0.5, -1, 2, 1]); // 2 samples × 2

beforeAll(async () => {
  await initBackend();
  const a = tf.input({ name: 'a', shape: [3] });
  const b = tf.input({ name: 'b', shape: [2] });
  const joined = tf.layers.concatenate().apply([a, b]) as tf.SymbolicTensor;
  const dense = tf.layers.dense({ units: 2, name: 'linear' });
  linear = tf.model({ inputs: [a, b], outputs: dense.apply(joined) as tf.SymbolicTensor });
  const kernel = W.flatMap((w, i) => [w, i === 0 ? 2 : 0]);
  dense.setWeights([tf.tensor2d(kernel, [5, 2]), tf.tensor1d([0.25, 0])]);
  risk = buildModel({
    architecture: 'risk',
    config: { variantFeatures: 4, expressionUnits: 8, variantUnits: 4, sharedUnits: 8, tasks: 1 },
    inputLength: 6,
    alphabetSize: 1,
    seed: 3,
  });
  before = tf.memory().numTensors;
});
afterAll(() => {
  expect(tf.memory().numTensors).toBe(before);
  linear.dispose();
  risk.dispose();
});

/** w ⊙ (x − base) for sample r of input i (a: features 0–2, b: 3–4). */
const expected = (x: Float32Array, base: number[], offset: number, size: number) =>
  Array.from(x, (v, k) => (W[offset + (k % size)] as number) * (v - (base[k % size] as number)));

describe('featureAttribution', () => {
  it('is exact on a linear model: IG = w ⊙ (x − mean baseline), grad × input = w ⊙ x', () => {
    const ig = featureAttribution(linear, [A, B]);
    const meanA = [0, 1, 2.5];
    const meanB = [1.25, 0];
    expect([...ig.baseline![0]]).toEqual(meanA);
    expect([...ig.baseline![1]]).toEqual(meanB);
    [...ig.attributions[0]].forEach((v, k) =>
      expect(v).toBeCloseTo(expected(A, meanA, 0, 3)[k], 5),
    );
    [...ig.attributions[1]].forEach((v, k) =>
      expect(v).toBeCloseTo(expected(B, meanB, 3, 2)[k], 5),
    );
    // Outputs: sample 0 = 1 − 4 + 1.5 + 1.5 + 1 + 0.25 = 1.25; baseline = 0 − 2 + 1.25 + 3.75 + 0.25.
    expect(ig.outputs[0]).toBeCloseTo(1.25, 5);
    expect(ig.baselineOutput).toBeCloseTo(3.25, 5);
    for (const d of ig.delta!) expect(Math.abs(d)).toBeLessThan(1e-5);
    const gx = featureAttribution(linear, [A, B], { method: 'gradientTimesInput' });
    [...gx.attributions[0]].forEach((v, k) =>
      expect(v).toBeCloseTo(expected(A, [0, 0, 0], 0, 3)[k], 5),
    );
    [...gx.attributions[1]].forEach((v, k) =>
      expect(v).toBeCloseTo(expected(B, [0, 0], 3, 2)[k], 5),
    );
    expect(gx.delta).toBeUndefined();
    // Mean |attribution| per feature, e.g. feature a1: (|−2·2| + |−2·0|) / 2.
    expect(gx.meanAbsolute[0][1]).toBeCloseTo(2, 5);
  });

  it('takes baselines from training rows, zeros or given rows, and explains any output column', () => {
    const train = [Float32Array.from([3, 3, 3]), Float32Array.from([1, 1])];
    const fromTrain = featureAttribution(linear, [A, B], { baselineData: train });
    [...fromTrain.attributions[0]].forEach((v, k) =>
      expect(v).toBeCloseTo(expected(A, [3, 3, 3], 0, 3)[k], 5),
    );
    const zeros = featureAttribution(linear, [A, B], { baseline: 'zeros' });
    const given = featureAttribution(linear, [A, B], {
      baseline: [new Float32Array(3), new Float32Array(2)],
    });
    expect(given.attributions).toEqual(zeros.attributions);
    const second = featureAttribution(linear, [A, B], { output: 1, baseline: 'zeros' });
    // + 0 turns −0 (a zero gradient times a negative difference) into 0.
    expect(Array.from(second.attributions[0], (v) => v + 0)).toEqual([2, 0, 0, -2, 0, 0]);
    expect(Array.from(second.attributions[1], (v) => v + 0)).toEqual([0, 0, 0, 0]);
  });

  it('satisfies completeness on the nonlinear risk model, whatever the batch size', () => {
    const count = 9;
    const expression = Float32Array.from({ length: count * 6 }, (_, i) => Math.sin(i * 1.7) * 2);
    const variants = Float32Array.from({ length: count * 4 }, (_, i) => Math.cos(i * 0.9));
    const r = featureAttribution(risk, [expression, variants], { steps: 64 });
    const span = Math.max(...Array.from(r.outputs, (o) => Math.abs(o - r.baselineOutput!)));
    expect(span).toBeGreaterThan(0.01);
    for (const d of r.delta!) expect(Math.abs(d)).toBeLessThan(0.02 * span);
    const small = featureAttribution(risk, [expression, variants], { steps: 64, batchRows: 70 });
    small.attributions.forEach((a, i) =>
      a.forEach((v, k) => expect(v).toBeCloseTo(r.attributions[i][k], 5)),
    );
    const meanAbs0 = Array.from({ length: 6 }, (_, j) => {
      let s = 0;
      for (let n = 0; n < count; n++) s += Math.abs(r.attributions[0][n * 6 + j]);
      return s / count;
    });
    meanAbs0.forEach((m, j) => expect(r.meanAbsolute[0][j]).toBeCloseTo(m, 6));
  });

  it('names what is wrong with the inputs and options', () => {
    expect(() => featureAttribution(linear, [A])).toThrow(
      'featureAttribution: inputs has 1 arrays; the model has 2 inputs (a, b)',
    );
    expect(() => featureAttribution(linear, [A, Float32Array.from([1, 2])])).toThrow(
      'featureAttribution: inputs[1] has 2 values, not 2 rows of 2',
    );
    expect(() => featureAttribution(linear, [A, Float32Array.from([1, NaN, 0, 0])])).toThrow(
      'featureAttribution: inputs[1] row 0 feature 1 is NaN, not a finite number',
    );
    expect(() => featureAttribution(linear, [A, B], { output: 2 })).toThrow(
      "featureAttribution: output 2 is not a column of the model's 2 outputs (0 to 1)",
    );
    expect(() => featureAttribution(linear, [A, B], { steps: 0 })).toThrow(
      'featureAttribution: steps 0 is not an integer ≥ 1',
    );
    expect(() =>
      featureAttribution(linear, [A, B], { method: 'ism' as 'gradientTimesInput' }),
    ).toThrow(
      `featureAttribution: method "ism" is not 'integratedGradients' or 'gradientTimesInput'`,
    );
  });
});
