import { describe, expect, it } from 'vitest';
import { callsVcfHeader, callVcfLine, genotypeProbabilities } from './call-vcf.ts';
import type { Candidate } from './candidates.ts';

const snv: Candidate = {
  chrom: 'c',
  pos0: 9,
  ref: 'A',
  alt: 'T',
  kind: 'snv',
  depth: 12,
  altCount: 2,
  refCount: 10,
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

describe('genotypeProbabilities', () => {
  const site = (
    refCount: number,
    altCount: number,
    kind: Candidate['kind'] = 'snv',
  ): Candidate => ({
    ...snv,
    kind,
    depth: refCount + altCount,
    refCount,
    altCount,
  });

  it('turns a hom-alt call of 14 alt reads among 17 into het, keeping P(hom-ref)', () => {
    const p = genotypeProbabilities(site(3, 14), [0.003, 0.44, 0.557]);
    expect(p[0]).toBe(0.003);
    expect(p[1] + p[2]).toBeCloseTo(0.997, 12);
    expect(p[1]).toBeGreaterThan(0.99);
  });

  it('keeps hom-alt when no read shows the reference base', () => {
    const p = genotypeProbabilities(site(0, 6), [0.003, 0.5, 0.497]);
    expect(p[2]).toBeGreaterThan(0.9);
  });

  it('leaves a balanced het a het and indels as the model gave them', () => {
    const het = genotypeProbabilities(site(6, 7), [0.01, 0.2, 0.79]);
    expect(het[1]).toBeGreaterThan(het[2]);
    expect(genotypeProbabilities(site(3, 14, 'indel'), [0.003, 0.44, 0.557])).toEqual([
      0.003, 0.44, 0.557,
    ]);
  });
});
