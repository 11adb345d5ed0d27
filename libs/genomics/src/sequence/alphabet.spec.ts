import { describe, expect, it } from 'vitest';
import { DNA_ALPHABET, IUPAC_BASES, invalidBaseError } from './alphabet.ts';

describe('IUPAC_BASES', () => {
  it('covers the 15 IUPAC nucleotide codes plus U, each standing for bases of ACGT', () => {
    expect(Object.keys(IUPAC_BASES).sort().join('')).toBe('ABCDGHKMNRSTUVWY');
    for (const bases of Object.values(IUPAC_BASES)) {
      expect([...bases].every((b) => DNA_ALPHABET.includes(b))).toBe(true);
    }
  });

  it('names the invalid character (escaped) and its 0-based position', () => {
    const error = invalidBaseError('AC\nG', 2, ' of sequence 4');
    expect(error.code).toBe('INVALID_BASE');
    expect(error.message).toBe('invalid base "\\n" at position 2 of sequence 4');
  });
});
