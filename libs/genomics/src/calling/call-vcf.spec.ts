import { describe, expect, it } from 'vitest';
import { callsVcfHeader, callVcfLine } from './call-vcf.ts';
import type { Candidate } from './candidates.ts';

const snv: Candidate = {
  chrom: 'c',
  pos0: 9,
  ref: 'A',
  alt: 'T',
  kind: 'snv',
  depth: 12,
  altCount: 2,
};

describe('callVcfLine', () => {
  it('writes QUAL as the Phred probability of hom-ref, GQ and PL from the softmax', () => {
    expect(callVcfLine({ candidate: snv, probabilities: [0.01, 0.9, 0.09] })).toBe(
      'c\t10\t.\tA\tT\t20.0\tPASS\tDP=12;AD=2\tGT:GQ:PL\t0/1:10:20,0,10',
    );
  });

  it('filters a non-reference call below the minimum QUAL as LowQual, keeping its genotype', () => {
    const call = { candidate: snv, probabilities: [0.3, 0.6, 0.1] };
    expect(callVcfLine(call, 10).split('\t').slice(5, 7)).toEqual(['5.2', 'LowQual']);
    expect(callVcfLine(call, 5).split('\t')[6]).toBe('PASS');
    expect(callVcfLine(call, 10).split('\t')[9]).toMatch(/^0\/1:/);
  });

  it('declares the LowQual filter in the header', () => {
    expect(callsVcfHeader('S', [{ name: 'c', length: 25 }], 'call')).toContain(
      '##FILTER=<ID=LowQual,',
    );
  });
});
