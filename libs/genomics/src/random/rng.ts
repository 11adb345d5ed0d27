import { GenomicsError } from '../errors/genomics-error.ts';

/** A seeded pseudo-random number stream. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** Shuffles `a` (an array or a typed array) in place (Fisher–Yates) and returns it. */
  shuffle<A extends { length: number; [i: number]: unknown }>(a: A): A;
}

/**
 * A seeded PRNG: mulberry32 by Tommy Ettinger (public domain), as given in bryc's
 * "PRNGs in JavaScript" (github.com/bryc/code, jshash/PRNGs.md). 32-bit state, period 2^32:
 * ample for simulation and shuffling, not for cryptography. The seed is an integer, taken
 * modulo 2^32.
 */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed)) {
    throw new GenomicsError('INVALID_ARGUMENT', `seed must be an integer, got ${seed}`);
  }
  let state = seed >>> 0;

  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  // floor(next() * n) is biased by at most n / 2^32, negligible for the n used here.
  const int = (n: number): number => {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) {
      throw new GenomicsError(
        'INVALID_ARGUMENT',
        `int(n) needs an integer n in [1, 2^32], got ${n}`,
      );
    }
    return Math.floor(next() * n);
  };

  const shuffle = <A extends { length: number; [i: number]: unknown }>(a: A): A => {
    for (let i = a.length - 1; i > 0; i--) {
      const j = int(i + 1);
      const tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
    return a;
  };

  return { next, int, shuffle };
}
