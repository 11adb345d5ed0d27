import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCount,
  formatMeanSd,
  formatMetric,
  formatNumber,
  formatRate,
  formatTick,
} from './number.ts';

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

describe('formatNumber', () => {
  it('groups whole numbers and keeps 4 significant digits of others', () => {
    expect(formatNumber(40008)).toBe('40,008');
    expect(formatNumber(-3)).toBe('-3');
    expect(formatNumber(0.81234)).toBe('0.8123');
    expect(formatNumber(12.3456)).toBe('12.35');
    expect(formatNumber(0.5)).toBe('0.5');
  });

  it('switches to exponent form for very small or large fractions, and a dash when absent', () => {
    expect(formatNumber(0.0000321)).toBe('3.21e-5');
    expect(formatNumber(1e-7)).toBe('1e-7');
    expect(formatNumber(0.00012346)).toBe('1.235e-4');
    expect(formatNumber(2.5e7 + 0.5)).toBe('2.5e+7');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
  });
});

describe('formatBytes', () => {
  it('steps by 1000 with 3 significant digits', () => {
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(3400)).toBe('3.40 kB');
    expect(formatBytes(40_008)).toBe('40.0 kB');
    expect(formatBytes(12_000_000)).toBe('12.0 MB');
    expect(formatBytes(1_210_000_000)).toBe('1.21 GB');
    expect(formatBytes(-1)).toBe('—');
  });
});

describe('formatMeanSd', () => {
  it('shows the mean ± the sd, or the mean alone when the sd is unknown', () => {
    expect(formatMeanSd(0.81234, 0.03121)).toBe('0.8123 ± 0.0312');
    expect(formatMeanSd(0.8, null)).toBe('0.8000');
    expect(formatMeanSd(null, 0.1)).toBe('—');
  });
});
