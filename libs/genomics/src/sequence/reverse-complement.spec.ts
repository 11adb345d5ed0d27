import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reverseComplement } from './reverse-complement.ts';

describe('reverseComplement', () => {
  it('reverses and complements ACGT, preserving case', () => {
    expect(reverseComplement('AACGTT')).toBe('AACGTT');
    expect(reverseComplement('GATTACA')).toBe('TGTAATC');
    expect(reverseComplement('acgTTg')).toBe('cAAcgt');
  });

  it('complements IUPAC codes: R↔Y, K↔M, B↔V, D↔H; S, W, N unchanged; U → A', () => {
    expect(reverseComplement('RYKMBVDHSWNU')).toBe('ANWSDHBVKMRY');
    expect(reverseComplement('rykmbvdhswnu')).toBe('anwsdhbvkmry');
  });

  it('is its own inverse on strings without U', () => {
    const iupac = fc.constantFrom(...'ACGTNRYSWKMBDHVacgtnryswkmbdhv');
    fc.assert(
      fc.property(fc.array(iupac, { maxLength: 60 }), (chars) => {
        const seq = chars.join('');
        expect(reverseComplement(reverseComplement(seq))).toBe(seq);
      }),
    );
  });

  it('returns an empty string for an empty sequence', () => {
    expect(reverseComplement('')).toBe('');
  });

  it('throws INVALID_BASE with the position in the input', () => {
    expect(() => reverseComplement('ACGTX')).toThrow(
      expect.objectContaining({ code: 'INVALID_BASE', message: 'invalid base "X" at position 4' }),
    );
    expect(() => reverseComplement('A é')).toThrow('invalid base " " at position 1');
  });
});
