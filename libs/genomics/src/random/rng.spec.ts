import { describe, expect, it } from 'vitest';
import { createRng } from './rng.ts';

const draw = (seed: number, n: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('matches the reference mulberry32 stream (bryc, PRNGs.md)', () => {
    // Outputs of the reference JS function for seeds 0 and 42, times 2^32.
    expect(draw(0, 3).map((x) => x * 2 ** 32)).toEqual([1144304738, 1416247, 958946056]);
    expect(draw(42, 3).map((x) => x * 2 ** 32)).toEqual([2581720956, 1925393290, 3661312704]);
  });

  it('gives the same stream for the same seed and another for another seed', () => {
    expect(draw(7, 100)).toEqual(draw(7, 100));
    expect(draw(7, 100)).not.toEqual(draw(8, 100));
  });

  it('takes the seed modulo 2^32', () => {
    expect(draw(-1, 5)).toEqual(draw(2 ** 32 - 1, 5));
  });

  it('rejects a seed that is not an integer', () => {
    expect(() => createRng(1.5)).toThrow(
      expect.objectContaining({
        code: 'INVALID_ARGUMENT',
        message: 'seed must be an integer, got 1.5',
      }),
    );
  });

  it('next() stays in [0, 1) with a mean near 1/2', () => {
    const xs = draw(1, 20_000);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Math.abs(xs.reduce((a, b) => a + b, 0) / xs.length - 0.5)).toBeLessThan(0.01);
  });

  it('int(n) covers [0, n) about evenly', () => {
    const rng = createRng(3);
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) counts[rng.int(6)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
    expect(() => rng.int(0)).toThrow('int(n) needs an integer n in [1, 2^32], got 0');
  });

  it('shuffle() permutes in place, reproducibly, and reaches every ordering of 3', () => {
    const a = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = createRng(11).shuffle(a);
    expect(shuffled).toBe(a);
    expect([...a].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(createRng(11).shuffle([1, 2, 3, 4, 5, 6, 7, 8])).toEqual(a);

    const rng = createRng(5);
    const seen = new Map<string, number>();
    for (let i = 0; i < 6_000; i++) {
      const key = rng.shuffle(['a', 'b', 'c']).join('');
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect(seen.size).toBe(6);
    for (const c of seen.values()) expect(Math.abs(c - 1_000)).toBeLessThan(150);
  });
});
