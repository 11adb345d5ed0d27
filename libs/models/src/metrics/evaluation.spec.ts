import { describe, expect, it } from 'vitest';
import { calibration, downsample, evaluate, CURVE_POINTS, MAX_EVALUATED } from './evaluation.ts';
import { MetricInputError } from './metric-input.error.ts';

/*
 * Hand-computed binary case: labels [1, 0, 1, 0, 1], scores [0.9, 0.8, 0.7, 0.1, 0.7].
 * Sorted by score, ties grouped: 0.9:[1]  0.8:[0]  0.7:[1,1]  0.1:[0]     P = 3, N = 2
 *   cumulative (tp, fp): (1,0) (1,1) (3,1) (3,2)
 *   ROC (fp/N, tp/P): (0,0) (0,⅓) (½,⅓) (½,1) (1,1)
 *   PR (tp/P, tp/(tp+fp)): (0,1) (⅓,1) (⅓,½) (1,¾) (1,⅗)
 *   AUROC: ½·(⅓ + 1)… as trapezoids Δfp·(tp+tp_before)/2 = 1·(1+1)/2 + 1·(3+3)/2 = 4 → 4/6
 * Calibration (10 bins): 0.1 → bin 1 (1 row, observed 0); 0.7 → bin 7 (2 rows, observed 1);
 *   0.8 → bin 8 (observed 0); 0.9 → bin 9 (observed 1).
 * Confusion at score > 0.5: actual 0: 0.8 → 1, 0.1 → 0 → [1, 1]; actual 1: all > 0.5 → [0, 3].
 */
describe('evaluate', () => {
  const labels = new Float32Array([1, 0, 1, 0, 1]);
  const scores = new Float32Array([0.9, 0.8, 0.7, 0.1, 0.7]);

  it('draws the ROC and PR curves, calibration and confusion of a hand-computed binary case', () => {
    const result = evaluate('binary', labels, scores, 1, ['unbound', 'bound']);
    expect(result.rows).toBe(5);
    const [c] = result.classes;
    expect(c?.name).toBe('bound');
    expect(c?.positives).toBe(3);
    expect(c?.negatives).toBe(2);
    expect(c?.auroc).toBeCloseTo(4 / 6, 12);
    expect(c?.roc.x).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(c?.roc.y.map((v) => +v.toFixed(6))).toEqual([0, 0.333333, 0.333333, 1, 1]);
    expect(c?.pr.x.map((v) => +v.toFixed(6))).toEqual([0, 0.333333, 0.333333, 1, 1]);
    expect(c?.pr.y).toEqual([1, 1, 0.5, 0.75, 0.6]);
    const bins = c?.calibration
      .filter((b) => b.count > 0)
      .map((b) => [b.lower, b.count, b.observed]);
    expect(bins).toEqual([
      [0.1, 1, 0],
      [0.7, 2, 1],
      [0.8, 1, 0],
      [0.9, 1, 1],
    ]);
    expect(c?.calibration[7]?.meanPredicted).toBeCloseTo(0.7, 6);
    expect(c?.calibration[0]).toEqual({
      lower: 0,
      upper: 0.1,
      count: 0,
      meanPredicted: null,
      observed: null,
    });
    expect(result.confusion).toEqual([
      {
        name: 'bound',
        labels: ['unbound', 'bound'],
        counts: [
          [1, 1],
          [0, 3],
        ],
        rule: 'score > 0.5',
      },
    ]);
  });

  it('skips missing multitask labels and gives a task with one class no AUROC', () => {
    // task 1: labels [1, 0, NaN]; task 2: all 1.
    const y = new Float32Array([1, 1, 0, 1, Number.NaN, 1]);
    const p = new Float32Array([0.8, 0.6, 0.3, 0.4, 0.9, 0.2]);
    const result = evaluate('multitask', y, p, 2);
    expect(result.classes.map((c) => [c.name, c.positives, c.negatives, c.auroc])).toEqual([
      ['task 1', 1, 1, 1],
      ['task 2', 3, 0, null],
    ]);
    expect(result.confusion.map((c) => c.counts)).toEqual([
      [
        [1, 0],
        [0, 1],
      ],
      [
        [0, 0],
        [2, 1],
      ],
    ]);
  });

  it('counts a multi-class confusion matrix by arg max and evaluates each class one-vs-rest', () => {
    const y = new Float32Array([0, 1, 2, 2]);
    // rows: argmax 0, 1, 1, 2
    const p = new Float32Array([0.7, 0.2, 0.1, 0.1, 0.8, 0.1, 0.2, 0.5, 0.3, 0.1, 0.1, 0.8]);
    const result = evaluate('multiclass', y, p, 3, ['A', 'B', 'C']);
    expect(result.confusion[0]?.counts).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 1, 1],
    ]);
    expect(result.confusion[0]?.labels).toEqual(['A', 'B', 'C']);
    expect(result.classes.map((c) => [c.name, c.positives, c.auroc])).toEqual([
      ['A', 1, 1],
      ['B', 1, 1],
      ['C', 2, 1],
    ]);
    expect(() => evaluate('multiclass', new Float32Array([0, 3]), p.subarray(0, 6), 3)).toThrow(
      /labels\[1\] = 3 is not a class of 3/,
    );
  });

  it('samples at most 2,000 regression points and reports Pearson, Spearman and R²', () => {
    const n = 5_000;
    const y = new Float32Array(n);
    const p = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = i;
      p[i] = i; // a perfect fit
    }
    const [r] = evaluate('regression', y, p, 1).regression;
    expect(r?.count).toBe(n);
    expect(r?.observed.length).toBeLessThanOrEqual(2_000);
    expect(r?.observed.length).toBeGreaterThan(1_000);
    expect(r?.observed).toEqual(r?.predicted);
    expect(r?.pearson).toBeCloseTo(1, 9);
    expect(r?.spearman).toBeCloseTo(1, 9);
    expect(r?.r2).toBeCloseTo(1, 9);
  });

  it('bounds curves to CURVE_POINTS and tasks to MAX_EVALUATED', () => {
    const n = 1_000;
    const y = new Float32Array(n).map((_, i) => i % 2);
    const p = new Float32Array(n).map((_, i) => i / n);
    const [c] = evaluate('binary', y, p, 1).classes;
    expect(c?.roc.x.length).toBe(CURVE_POINTS);
    expect(c?.roc.x[0]).toBe(0);
    expect(c?.roc.x.at(-1)).toBe(1);
    const wide = evaluate('multitask', new Float32Array(40).fill(1), new Float32Array(40), 40);
    expect(wide.classes.length).toBe(MAX_EVALUATED);
    expect(wide.omitted).toBe(40 - MAX_EVALUATED);
  });

  it('refuses labels and outputs that are not the same rows', () => {
    expect(() => evaluate('binary', labels, scores.subarray(0, 4), 1)).toThrow(MetricInputError);
    expect(() => evaluate('binary', new Float32Array([2]), new Float32Array([0.5]), 1)).toThrow(
      /not 0 or 1/,
    );
  });
});

describe('downsample and calibration', () => {
  it('keeps the ends and evenly spaced points', () => {
    expect(downsample({ x: [0, 1, 2, 3, 4], y: [4, 3, 2, 1, 0] }, 3)).toEqual({
      x: [0, 2, 4],
      y: [4, 2, 0],
    });
  });
  it('puts a score of exactly 1 in the last bin', () => {
    expect(calibration([1], [1], 4).map((b) => b.count)).toEqual([0, 0, 0, 1]);
  });
});
