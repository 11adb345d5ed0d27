import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './token-bucket.ts';

describe('TokenBuckets', () => {
  it('allows a burst, then refills at the rate, per key', () => {
    let now = 0;
    const buckets = new TokenBuckets(10, 3, () => now);
    expect([1, 2, 3].map(() => buckets.take('a'))).toEqual([0, 0, 0]);
    expect(buckets.take('a')).toBeCloseTo(0.1); // empty: one request refills in 1/10 s
    expect(buckets.take('b')).toBe(0); // another key has its own bucket
    now = 50;
    expect(buckets.take('a')).toBeCloseTo(0.05);
    now = 100;
    expect(buckets.take('a')).toBe(0);
    now = 10_000; // a long pause refills to the burst, not beyond
    expect([1, 2, 3, 4].map(() => buckets.take('a') === 0)).toEqual([true, true, true, false]);
  });
});
