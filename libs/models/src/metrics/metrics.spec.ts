import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accuracy } from './accuracy.ts';
import { auprc } from './auprc.ts';
import { auroc } from './auroc.ts';
import { binaryCrossEntropy } from './binary-cross-entropy.ts';
import { MetricInputError } from './metric-input.error.ts';

/*
 * A hand-computed 8-element example with a three-way tie across classes (given out of order).
 * Sorted by score, descending, grouped by equal score:
 *   0.9:[1]  0.8:[0]  0.7:[1,1,0]  0.3:[0]  0.2:[1]  0.1:[0]        P = 4 positives, N = 4
 *   cumulative (tp, fp): (1,0) (1,1) (3,2) (3,3) (4,3) (4,4)
 * AUROC, trapezoids Δfp·(tp + tp_before)/2: 0 + 1·2/2 + 1·4/2 + 1·6/2 + 0 + 1·8/2 = 10 → 10/16
 *   Mann–Whitney check: pos 0.9 beats 4; each 0.7 beats 0.3, 0.1 and ties 0.7 (2.5); 0.2 beats
 *   0.1 (1): 4 + 2.5 + 2.5 + 1 = 10 → 10/16 = 0.625.
 * AP = Σ ΔR·P: 0.9: ¼·1/1 = 0.25; 0.7: 2/4·3/5 = 0.3; 0.2: ¼·4/7 = 1/7 → 97/140 = 0.692857…
 * Accuracy at 0.5 (score > 0.5 means 1): right at 0.9, 0.7, 0.7, 0.3, 0.1 → 5/8 = 0.625.
 * BCE = −(2·ln 0.9 + 3·ln 0.7 + 2·ln 0.2 + ln 0.3)/8 = 0.7129493115407484.
 */
const LABELS = [0, 1, 0, 1, 0, 1, 1, 0];
const SCORES = [0.3, 0.7, 0.8, 0.9, 0.1, 0.2, 0.7, 0.7];

describe('auroc', () => {
  it('matches the hand-computed example with ties', () => {
    expect(auroc(LABELS, SCORES)).toBe(0.625);
  });

  it('is 1 for a perfect ranking and 0 for an inverted one', () => {
    expect(auroc([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9])).toBe(1);
    expect(auroc([1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9])).toBe(0);
  });

  it('is 0.5 when all scores are equal', () => {
    expect(auroc([0, 1, 1, 0, 1], [0.4, 0.4, 0.4, 0.4, 0.4])).toBe(0.5);
  });

  it('matches the sklearn documentation example', () => {
    expect(auroc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBe(0.75);
  });

  it('counts a tie between one positive and one negative as one half', () => {
    // P = 2, N = 1: positive 0.9 beats the negative (1), positive 0.5 ties it (½) → 1.5 / 2.
    expect(auroc([1, 1, 0], [0.9, 0.5, 0.5])).toBe(0.75);
  });

  it('is NaN with one class only', () => {
    expect(auroc([1, 1], [0.2, 0.3])).toBeNaN();
    expect(auroc([0, 0], [0.2, 0.3])).toBeNaN();
    expect(auroc([], [])).toBeNaN();
  });

  it('accepts typed arrays', () => {
    expect(auroc(Float32Array.from(LABELS), Float32Array.from(SCORES))).toBe(0.625);
  });
});

describe('auprc', () => {
  it('matches the hand-computed example with ties', () => {
    expect(auprc(LABELS, SCORES)).toBeCloseTo(97 / 140, 14);
  });

  it('is 1 for a perfect ranking', () => {
    expect(auprc([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9])).toBe(1);
  });

  it('is the precision at the last positive for an inverted ranking', () => {
    // Positives score lowest: thresholds 0.9, 0.8 add no recall; 0.2: ½·1/3; 0.1: ½·2/4.
    expect(auprc([1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9])).toBeCloseTo(1 / 6 + 1 / 4, 14);
  });

  it('is the positive rate when all scores are equal', () => {
    expect(auprc([0, 1, 1, 0, 1], [0.4, 0.4, 0.4, 0.4, 0.4])).toBeCloseTo(0.6, 14);
  });

  it('matches the sklearn documentation example', () => {
    expect(auprc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.8333333333333333, 14);
  });

  it('is NaN without positives and 1 with positives only', () => {
    expect(auprc([0, 0], [0.2, 0.3])).toBeNaN();
    expect(auprc([1, 1], [0.2, 0.3])).toBe(1);
  });
});

describe('accuracy', () => {
  it('matches the hand-computed example', () => {
    expect(accuracy(LABELS, SCORES)).toBe(0.625);
  });

  it('treats a score equal to the threshold as 0', () => {
    expect(accuracy([0, 1], [0.5, 0.5])).toBe(0.5);
    expect(accuracy([0, 1], [0.5, 0.5], 0.4)).toBe(0.5);
    expect(accuracy([1, 1], [0.5, 0.6], 0.4)).toBe(1);
  });

  it('is NaN for empty input', () => {
    expect(accuracy([], [])).toBeNaN();
  });
});

describe('binaryCrossEntropy', () => {
  it('matches the hand-computed example', () => {
    expect(binaryCrossEntropy(LABELS, SCORES)).toBeCloseTo(0.7129493115407484, 14);
  });

  it('clips certain mistakes to −ln(1e-7)', () => {
    expect(binaryCrossEntropy([1, 0], [0, 1])).toBeCloseTo(-Math.log(1e-7), 6);
    expect(binaryCrossEntropy([1, 0], [1, 0])).toBeCloseTo(-Math.log(1 - 1e-7), 12);
  });

  it('accepts soft labels', () => {
    expect(binaryCrossEntropy([0.5], [0.5])).toBeCloseTo(Math.LN2, 14);
  });

  it('is NaN for empty input', () => {
    expect(binaryCrossEntropy([], [])).toBeNaN();
  });
});

describe('input checks', () => {
  it('names the offending label, score and length', () => {
    expect(() => auroc([0, 2], [0.1, 0.2])).toThrow('auroc: labels[1] = 2 is not 0 or 1');
    expect(() => auprc([0, 1], [0.1, Number.NaN])).toThrow(
      'auprc: scores[1] = NaN is not a finite number',
    );
    expect(() => accuracy([0, 1], [0.1])).toThrow(
      'accuracy: 2 labels but 1 scores; they must pair up',
    );
    expect(() => binaryCrossEntropy([1.5], [0.5])).toThrow(
      'binaryCrossEntropy: labels[0] = 1.5 is not in [0, 1]',
    );
    expect(() => binaryCrossEntropy([1], [1.5])).toThrow(
      'binaryCrossEntropy: probs[0] = 1.5 is not in [0, 1]',
    );
  });

  it('throws a MetricInputError with a stable code', () => {
    try {
      auroc([3], [0]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MetricInputError);
      expect((error as MetricInputError).code).toBe('METRIC_INPUT');
    }
  });
});

describe('against brute force on random inputs', () => {
  // Few distinct scores so that ties are common.
  const cases = fc
    .array(fc.tuple(fc.constantFrom(0, 1), fc.integer({ min: 0, max: 5 })), { maxLength: 30 })
    .map((pairs) => ({ labels: pairs.map((p) => p[0]), scores: pairs.map((p) => p[1] / 5) }));

  it('auroc equals the pairwise Mann–Whitney count', () => {
    fc.assert(
      fc.property(cases, ({ labels, scores }) => {
        let wins = 0;
        let pairs = 0;
        labels.forEach((li, i) =>
          labels.forEach((lj, j) => {
            if (li !== 1 || lj !== 0) return;
            pairs++;
            wins += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0;
          }),
        );
        const value = auroc(labels, scores);
        if (pairs === 0) expect(value).toBeNaN();
        else expect(value).toBeCloseTo(wins / pairs, 12);
      }),
    );
  });

  it('auprc equals Σ ΔR·P over the distinct thresholds', () => {
    fc.assert(
      fc.property(cases, ({ labels, scores }) => {
        const positives = labels.filter((l) => l === 1).length;
        const thresholds = [...new Set(scores)].sort((a, b) => b - a);
        let previousRecall = 0;
        let ap = 0;
        for (const t of thresholds) {
          const chosen = labels.filter((_, i) => scores[i] >= t);
          const tp = chosen.filter((l) => l === 1).length;
          ap += (tp / positives - previousRecall) * (tp / chosen.length);
          previousRecall = tp / positives;
        }
        const value = auprc(labels, scores);
        if (positives === 0) expect(value).toBeNaN();
        else expect(value).toBeCloseTo(ap, 12);
      }),
    );
  });
});
