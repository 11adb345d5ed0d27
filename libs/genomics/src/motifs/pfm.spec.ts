import { describe, expect, it } from 'vitest';
import type { Pfm } from './pfm.ts';
import { consensus, pfmToProbabilities } from './pfm.ts';

const PFM: Pfm = {
  id: 'T1.1',
  name: 'test',
  counts: [
    [6, 2, 0, 2],
    [0, 0, 0, 10],
    [1, 1, 1, 1],
  ],
};

describe('pfmToProbabilities', () => {
  it('normalises each position to sum to 1', () => {
    expect(pfmToProbabilities(PFM)).toEqual([
      [0.6, 0.2, 0, 0.2],
      [0, 0, 0, 1],
      [0.25, 0.25, 0.25, 0.25],
    ]);
  });

  it('adds the pseudocount to every cell', () => {
    expect(pfmToProbabilities(PFM, 1)[1]).toEqual([1 / 14, 1 / 14, 1 / 14, 11 / 14]);
  });

  it('rejects a position without counts unless a pseudocount is given', () => {
    const empty: Pfm = { id: 'E.1', name: 'empty', counts: [[0, 0, 0, 0]] };
    expect(() => pfmToProbabilities(empty)).toThrow(
      expect.objectContaining({
        code: 'INVALID_MOTIF',
        message: 'motif E.1: position 0 has no counts; give a pseudocount',
      }),
    );
    expect(pfmToProbabilities(empty, 0.5)).toEqual([[0.25, 0.25, 0.25, 0.25]]);
    expect(() => pfmToProbabilities(PFM, -1)).toThrow('pseudocount must be ≥ 0, got -1');
  });
});

describe('consensus', () => {
  it('takes the most frequent base, ties going to the first of A, C, G, T', () => {
    expect(consensus(PFM)).toBe('ATA');
    expect(
      consensus({
        id: 'x',
        name: 'x',
        counts: [
          [0, 3, 3, 1],
          [1, 1, 2, 2],
        ],
      }),
    ).toBe('CG');
  });
});
