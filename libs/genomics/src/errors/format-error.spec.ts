import { describe, expect, it } from 'vitest';
import { FormatError } from './format-error.ts';
import { GenomicsError } from './genomics-error.ts';

describe('FormatError', () => {
  it('prefixes the reason with source:line and keeps both as fields', () => {
    const error = new FormatError('demo.tsv', 12, 'label "x" is not 0 or 1');
    expect(error).toBeInstanceOf(GenomicsError);
    expect(error.message).toBe('demo.tsv:12: label "x" is not 0 or 1');
    expect(error.code).toBe('FORMAT_ERROR');
    expect(error.name).toBe('FormatError');
    expect(error.source).toBe('demo.tsv');
    expect(error.line).toBe(12);
    expect(error.reason).toBe('label "x" is not 0 or 1');
  });
});
