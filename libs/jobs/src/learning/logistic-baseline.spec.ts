import { describe, expect, it } from 'vitest';
import {
  baselineMetrics,
  describeBaseline,
  fitBinaryDual,
  fitSoftmax,
  predictSoftmax,
} from './logistic-baseline.ts';
import type { LabelledData } from './labelled-data.ts';

/** Expression-like data: 40 features, class c shifts feature c by +2 (c < 3). */
function features(count: number, classes: number, seed: number, d = 40): LabelledData {
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const x = new Float32Array(count * d);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % classes;
    for (let j = 0; j < d; j++) x[i * d + j] = rand() * 2 - 1 + (j === labels[i] ? 2 : 0) + 100;
  }
  return {
    kind: 'features',
    length: d,
    alphabetSize: 1,
    labelNames: Array.from({ length: classes }, (_, c) => `c${c}`),
    x,
    count,
    labels,
    checksum: '',
  };
}

describe('logistic-regression baseline', () => {
  it('separates classes that one standardised feature each decides, two or three of them', () => {
    const two = baselineMetrics(features(80, 2, 1), features(40, 2, 2));
    expect(two['test_accuracy']).toBeGreaterThan(0.9);
    expect(two['test_auroc']).toBeGreaterThan(0.95);
    const three = baselineMetrics(features(90, 3, 3), features(60, 3, 4));
    expect(three['test_accuracy']).toBeGreaterThan(0.85);
    expect(Object.keys(three)).toEqual(
      expect.arrayContaining(['test_accuracy', 'test_macro_f1', 'test_auroc']),
    );
  });

  it('solves p > n exactly (dual Newton): the optimum the primal Adam reaches when it converges', () => {
    // A strong penalty (C = 0.05) makes the primal converge well within its 2,000 steps.
    const n = 30;
    const d = 40;
    const train = features(n, 2, 7, d);
    const test = features(20, 2, 8, d);
    const standardise = (x: Float32Array, count: number) => {
      const out = new Float32Array(x.length);
      for (let j = 0; j < d; j++) {
        let m = 0;
        let q = 0;
        for (let i = 0; i < n; i++) m += train.x[i * d + j] as number;
        m /= n;
        for (let i = 0; i < n; i++) q += ((train.x[i * d + j] as number) - m) ** 2;
        const sd = Math.sqrt(q / n);
        for (let i = 0; i < count; i++) out[i * d + j] = ((x[i * d + j] as number) - m) / sd;
      }
      return out;
    };
    const xTrain = standardise(train.x, n);
    const xTest = standardise(test.x, 20);
    const dual = predictSoftmax(fitBinaryDual(xTrain, train.labels, n, d, 0.05), xTest, 20, d, 2);
    const adam = predictSoftmax(fitSoftmax(xTrain, train.labels, n, d, 2, 0.05), xTest, 20, d, 2);
    for (let i = 0; i < dual.length; i++) expect(dual[i]).toBeCloseTo(adam[i] as number, 3);
    // And through baselineMetrics (C = 1, the dual path as d > n): the deciding feature is learnt.
    expect(baselineMetrics(train, test)['test_auroc']).toBeGreaterThan(0.9);
  });

  it('gets swapped labels wrong: it learnt the features, not the row order', () => {
    const train = features(80, 2, 5);
    const test = features(200, 2, 6);
    test.labels.reverse(); // alternating classes: reversing swaps every label
    expect(baselineMetrics(train, test)['test_accuracy']).toBeLessThan(0.2);
    expect(describeBaseline(train)).toEqual({
      method: 'logistic-regression',
      features: 'standardised',
      penalty: 'l2',
      C: 1,
    });
  });
});
