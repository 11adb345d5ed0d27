import { describe, expect, it } from 'vitest';
import { formatCount, formatMetric, formatRate, formatTick } from './number.ts';

describe('formatMetric', () => {
  it('shows 4 decimals, and a dash for missing or undefined metrics', () => {
    expect(formatMetric(0.93125)).toBe('0.9313');
    expect(formatMetric(1)).toBe('1.0000');
    expect(formatMetric(null)).toBe('—');
    expect(formatMetric(undefined)).toBe('—');
    expect(formatMetric(Number.NaN)).toBe('—');
  });
});

describe('formatCount and formatRate', () => {
  it('group thousands and round to whole numbers', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(null)).toBe('—');
    expect(formatRate(2480.6)).toBe('2,481 samples/s');
    expect(formatRate(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('formatTick', () => {
  it('uses as many decimals as the step needs', () => {
    expect(formatTick(0.30000000000000004, 0.1)).toBe('0.3');
    expect(formatTick(1, 0.1)).toBe('1.0');
    expect(formatTick(0.25, 0.05)).toBe('0.25');
    expect(formatTick(0.002, 0.001)).toBe('0.002');
    expect(formatTick(40, 10)).toBe('40');
    expect(formatTick(3, 1)).toBe('3');
  });

  it('never shows a negative zero', () => {
    expect(formatTick(-1e-17, 0.1)).toBe('0.0');
    expect(formatTick(-0, 1)).toBe('0');
  });
});
