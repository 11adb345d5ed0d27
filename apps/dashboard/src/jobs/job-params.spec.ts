import { describe, expect, it } from 'vitest';
import { paramsForDisplay } from './job-params.ts';

describe('paramsForDisplay', () => {
  it('counts inline sequences instead of listing their bases', () => {
    const params = {
      method: 'ism',
      sequences: [
        { id: 'seq1', sequence: 'ACGT'.repeat(10) },
        { id: 'seq2', sequence: 'ACGT'.repeat(10) },
      ],
      datasetId: null,
    };
    expect(paramsForDisplay('EXPLAIN_SEQUENCE', params)).toEqual({
      method: 'ism',
      sequences: '2 given inline of 40 bp',
      datasetId: null,
    });
    expect(paramsForDisplay('EXPLAIN_SEQUENCE', { sequences: null })).toEqual({ sequences: null });
    const regions = [{ chrom: 'chr17', start: 1, end: 51, strand: '+' }];
    expect(
      paramsForDisplay('EXPLAIN_SEQUENCE', { regions, reference: '/srv/import/chr17.fa' }),
    ).toEqual({ regions: '1 genomic region', reference: 'chr17.fa' });
  });

  it('shows absolute server paths by their file name, and leaves relative ones alone', () => {
    expect(
      paramsForDisplay('SCORE_VARIANTS', { reference: '/srv/import/ref/chr17.fa', chunkSize: 9 }),
    ).toEqual({ reference: 'chr17.fa', chunkSize: 9 });
    expect(paramsForDisplay('IMPORT_DATASET', { path: 'calls.vcf' })).toEqual({
      path: 'calls.vcf',
    });
    expect(paramsForDisplay('SCORE_VARIANTS', 'not an object')).toBe('not an object');
  });
});
