import { describe, expect, it } from 'vitest';
import { IdSet } from './id-set.ts';

describe('IdSet', () => {
  it('tells a repeated ID from a new one across growth, as a Set does', () => {
    const ids = new IdSet();
    const reference = new Set<string>();
    // 300k IDs, every seventh one a repeat of an earlier one; IDs that differ in one character.
    for (let i = 0; i < 300_000; i++) {
      const id = i % 7 === 6 ? `chr1:${(i * 31) % i}-x` : `chr1:${i}-x`;
      expect(ids.add(id)).toBe(!reference.has(id));
      reference.add(id);
    }
    expect(ids.size).toBe(reference.size);
    expect(ids.add('')).toBe(true);
    expect(ids.add('')).toBe(false);
  });
});
