import { describe, expect, it } from 'vitest';
import { FingerprintMap } from './fingerprint-map.ts';

describe('FingerprintMap', () => {
  it('tells a repeated key from a new one across growth, with the first value, as a Map does', () => {
    const keys = new FingerprintMap();
    const reference = new Map<string, number>();
    // 300k keys, every seventh one a repeat of an earlier one; keys that differ in one character.
    for (let i = 1; i <= 300_000; i++) {
      const key = i % 7 === 6 ? `chr1:${(i * 31) % i}-x` : `chr1:${i}-x`;
      expect(keys.put(key, i)).toBe(reference.get(key));
      if (!reference.has(key)) reference.set(key, i);
    }
    expect(keys.size).toBe(reference.size);
    expect(keys.put('')).toBe(undefined);
    expect(keys.put('', 5)).toBe(0);
  });
});
