import { describe, expect, it } from 'vitest';
import { baselineMetrics, describeBaseline } from './logistic-baseline.ts';
import type { LabelledData } from './labelled-data.ts';

/** Expression-like data: 40 features, class c shifts feature c by +2 (c < 3). */
function features(count: number, classes: number, seed: number): LabelledData {
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const d = 40;
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
