import { describe, expect, it } from 'vitest';
import { MetricInputError } from './metric-input.error.ts';
import { multinomialNll, profileShapeCorrelations } from './profile.ts';

const { log } = Math;
// Three rows of 3 positions, one track (hand-computed below):
// row 0: counts [2, 0, 1], logits [0, 0, 0]     → p = ⅓ each: NLL 3·ln 3; flat p → no r (skipped)
// row 1: counts [0, 4, 0], logits [0, ln 3, 0]  → p = [⅕, ⅗, ⅕]: NLL 4·ln(5/3); r = ρ = 1
// row 2: counts [1, 2, 3], logits [0, ln 2, ln 2] → p = [⅕, ⅖, ⅖]: NLL ln 5 + 5·ln(5/2);
//        r = 0.2 / √(2 · 6/225) = √3/2; ranks [1, 2, 3] vs [1, 2.5, 2.5]: ρ = 1.5/√3 = √3/2
const COUNTS = Float32Array.from([2, 0, 1, 0, 4, 0, 1, 2, 3]);
const LOGITS = Float32Array.from([0, 0, 0, 0, log(3), 0, 0, log(2), log(2)]);
const NLL = [3 * log(3), 4 * log(5 / 3), log(5) + 5 * log(5 / 2)];

describe('profile metrics', () => {
  it('multinomialNll: −Σ k·log softmax, averaged over rows', () => {
    expect(multinomialNll(COUNTS, LOGITS, 3, 1)).toBeCloseTo((NLL[0]! + NLL[1]! + NLL[2]!) / 3, 5);
    // Shifting a row's logits by a constant leaves its softmax, so its NLL, unchanged.
    const shifted = LOGITS.map((v, i) => (i < 3 ? v + 50 : v));
    expect(multinomialNll(COUNTS, shifted, 3, 1)).toBeCloseTo(
      multinomialNll(COUNTS, LOGITS, 3, 1),
      4,
    );
    expect(multinomialNll([], [], 3, 1)).toBeNaN();
  });

  it('profileShapeCorrelations: per-row Pearson and Spearman averaged, undefined rows skipped', () => {
    const { pearson, spearman } = profileShapeCorrelations(COUNTS, LOGITS, 3, 1);
    expect(pearson).toHaveLength(1);
    expect(pearson[0]).toBeCloseTo((1 + Math.sqrt(3) / 2) / 2, 6);
    expect(spearman[0]).toBeCloseTo((1 + Math.sqrt(3) / 2) / 2, 6);
    // Only the flat row: no defined correlation at all.
    const flat = profileShapeCorrelations(COUNTS.subarray(0, 3), LOGITS.subarray(0, 3), 3, 1);
    expect(flat.pearson[0]).toBeNaN();
  });

  it('reads [positions, tracks] interleaved: rows 1 and 2 as the two tracks of one row', () => {
    const counts = Float32Array.from([0, 1, 4, 2, 0, 3]);
    const logits = Float32Array.from([0, 0, log(3), log(2), 0, log(2)]);
    expect(multinomialNll(counts, logits, 3, 2)).toBeCloseTo((NLL[1]! + NLL[2]!) / 2, 5);
    const { pearson, spearman } = profileShapeCorrelations(counts, logits, 3, 2);
    expect(pearson[0]).toBeCloseTo(1, 6);
    expect(pearson[1]).toBeCloseTo(Math.sqrt(3) / 2, 6);
    expect(spearman[1]).toBeCloseTo(Math.sqrt(3) / 2, 6);
  });

  it('names bad input', () => {
    const bad: [() => unknown, string][] = [
      [() => multinomialNll([1, 2], [0], 2, 1), 'multinomialNll: 2 counts but 1 logits'],
      [
        () => multinomialNll([1, 2, 3], [0, 0, 0], 2, 1),
        'are not whole rows of positions × tracks = 2',
      ],
      [() => multinomialNll([1, -1], [0, 0], 2, 1), 'counts[1] = -1 is not a finite count ≥ 0'],
      [
        () => profileShapeCorrelations([1, 2], [0, Number.NaN], 2, 1),
        'logits[1] = NaN is not a finite number',
      ],
      [
        () => profileShapeCorrelations([1, 2], [0, 0], 2, 0),
        'tracks = 0 is not a positive integer',
      ],
    ];
    for (const [run, message] of bad) {
      expect(run).toThrow(MetricInputError);
      expect(run).toThrow(message);
    }
  });
});
