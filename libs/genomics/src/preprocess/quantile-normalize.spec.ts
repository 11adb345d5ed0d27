import { describe, expect, it } from 'vitest';
import { matrix } from './matrix-fixture.ts';
import { quantileNormalize } from './quantile-normalize.ts';

const rounded = (values: Float32Array) => [...values].map((v) => Math.round(v * 1e4) / 1e4);

describe('quantileNormalize', () => {
  it('matches the textbook example, ties taking the mean of their ranks (limma ties = TRUE)', () => {
    // Wikipedia "Quantile normalization": genes A-D × tests 1-3, here as samples × genes.
    const out = quantileNormalize(
      matrix([
        [5, 2, 3, 4],
        [4, 1, 4, 2],
        [3, 4, 6, 8],
      ]),
    );
    expect(rounded(out.values)).toEqual([
      5.6667, 2, 3, 4.6667, 5.1667, 2, 5.1667, 3, 2, 3, 4.6667, 5.6667,
    ]);
  });

  it('interpolates a sample with a missing value onto the full rank grid, as limma does', () => {
    // s0's observed (1, 3) spread over 3 quantiles: 1, 2, 3; s1: 2, 4, 6; reference 1.5, 3, 4.5.
    const out = quantileNormalize(
      matrix([
        [1, NaN, 3],
        [2, 4, 6],
      ]),
    );
    expect([...out.values]).toEqual([1.5, NaN, 4.5, 1.5, 3, 4.5]);
  });

  it('names a sample with fewer than two observed values', () => {
    expect(() =>
      quantileNormalize(
        matrix([
          [1, NaN, NaN],
          [2, 4, 6],
        ]),
      ),
    ).toThrow('sample "s0" has 1 observed values; quantile normalisation needs at least 2');
  });
});
