import { describe, expect, it } from 'vitest';
import { imputeKnn } from './impute-knn.ts';
import { matrix } from './matrix-fixture.ts';

describe('imputeKnn', () => {
  // s0's distances over g0, g1: s3 0, s1 √(1/2), s2 4.
  const data = matrix([
    [1, 1, NaN],
    [1, 2, 10],
    [5, 5, 20],
    [1, 1, 30],
  ]);

  it('averages the gene over the k nearest samples by distance over shared genes', () => {
    expect(imputeKnn(data, 1).values[2]).toBe(30);
    expect(imputeKnn(data, 2).values[2]).toBe(20);
    expect(imputeKnn(data, 3).values[2]).toBe(20);
    expect([...imputeKnn(data, 1).values.subarray(3)]).toEqual([...data.values.subarray(3)]);
  });

  it('falls back to the gene mean when no sample shares a gene with it', () => {
    expect([
      ...imputeKnn(
        matrix([
          [1, NaN],
          [NaN, 4],
          [3, NaN],
        ]),
        2,
      ).values,
    ]).toEqual([1, 4, 2, 4, 3, 4]);
  });

  it('rejects k that is not a positive integer', () => {
    expect(() => imputeKnn(data, 0)).toThrow('k must be an integer ≥ 1, got 0');
  });
});
