import { describe, expect, it } from 'vitest';
import { findMotif } from '../motifs/find-motif.ts';
import { simulateMotifPairs } from './motif-pairs.ts';

const REST = findMotif('MA0138.3')!;
const GATA1 = findMotif('MA0035.5')!;

describe('simulateMotifPairs', () => {
  const data = simulateMotifPairs({
    count: 300,
    length: 80,
    first: REST,
    second: GATA1,
    spacing: 6,
    seed: 3,
  });

  it('plants both motifs at the spacing in every positive, never in a negative', () => {
    expect(data.labels.reduce((a, b) => a + b, 0)).toBe(150);
    const kinds = { background: 0, single: 0, decoy: 0 };
    expect(data.sequences.every((s) => s.length === 80)).toBe(true);
    data.sites.forEach((sites, i) => {
      const gap =
        sites.length === 2 ? sites[1]!.start - sites[0]!.start - REST.counts.length : null;
      if (data.labels[i] === 1) {
        expect(sites.map((s) => s.motifId)).toEqual([REST.id, GATA1.id]);
        expect(gap).toBe(6);
      } else if (sites.length === 0) kinds.background++;
      else if (sites.length === 1) kinds.single++;
      else {
        kinds.decoy++;
        expect(Math.abs(gap! - 6)).toBeGreaterThanOrEqual(3);
      }
    });
    // Each kind of negative is about a third of 150.
    for (const n of Object.values(kinds)) expect(n).toBeGreaterThan(30);
  });

  it('is deterministic per seed and checks its options', () => {
    const again = simulateMotifPairs({
      count: 300,
      length: 80,
      first: REST,
      second: GATA1,
      spacing: 6,
      seed: 3,
    });
    expect(again.sequences).toEqual(data.sequences);
    expect(() =>
      simulateMotifPairs({ count: 5, length: 30, first: REST, second: GATA1, spacing: 6, seed: 1 }),
    ).toThrow('length must be an integer ≥ 39');
  });
});
