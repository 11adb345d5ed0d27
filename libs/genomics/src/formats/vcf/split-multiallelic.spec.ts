import { describe, expect, it } from 'vitest';
import type { VcfHeader } from './vcf-header.ts';
import type { VcfRecord } from './vcf-record.ts';
import { splitMultiallelic } from './split-multiallelic.ts';

const header = {
  info: new Map([
    ['AC', { number: 'A', type: 'Integer' }],
    ['DP', { number: '1', type: 'Integer' }],
  ]),
  format: new Map([
    ['AD', { number: 'R', type: 'Integer' }],
    ['PL', { number: 'G', type: 'Integer' }],
  ]),
} as unknown as VcfHeader;

const record: VcfRecord = {
  line: 7,
  chrom: '1',
  pos: 100,
  id: [],
  ref: 'A',
  alts: ['G', 'T'],
  qual: null,
  filter: [],
  info: { AC: [3, 1], DP: [20], DB: true },
  samples: { S1: { GT: ['1/2'], AD: [5, 6, 7], PL: [0, 1, 2, 3, 4, 5] } },
};

describe('splitMultiallelic', () => {
  it('makes one record per ALT, keeping only that ALT in A, R and G fields', () => {
    const [g, t] = splitMultiallelic(record, header);
    expect(g).toMatchObject({
      alts: ['G'],
      altIndex: 1,
      line: 7,
      info: { AC: [3], DP: [20], DB: true },
    });
    expect(g.samples).toEqual({ S1: { GT: ['1/.'], AD: [5, 6], PL: [0, 1, 2] } });
    expect(t).toMatchObject({ alts: ['T'], altIndex: 2, info: { AC: [1], DP: [20], DB: true } });
    expect(t.samples).toEqual({ S1: { GT: ['./1'], AD: [5, 7], PL: [0, 3, 5] } });
  });

  it('copies fields whole without a header, and returns a bi-allelic record as is', () => {
    expect(splitMultiallelic(record)[1].info).toEqual(record.info);
    const single = { ...record, alts: ['G'] };
    expect(splitMultiallelic(single)).toEqual([{ ...single, altIndex: 1 }]);
  });
});
