import { describe, expect, it } from 'vitest';
import { binaryCounts, confusionMatrix } from './confusion-matrix.ts';
import { f1Score, macroF1 } from './f1.ts';
import { mcc } from './mcc.ts';
import { MetricInputError } from './metric-input.error.ts';
import {
  averageRanks,
  meanAbsoluteError,
  meanSquaredError,
  pearson,
  rSquared,
  spearman,
} from './regression.ts';

/*
 * Binary, threshold 0.5 (a score strictly above means 1):
 *   (1, .9) TP  (1, .6) TP  (1, .4) FN  (0, .7) FP  (0, .2) TN  (0, .1) TN  (1, .8) TP  (0, .5) TN
 *   TP 3, FP 1, TN 3, FN 1.  F1 = 2·3 / (2·3 + 1 + 1) = 0.75.
 *   MCC = (3·3 − 1·1) / √(4·4·4·4) = 8 / 16 = 0.5.
 */
const LABELS = [1, 1, 1, 0, 0, 0, 1, 0];
const SCORES = [0.9, 0.6, 0.4, 0.7, 0.2, 0.1, 0.8, 0.5];

describe('binary classification metrics', () => {
  it('match the hand-computed counts, F1 and MCC', () => {
    expect(binaryCounts(LABELS, SCORES)).toEqual({ tp: 3, fp: 1, tn: 3, fn: 1 });
    expect(f1Score(LABELS, SCORES)).toBe(0.75);
    expect(mcc(LABELS, SCORES)).toBe(0.5);
  });

  it('move with the threshold', () => {
    // At 0.45 the 0.5 negative becomes FP: TP 3, FP 2, TN 2, FN 1.
    expect(f1Score(LABELS, SCORES, 0.45)).toBe(6 / 9);
    expect(mcc(LABELS, SCORES, 0.45)).toBeCloseTo((6 - 2) / Math.sqrt(5 * 4 * 4 * 3), 15);
  });

  it('are ±1 for perfect and inverted predictions, with the edge conventions', () => {
    expect(mcc([0, 1], [0.1, 0.9])).toBe(1);
    expect(mcc([0, 1], [0.9, 0.1])).toBe(-1);
    expect(mcc([0, 1], [0.9, 0.9])).toBe(0); // nothing predicted 0: an empty margin
    expect(f1Score([0, 0], [0.1, 0.2])).toBeNaN();
    expect(f1Score([1, 0], [0.1, 0.2])).toBe(0);
  });
});

/*
 * Multiclass, k = 3: labels [0, 1, 2, 2, 1, 0], predictions [0, 2, 2, 2, 1, 1]
 *   actual 0 → predicted 0, 1;  actual 1 → 2, 1;  actual 2 → 2, 2.
 *   Per class 2·TP / (actual + predicted): 0: 2/(2+1) = 2/3; 1: 2/(2+2) = 1/2; 2: 4/(2+3) = 4/5.
 *   Macro F1 = (2/3 + 1/2 + 4/5) / 3 = 59/90.
 */
describe('confusionMatrix and macroF1', () => {
  const labels = [0, 1, 2, 2, 1, 0];
  const predictions = [0, 2, 2, 2, 1, 1];

  it('match the hand-computed example', () => {
    expect(confusionMatrix(labels, predictions, 3)).toEqual([
      [1, 1, 0],
      [0, 1, 1],
      [0, 0, 2],
    ]);
    expect(macroF1(labels, predictions, 3)).toBeCloseTo(59 / 90, 15);
  });

  it('counts a class absent from labels and predictions as 0', () => {
    expect(macroF1([0, 1], [0, 1], 3)).toBeCloseTo(2 / 3, 15);
  });

  it('names a class index out of range', () => {
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrow(
      'confusionMatrix: labels[1] = 3 is not a class index from 0 to 2',
    );
    expect(() => confusionMatrix([0], [0.5], 3)).toThrow(MetricInputError);
  });
});

/*
 * Regression: targets [1, 2, 3, 4], predictions [1.5, 1.5, 3.5, 4.5]; errors −.5, .5, −.5, −.5.
 *   MSE = 4·0.25 / 4 = 0.25; MAE = 0.5.
 *   R²: mean 2.5, SS_tot = 2.25 + .25 + .25 + 2.25 = 5, SS_res = 1 → 1 − 1/5 = 0.8.
 *   Pearson: dx = [−1.5, −.5, .5, 1.5], dy = [−1.25, −1.25, .75, 1.75] (mean 2.75):
 *     Σdxdy = 1.875 + .625 + .375 + 2.625 = 5.5; Σdx² = 5; Σdy² = 6.75 → 5.5 / √33.75.
 *   Spearman: ranks of predictions with the tie averaged: [1.5, 1.5, 3, 4]; dy = [−1, −1, .5, 1.5]:
 *     Σdxdy = 1.5 + .5 + .25 + 2.25 = 4.5; Σdy² = 4.5 → 4.5 / √(5 · 4.5) = √0.9.
 */
describe('regression metrics', () => {
  const targets = [1, 2, 3, 4];
  const predictions = [1.5, 1.5, 3.5, 4.5];

  it('match the hand-computed example', () => {
    expect(meanSquaredError(targets, predictions)).toBe(0.25);
    expect(meanAbsoluteError(targets, predictions)).toBe(0.5);
    expect(rSquared(targets, predictions)).toBeCloseTo(0.8, 15);
    expect(pearson(targets, predictions)).toBeCloseTo(5.5 / Math.sqrt(33.75), 15);
    expect(spearman(targets, predictions)).toBeCloseTo(Math.sqrt(0.9), 15);
  });

  it('averages the ranks of ties', () => {
    expect(Array.from(averageRanks([10, 30, 20, 30, 30, 5]))).toEqual([2, 5, 3, 5, 5, 1]);
  });

  it('is exact at the extremes and NaN where undefined', () => {
    expect(spearman([1, 2, 3], [1, 8, 27])).toBe(1); // monotone but not linear
    expect(pearson([1, 2, 3], [3, 2, 1])).toBe(-1);
    expect(rSquared([1, 2, 3], [2, 2, 2])).toBe(0); // predicting the mean
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(rSquared([2, 2], [2, 2])).toBeNaN();
    expect(meanSquaredError([], [])).toBeNaN();
  });

  it('names mismatched lengths and non-finite values', () => {
    expect(() => meanSquaredError([1, 2], [1])).toThrow(
      'meanSquaredError: 2 targets but 1 predictions; they must pair up',
    );
    expect(() => spearman([1, Number.NaN], [1, 2])).toThrow(
      'spearman: targets[1] = NaN is not a finite number',
    );
  });
});
