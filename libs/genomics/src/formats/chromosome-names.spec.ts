import { describe, expect, it } from 'vitest';
import { ChromosomeNames, canonicalChromosome } from './chromosome-names.ts';

describe('canonicalChromosome', () => {
  it('drops a chr prefix and spells the mitochondrion MT', () => {
    expect(canonicalChromosome('chr17')).toBe('17');
    expect(canonicalChromosome('Chr17')).toBe('17');
    expect(canonicalChromosome('17')).toBe('17');
    expect(canonicalChromosome('chrM')).toBe('MT');
    expect(canonicalChromosome('chrMT')).toBe('MT');
    expect(canonicalChromosome('M')).toBe('MT');
    expect(canonicalChromosome('chrX')).toBe('X');
    expect(canonicalChromosome('chr')).toBe('chr');
  });

  it('reads an NCBI identifier as its accession', () => {
    expect(canonicalChromosome('gi|110640213|ref|NC_008253.1|')).toBe('NC_008253.1');
    expect(canonicalChromosome('gi|9626243|gb|J02459.1')).toBe('J02459.1');
    expect(canonicalChromosome('gi|x|ref|NC_008253.1|')).toBe('gi|x|ref|NC_008253.1|');
  });
});

describe('ChromosomeNames', () => {
  it('resolves chr17 to 17, 17 to chr17, chrM to MT and MT to chrM', () => {
    expect(new ChromosomeNames(['17', 'MT']).resolve('chr17')).toBe('17');
    expect(new ChromosomeNames(['17', 'MT']).resolve('chrM')).toBe('MT');
    expect(new ChromosomeNames(['chr17', 'chrM']).resolve('17')).toBe('chr17');
    expect(new ChromosomeNames(['chr17', 'chrM']).resolve('MT')).toBe('chrM');
  });

  it('resolves an accession against an NCBI-named reference, as shipped by NCBI', () => {
    const names = new ChromosomeNames(['gi|110640213|ref|NC_008253.1|']);
    expect(names.resolve('NC_008253.1')).toBe('gi|110640213|ref|NC_008253.1|');
    expect(names.resolve('NC_008253.2')).toBeUndefined();
  });

  it('prefers the exact name and returns undefined for an absent chromosome', () => {
    const names = new ChromosomeNames(['chr1', '1', 'X']);
    expect(names.resolve('1')).toBe('1');
    expect(names.resolve('chr1')).toBe('chr1');
    expect(names.resolve('x')).toBeUndefined();
    expect(names.resolve('chr2')).toBeUndefined();
    expect(names.names).toEqual(['chr1', '1', 'X']);
  });
});
