import { describe, expect, it } from 'vitest';
import { countsPerMillion } from './cpm.ts';
import { log1pTransform } from './log1p.ts';
import { matrix } from './matrix-fixture.ts';
import { zScoreGenes } from './z-score.ts';

describe('log1pTransform', () => {
  it('takes ln(1 + x) of every cell and keeps NaN', () => {
    const out = log1pTransform(matrix([[0, 3, NaN]]));
    expect(out.values[0]).toBe(0);
    expect(out.values[1]).toBeCloseTo(Math.log(4), 6);
    expect(out.values[2]).toBeNaN();
  });

  it('refuses values that do not fill samples × genes', () => {
    expect(() =>
      log1pTransform({ samples: ['a'], genes: ['x', 'y'], values: new Float32Array(3) }),
    ).toThrow('values has 3 cells, expected 1 samples × 2 genes = 2');
  });
});

describe('countsPerMillion', () => {
  it('divides each sample by its total, leaving NaN out of the total', () => {
    const out = countsPerMillion(
      matrix([
        [1, 3, 0],
        [2, NaN, 6],
      ]),
    );
    expect([...out.values]).toEqual([250000, 750000, 0, 250000, NaN, 750000]);
  });

  it('names a sample whose total is zero', () => {
    expect(() =>
      countsPerMillion(
        matrix([
          [1, 1],
          [0, 0],
        ]),
      ),
    ).toThrow('sample "s1" has a total count of 0; CPM needs a positive total');
  });
});

describe('zScoreGenes', () => {
  it('standardises genes with the sample sd and only centres constant genes', () => {
    const { matrix: out, scaling } = zScoreGenes(
      matrix([
        [1, 5],
        [2, 5],
        [3, 5],
      ]),
    );
    expect([...out.values]).toEqual([-1, 0, 0, 0, 1, 0]);
    expect([...scaling.means]).toEqual([2, 5]);
    expect([...scaling.sds]).toEqual([1, 0]);
  });

  it('applies a training set scaling to a test set', () => {
    const { scaling } = zScoreGenes(
      matrix([
        [1, 5],
        [2, 5],
        [3, 5],
      ]),
    );
    const { matrix: test } = zScoreGenes(matrix([[4, 7]]), scaling);
    expect([...test.values]).toEqual([2, 2]);
    expect(() => zScoreGenes(matrix([[4, 7, 1]]), scaling)).toThrow(
      'scaling has 2 means and 2 sds for 3 genes',
    );
  });
});
