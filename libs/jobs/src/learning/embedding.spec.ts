import { describe, expect, it } from 'vitest';
import { principalComponents } from './embedding.ts';

describe('principalComponents', () => {
  it('finds the axes of a hand-made cloud and the variance each explains', () => {
    // Points on the line y = x in 3-D (z constant) plus a small spread along (1, -1, 0):
    // PC1 is (1, 1, 0)/√2, PC2 (1, -1, 0)/√2.
    const rows = [
      [-2, -2, 5],
      [-1, -1, 5],
      [0, 0, 5],
      [1, 1, 5],
      [2, 2, 5],
      [0.5, -0.5, 5],
      [-0.5, 0.5, 5],
    ];
    const { x, y, explained } = principalComponents(rows.flat(), rows.length, 3);
    // Scores along PC1: (a + b)/√2 for each row.
    rows.forEach(([a, b], i) => {
      expect(x[i]).toBeCloseTo((a! + b!) / Math.SQRT2, 6);
      expect(Math.abs(y[i]!)).toBeCloseTo(Math.abs(a! - b!) / Math.SQRT2, 6);
    });
    // Variances: Σ((a+b)²/2) = (16+4+0+4+16)/2 = 20; Σ((a-b)²/2) = (1+1)/2 = 1; total 21.
    expect(explained[0]).toBeCloseTo(20 / 21, 6);
    expect(explained[1]).toBeCloseTo(1 / 21, 6);
  });

  it('gives zeros for a cloud of one point', () => {
    const { x, explained } = principalComponents([1, 2, 1, 2], 2, 2);
    expect(x).toEqual([0, 0]);
    expect(explained).toEqual([0, 0]);
  });
});
