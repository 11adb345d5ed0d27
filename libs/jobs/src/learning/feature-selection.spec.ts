import { describe, expect, it } from 'vitest';
import {
  applyFeatureScaling,
  AUTO_SELECTED_FEATURES,
  featureScores,
  fitFeatureScaling,
  resolveFeatureSelection,
} from './feature-scaling.ts';
import type { LabelledData } from './labelled-data.ts';
import { LearningError } from './learning.error.ts';

/** Feature data of `rows` × `width` values (row-major), two classes. */
function features(values: number[][], labels: number[]): LabelledData {
  const width = values[0]?.length ?? 0;
  return {
    kind: 'features',
    length: width,
    alphabetSize: 1,
    labelNames: ['a', 'b'],
    x: Float32Array.from(values.flat()),
    count: values.length,
    labels: Uint8Array.from(labels),
    features: Array.from({ length: width }, (_, j) => `g${j}`),
    checksum: 'x',
  };
}

// Column 0 separates the classes in rows 0–5 (column 2 less so), column 2 in rows 6–11 only;
// column 1 is noise.
const labels = [0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1];
const data = features(
  [
    [0, 5, 1],
    [0.1, 3, 2],
    [0.2, 4, 1.5],
    [1, 4, 2],
    [1.1, 5, 2.5],
    [1.2, 3, 3],
    [1, 5, 0],
    [0, 3, 0.1],
    [0.5, 4, 0.2],
    [0, 4, 1],
    [1, 5, 1.1],
    [0.5, 3, 1.2],
  ],
  labels,
);
const first = [0, 1, 2, 3, 4, 5];
const second = [6, 7, 8, 9, 10, 11];

describe('in-fold feature selection', () => {
  it('scores by the training rows alone: the same data selects another feature on other rows', () => {
    const one = fitFeatureScaling(data, first, { method: 'f-test', k: 1 });
    const other = fitFeatureScaling(data, second, { method: 'f-test', k: 1 });
    expect(one?.selection).toEqual({ method: 'f-test', k: 1, selected: [0] });
    expect(other?.selection).toEqual({ method: 'f-test', k: 1, selected: [2] });
  });

  it('F of two classes is the square of the pooled two-sample t', () => {
    const [f0] = featureScores(data, first, 'f-test');
    // Column 0 on rows 0–5: means 0.1 and 1.1, each group's variance 0.01 (n − 1).
    const t = (1.1 - 0.1) / Math.sqrt(0.01 * (1 / 3 + 1 / 3));
    expect(f0).toBeCloseTo(t * t, 3);
    expect([...featureScores(data, first, 'variance')].map((v) => +v.toFixed(4))).toEqual([
      0.2567, 0.6667, 0.4167,
    ]);
  });

  it('keeps only the selected columns, standardised with the training rows, names and all', () => {
    const scaling = fitFeatureScaling(data, first, { method: 'f-test', k: 2 });
    expect(scaling?.selection?.selected).toEqual([0, 2]);
    const scaled = applyFeatureScaling(data, scaling);
    expect(scaled).toMatchObject({ length: 2, alphabetSize: 1, features: ['g0', 'g2'] });
    expect(scaled.x).toHaveLength(12 * 2);
    const mean0 = (0 + 0.1 + 0.2 + 1 + 1.1 + 1.2) / 6;
    expect(scaled.x[0]).toBeCloseTo((0 - mean0) / (scaling?.sd[0] ?? NaN), 5);
    expect(scaled.x[1]).toBeCloseTo((1 - 2) / (scaling?.sd[2] ?? NaN), 5);
  });

  it('auto selects only when features outnumber training rows (and AUTO_SELECTED_FEATURES)', () => {
    expect(resolveFeatureSelection(data, first, 'auto')).toBeNull();
    const wide = features(
      labels.map((_, i) => Array.from({ length: 300 }, (_, j) => (i * 7 + j) % 5)),
      labels,
    );
    expect(resolveFeatureSelection(wide, first, undefined)).toEqual({
      method: 'f-test',
      k: AUTO_SELECTED_FEATURES,
    });
    expect(resolveFeatureSelection(wide, first, 'none')).toBeNull();
  });

  it('refuses a k outside 1..features and F-test without classes, naming the option', () => {
    expect(() => resolveFeatureSelection(data, first, { method: 'f-test', k: 4 })).toThrow(
      new LearningError(
        'INVALID_OPTIONS',
        'featureSelection.k must be an integer from 1 to the number of features (3); got 4',
        'featureSelection',
      ),
    );
    const regression = { ...data, labelNames: ['only'] };
    expect(() => resolveFeatureSelection(regression, first, { method: 'f-test', k: 1 })).toThrow(
      'featureSelection f-test needs one label column of classes; use variance',
    );
  });
});
