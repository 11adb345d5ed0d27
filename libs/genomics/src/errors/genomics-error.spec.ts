import { describe, expect, it } from 'vitest';
import { GenomicsError } from './genomics-error.ts';

describe('GenomicsError', () => {
  it('carries a code and a message and is an Error', () => {
    const error = new GenomicsError('INVALID_BASE', 'invalid base "X" at position 17');
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('INVALID_BASE');
    expect(error.message).toBe('invalid base "X" at position 17');
    expect(error.name).toBe('GenomicsError');
  });
});
