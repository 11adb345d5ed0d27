import { describe, expect, it } from 'vitest';
import {
  attributionFeatures,
  baseAttribution,
  featuresIn,
  sequenceLocus,
} from './attribution-track.ts';

const row = (a: number, c: number, g: number, t: number) => [a, c, g, t];

describe('the attribution track', () => {
  it("places each position's attribution on its reference base, 0-based half-open", () => {
    const features = attributionFeatures('sum', [
      {
        id: 'chr2:11-13',
        chrom: 'chr2',
        start: 11,
        end: 13,
        strand: '+',
        scores: [row(0.5, 0, 0, 0), row(0, -0.25, 0, 0), row(0, 0, 0, 1)],
        positionScores: [0.5, -0.25, 1],
      },
    ]);
    expect(features).toEqual([
      { chr: 'chr2', start: 10, end: 11, value: 0.5 },
      { chr: 'chr2', start: 11, end: 12, value: -0.25 },
      { chr: 'chr2', start: 12, end: 13, value: 1 },
    ]);
  });

  it("runs a '-' sequence from its end, averages overlaps, and skips unplaced sequences", () => {
    const features = attributionFeatures('sum', [
      {
        id: 'minus',
        chrom: 'chr1',
        start: 5,
        end: 7,
        strand: '-',
        scores: [row(1, 0, 0, 0), row(2, 0, 0, 0), row(3, 0, 0, 0)],
        positionScores: [1, 2, 3],
      },
      {
        id: 'plus',
        chrom: 'chr1',
        start: 7,
        end: 8,
        strand: '+',
        scores: [row(5, 0, 0, 0), row(-4, 0, 0, 0)],
        positionScores: [5, -4],
      },
      {
        id: 'seq1',
        chrom: null,
        start: null,
        end: null,
        scores: [row(9, 0, 0, 0)],
        positionScores: [9],
      },
    ]);
    expect(features).toEqual([
      { chr: 'chr1', start: 4, end: 5, value: 3 },
      { chr: 'chr1', start: 5, end: 6, value: 2 },
      // Position 7: the '-' sequence's first base (1) and the '+' one's first (5).
      { chr: 'chr1', start: 6, end: 7, value: 3 },
      { chr: 'chr1', start: 7, end: 8, value: -4 },
    ]);
    expect(featuresIn(features, 'chr1', 5, 7).map((f) => f.start)).toEqual([5, 6]);
    expect(featuresIn(features, 'chr2', 0, 100)).toEqual([]);
  });

  it('gives ISM the minus mean substitution effect, others their position score', () => {
    // The base present (A) scores 0; substitutions lower the prediction by 0.3, 0.6 and 0.
    expect(baseAttribution('max |effect|', row(0, -0.3, -0.6, 0), 0.6)).toBeCloseTo(0.3);
    expect(baseAttribution('sum', row(0, 0.2, 0, 0), 0.2)).toBe(0.2);
    expect(baseAttribution('max', row(0.1, 0.4, 0.2, 0.3), 0.4)).toBe(0.4);
  });

  it("writes igv's locus of a sequence", () => {
    const s = { id: 'x', chrom: 'chr17', start: 101, end: 151, scores: [], positionScores: [] };
    expect(sequenceLocus(s)).toBe('chr17:101-151');
  });
});
