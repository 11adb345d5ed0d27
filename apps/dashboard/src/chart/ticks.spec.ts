import { describe, expect, it } from 'vitest';
import { integerTicks, niceDomain, niceTicks, tickStep } from './ticks.ts';

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 × 10^k inside the domain', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 6, 8)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(niceTicks(0, 100, 8)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(niceTicks(0.13, 2.7, 5)).toEqual([0.5, 1, 1.5, 2, 2.5]);
  });

  it('gives exact decimals, not float sums', () => {
    expect(niceTicks(0.5, 1, 5)).toEqual([0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(niceTicks(0, 0.7, 5)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
    expect(niceTicks(0, 0.7, 5)[3]).toBe(0.3);
  });

  it('handles a single value, reversed or non-finite bounds and a zero count', () => {
    expect(niceTicks(3, 3)).toEqual([3]);
    expect(niceTicks(1, 0)).toEqual([]);
    expect(niceTicks(0, Number.NaN)).toEqual([]);
    expect(niceTicks(0, 1, 0)).toEqual([]);
  });
});

describe('tickStep', () => {
  it('is the distance between the ticks niceTicks gives', () => {
    expect(tickStep(0, 1, 5)).toBe(0.2);
    expect(tickStep(0.5, 1, 5)).toBe(0.1);
    expect(tickStep(0, 100, 8)).toBe(10);
    expect(tickStep(2, 2)).toBe(1);
  });
});

describe('integerTicks', () => {
  it('keeps whole numbers only, for epoch axes', () => {
    expect(integerTicks(0, 2, 8)).toEqual([0, 1, 2]);
    expect(integerTicks(0, 1, 8)).toEqual([0, 1]);
    expect(integerTicks(0, 30, 8)).toEqual([0, 5, 10, 15, 20, 25, 30]);
  });
});

describe('niceDomain', () => {
  it('widens outwards to whole tick steps', () => {
    expect(niceDomain(0, 0.693, 5)).toEqual([0, 0.7]);
    expect(niceDomain(0.13, 2.7, 5)).toEqual([0, 3]);
    expect(niceDomain(0, 1, 5)).toEqual([0, 1]);
  });

  it('leaves an empty or non-finite domain alone', () => {
    expect(niceDomain(2, 2)).toEqual([2, 2]);
    expect(niceDomain(0, Number.POSITIVE_INFINITY)).toEqual([0, Number.POSITIVE_INFINITY]);
  });
});
