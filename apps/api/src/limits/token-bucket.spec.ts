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

  it('tells the wait without taking, and forgets full buckets when there are too many keys', () => {
    let now = 0;
    const buckets = new TokenBuckets(1, 2, () => now, 3);
    expect(buckets.wait('a')).toBe(0);
    buckets.take('a');
    buckets.take('a');
    expect(buckets.wait('a')).toBeCloseTo(1);
    expect(buckets.wait('a')).toBeCloseTo(1); // waiting took nothing
    buckets.take('b');
    buckets.take('c');
    expect(buckets.size).toBe(3);
    now = 1500; // b and c are full again, a is not
    buckets.take('d');
    expect(buckets.size).toBe(2); // a (still in use) and d
    expect(buckets.wait('a')).toBe(0); // 1.5 tokens after 1.5 s
  });
});
