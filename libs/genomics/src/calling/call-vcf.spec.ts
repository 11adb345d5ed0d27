import { describe, expect, it } from 'vitest';
import { callsVcfHeader, callVcfLine, genotypeProbabilities, hetLowerTail } from './call-vcf.ts';
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
      'c\t10\t.\tA\tT\t20.0\tPASS\tDP=12;AD=2;RD=10\tGT:GQ:PL\t0/1:10:20,0,10',
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

  it('leaves a balanced het a het, and weighs indels by the reads aligned across them', () => {
    const balanced = genotypeProbabilities(site(6, 7), [0.01, 0.2, 0.79]);
    expect(balanced[1]).toBeGreaterThan(balanced[2]);
    // An insertion in 9 reads of 12, the other 3 ending inside its repeat (so not counted as
    // reference reads): hom-alt, though the model said het.
    const homAlt = genotypeProbabilities(site(0, 9, 'indel'), [0.001, 0.6, 0.399]);
    expect(homAlt[0]).toBe(0.001);
    expect(homAlt[2]).toBeGreaterThan(0.99);
    // With 3 reads aligned across it without it, a het.
    const het = genotypeProbabilities(site(3, 9, 'indel'), [0.001, 0.3, 0.699]);
    expect(het[1]).toBeGreaterThan(0.99);
  });
});

describe('AlleleBalance', () => {
  it('computes the binomial lower tail of a het exactly, at any depth', () => {
    expect(hetLowerTail(0, 1)).toBeCloseTo(0.5, 12);
    expect(hetLowerTail(2, 4)).toBeCloseTo(11 / 16, 12);
    expect(hetLowerTail(4, 32)).toBeCloseTo(9.65e-6, 8);
    expect(hetLowerTail(9, 34)).toBeCloseTo(4.52e-3, 5);
    expect(hetLowerTail(5, 5)).toBe(1);
    expect(hetLowerTail(100, 1000)).toBeGreaterThan(0);
    expect(hetLowerTail(100, 1000)).toBeLessThan(1e-100);
  });

  it('filters a het SNV with 4 alt reads of 32, not one with 9 of 34, nor a hom-alt', () => {
    const het = (altCount: number, depth: number) =>
      callVcfLine({
        candidate: { ...snv, depth, altCount, refCount: depth - altCount },
        probabilities: [0.001, 0.998, 0.001],
      }).split('\t')[6];
    expect(het(4, 32)).toBe('AlleleBalance');
    expect(het(9, 34)).toBe('PASS');
    const homAlt = callVcfLine({
      candidate: { ...snv, depth: 32, altCount: 4, refCount: 28 },
      probabilities: [0.001, 0.001, 0.998],
    });
    expect(homAlt.split('\t')[6]).toBe('PASS');
    expect(callsVcfHeader('S', [], 'call')).toContain('##FILTER=<ID=AlleleBalance,');
  });

  it('never changes whether the model calls a site', () => {
    // The model's hom-ref is likeliest: the allele counts cannot make it a call.
    expect(genotypeProbabilities(snvWith(3, 14), [0.4, 0.35, 0.25])).toEqual([0.4, 0.35, 0.25]);
    // The model calls het (0.45 > 0.4); 2 alt reads and no reference read split the variant
    // mass 0.26 / 0.34, which would leave hom-ref likeliest: the model's probabilities stand.
    expect(genotypeProbabilities(snvWith(0, 2), [0.4, 0.45, 0.15])).toEqual([0.4, 0.45, 0.15]);
    // With 6 such reads the split is clear: hom-alt, P(hom-ref) kept.
    const clear = genotypeProbabilities(snvWith(0, 6), [0.4, 0.45, 0.15]);
    expect(clear[0]).toBe(0.4);
    expect(clear[2]).toBeGreaterThan(0.5);
  });
});

function snvWith(refCount: number, altCount: number): Candidate {
  return { ...snv, depth: refCount + altCount, refCount, altCount };
}
