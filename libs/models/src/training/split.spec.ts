import { describe, expect, it } from 'vitest';
import { gatherRows } from './gather.ts';
import { deriveSeed, seededRandom } from './seed.ts';
import { stratifiedSplit } from './split.ts';

// 30 negatives then 10 positives.
const LABELS = Array.from({ length: 40 }, (_, i) => (i < 30 ? 0 : 1));

describe('stratifiedSplit', () => {
  it('holds out round(fraction × class size) of each class, disjoint and complete', () => {
    const { train, validation } = stratifiedSplit(LABELS, 0.25, 5);
    expect(validation.filter((r) => LABELS[r] === 1)).toHaveLength(3); // round(2.5) = 3
    expect(validation.filter((r) => LABELS[r] === 0)).toHaveLength(8); // round(7.5) = 8
    expect([...train, ...validation].sort((a, b) => a - b)).toEqual(LABELS.map((_, i) => i));
    expect(Array.from(train)).toEqual([...train].sort((a, b) => a - b));
  });

  it('is reproducible per seed and differs across seeds', () => {
    expect(stratifiedSplit(LABELS, 0.2, 5)).toEqual(stratifiedSplit(LABELS, 0.2, 5));
    expect(stratifiedSplit(LABELS, 0.2, 5).validation).not.toEqual(
      stratifiedSplit(LABELS, 0.2, 6).validation,
    );
  });

  it('keeps everything for training at fraction 0 and rejects fractions outside [0, 1)', () => {
    expect(stratifiedSplit(LABELS, 0, 1).validation).toHaveLength(0);
    expect(() => stratifiedSplit(LABELS, 1, 1)).toThrow(
      'options.validationFraction = 1 is not in [0, 1)',
    );
  });
});

describe('seeds', () => {
  it('derives distinct non-zero seeds per salt', () => {
    const seeds = new Set([0, 1, 2].flatMap((e) => [0, 1].map((b) => deriveSeed(0, 'x', e, b))));
    expect(seeds.size).toBe(6);
    expect(deriveSeed(9, 'a')).toBe(deriveSeed(9, 'a'));
    expect([...seeds].every((s) => s >= 1 && s < 2 ** 31)).toBe(true);
  });

  it('generates the same floats in [0, 1) for the same seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const values = Array.from({ length: 100 }, () => a());
    expect(values).toEqual(Array.from({ length: 100 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});

describe('gatherRows', () => {
  it('copies the chosen rows into the front of the buffer', () => {
    const source = Float32Array.from([0, 1, 10, 11, 20, 21, 30, 31]);
    const buffer = new Float32Array(6).fill(-1);
    const rows = [3, 0, 2, 1];
    expect(Array.from(gatherRows(source, 2, rows, 1, 3, buffer))).toEqual([0, 1, 20, 21]);
    expect(Array.from(buffer)).toEqual([0, 1, 20, 21, -1, -1]);
    const labels = Float32Array.from([0, 1, 1, 0]);
    expect(Array.from(gatherRows(labels, 1, rows, 0, 3, buffer))).toEqual([0, 0, 1]);
  });
});
