import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTROLS, sortBy, variantScoreQuery } from './variant-score-query.ts';

describe('variantScoreQuery', () => {
  it('sorts by |diff| descending with no filter by default', () => {
    expect(variantScoreQuery(DEFAULT_CONTROLS)).toEqual({
      ok: true,
      variables: { filter: null, orderBy: { field: 'ABS_DIFF', direction: 'DESC' } },
    });
  });

  it('filters by the trimmed chromosome, a positive min |diff| and the task', () => {
    const q = variantScoreQuery({
      ...DEFAULT_CONTROLS,
      chrom: ' chr17 ',
      minAbsDiff: '0.05',
      task: 'bound',
    });
    expect(q).toEqual({
      ok: true,
      variables: {
        filter: { chrom: 'chr17', minAbsDiff: 0.05, task: 'bound' },
        orderBy: { field: 'ABS_DIFF', direction: 'DESC' },
      },
    });
    const zero = variantScoreQuery({ ...DEFAULT_CONTROLS, minAbsDiff: '0' });
    expect(zero.ok && zero.variables.filter).toBeNull();
  });

  it('refuses a min |diff| that is not a number ≥ 0', () => {
    expect(variantScoreQuery({ ...DEFAULT_CONTROLS, minAbsDiff: 'big' })).toEqual({
      ok: false,
      error: 'min |diff| must be a number ≥ 0; got "big"',
    });
    expect(variantScoreQuery({ ...DEFAULT_CONTROLS, minAbsDiff: '-1' }).ok).toBe(false);
  });
});

describe('sortBy', () => {
  it('flips the direction of the same column and starts a new one in its natural order', () => {
    const asc = sortBy(DEFAULT_CONTROLS, 'ABS_DIFF');
    expect(asc).toMatchObject({ sort: 'ABS_DIFF', direction: 'ASC' });
    expect(sortBy(asc, 'POSITION')).toMatchObject({ sort: 'POSITION', direction: 'ASC' });
    expect(sortBy(asc, 'DIFF')).toMatchObject({ sort: 'DIFF', direction: 'DESC' });
  });
});
