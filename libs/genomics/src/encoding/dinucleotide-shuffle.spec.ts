import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.ts';
import { dinucleotideShuffle } from './dinucleotide-shuffle.ts';

const pairs = (s: string) => {
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    counts.set(s.slice(i, i + 2), (counts.get(s.slice(i, i + 2)) ?? 0) + 1);
  }
  return [...counts].sort();
};

describe('dinucleotideShuffle', () => {
  const rng = createRng(3);
  const input = Array.from({ length: 200 }, () => 'ACGTN'[rng.int(5)]).join('');

  it('keeps dinucleotide counts and the end letters, and changes the sequence', () => {
    for (let seed = 0; seed < 20; seed++) {
      const out = dinucleotideShuffle(input, createRng(seed));
      expect(pairs(out)).toEqual(pairs(input));
      expect(out[0]).toBe(input[0]);
      expect(out.at(-1)).toBe(input.at(-1));
      expect(out).not.toBe(input);
    }
  });

  it('is reproducible from the seed', () => {
    expect(dinucleotideShuffle('AACGTTGCAACG', createRng(9))).toBe(
      dinucleotideShuffle('AACGTTGCAACG', createRng(9)),
    );
    expect(dinucleotideShuffle(input, createRng(1))).not.toBe(
      dinucleotideShuffle(input, createRng(2)),
    );
  });

  it('returns the only arrangement when there is one', () => {
    expect(dinucleotideShuffle('AAAA', createRng(1))).toBe('AAAA');
    expect(dinucleotideShuffle('AC', createRng(1))).toBe('AC');
  });
});
