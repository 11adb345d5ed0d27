import { describe, expect, it } from 'vitest';
import { referenceFiles } from './reference-files.ts';
import { scoreFeatures, variantLocus, windowFilter, windowNote } from './score-track.ts';

const score = (pos: number, diff: number, ref = 'A', chrom = '17') => ({
  chrom,
  pos,
  ref,
  diff,
  absDiff: Math.abs(diff),
});

describe('windowFilter', () => {
  it('turns a 0-based half-open window into 1-based inclusive positions', () => {
    expect(windowFilter('chr17', 99, 200, null)).toEqual({ chrom: 'chr17', start: 100, end: 200 });
    expect(windowFilter('chr17', 0, 10.4, 'bound')).toEqual({
      chrom: 'chr17',
      start: 1,
      end: 11,
      task: 'bound',
    });
  });

  it('refuses an empty window', () => {
    expect(() => windowFilter('chr1', 50, 50, null)).toThrow('genome window chr1:50-50 is empty');
    expect(() => windowFilter('chr1', Number.NaN, 5, null)).toThrow('not a number');
  });
});

describe('scoreFeatures', () => {
  it('draws one bar per position, the largest |effect| allele, on the browser chromosome name', () => {
    const features = scoreFeatures(
      [score(300, 0.1), score(120, -0.4), score(300, -0.3), score(300, 0.2)],
      'chr17',
    );
    expect(features).toEqual([
      { chr: 'chr17', start: 119, end: 120, value: -0.4 },
      { chr: 'chr17', start: 299, end: 300, value: -0.3 },
    ]);
  });

  it('spans a deletion over its REF bases', () => {
    expect(scoreFeatures([score(10, 0.5, 'ACGT')], 'chr2')).toEqual([
      { chr: 'chr2', start: 9, end: 13, value: 0.5 },
    ]);
    expect(scoreFeatures([], 'chr2')).toEqual([]);
  });
});

describe('variantLocus and windowNote', () => {
  it('centres a locus on the variant, clipped at 1', () => {
    expect(variantLocus('17', 1000)).toBe('17:960-1040');
    expect(variantLocus('chrM', 5, 10)).toBe('chrM:1-15');
  });

  it('says when a window shows only the largest effects', () => {
    expect(windowNote(0, 0)).toBe('no scored variant in the loaded window');
    expect(windowNote(1, 1)).toBe('1 scored allele in the loaded window');
    expect(windowNote(500, 1200)).toBe(
      'the 500 largest |effect| of 1200 scored alleles in the loaded window: zoom in for the rest',
    );
  });
});

describe('referenceFiles', () => {
  it('names the FASTA and .fai routes, and the .gzi only for a bgzip FASTA', () => {
    expect(referenceFiles('j 1', 'chr17.fa')).toEqual({
      fastaURL: '/jobs/j%201/reference/sequence',
      indexURL: '/jobs/j%201/reference/fai',
    });
    expect(referenceFiles('j', 'hg38.fa.gz').compressedIndexURL).toBe('/jobs/j/reference/gzi');
  });
});
