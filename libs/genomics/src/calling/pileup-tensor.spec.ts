import { describe, expect, it } from 'vitest';
import type { Candidate } from './candidates.ts';
import { pileupTensor, PILEUP_CHANNELS } from './pileup-tensor.ts';
import { RefWindow, viewRead } from './read-view.ts';

//                 0123456789
const ref = new RefWindow(100, 'ACGTACGTAC');
const M = (n: number) => (n << 4) | 0;
const read = (start0: number, seq: string, cigar: number[], flags = 0) =>
  viewRead(
    { start0, end0: start0 + 10, flags, mapq: 30, cigar, seq, qual: Array(seq.length).fill(20) },
    ref,
  );

describe('pileupTensor', () => {
  const snv: Candidate = {
    chrom: 'c',
    pos0: 104,
    ref: 'A',
    alt: 'T',
    kind: 'snv',
    depth: 2,
    altCount: 1,
    refCount: 1,
  };
  const shape = { width: 5, rows: 3 };
  const views = [read(100, 'ACGTTCGTAC', [M(10)]), read(100, 'ACGTACGTAC', [M(10)], 0x10)];
  const x = pileupTensor(snv, views, ref, shape);
  const at = (col: number, row: number, ch: (typeof PILEUP_CHANNELS)[number]) =>
    x[(col * shape.rows + row) * 6 + PILEUP_CHANNELS.indexOf(ch)];

  it('draws the reference row, then each read with its channels', () => {
    expect(x.length).toBe(5 * 3 * 6);
    expect(at(2, 0, 'base')).toBe(1); // reference A at the centre
    expect(at(2, 1, 'base')).toBe(0.25); // read 1 carries T
    expect(at(2, 1, 'differs_from_ref')).toBe(1);
    expect(at(1, 1, 'differs_from_ref')).toBe(0);
    expect(at(2, 1, 'supports_alt')).toBe(1);
    expect(at(0, 2, 'supports_alt')).toBe(0.5); // read 2 lacks the allele, on every column
    expect(at(2, 1, 'base_quality')).toBe(0.5);
    expect(at(2, 1, 'mapping_quality')).toBe(0.5);
    expect(at(2, 1, 'strand')).toBe(1);
    expect(at(2, 2, 'strand')).toBe(0.5);
  });

  it('puts the reads carrying the candidate first, whatever their start', () => {
    const y = pileupTensor(snv, [views[1], read(101, 'CGTTCGTACG', [M(10)])], ref, shape);
    const cell = (col: number, row: number) => (col * shape.rows + row) * 6;
    expect(y[cell(2, 1) + 4]).toBe(1); // the later-starting read that carries T is row 1
    expect(y[cell(2, 1)]).toBe(0.25);
    expect(y[cell(2, 2) + 4]).toBe(0.5);
  });

  it('keeps an evenly spaced subset of reads when the pile is deeper than the image', () => {
    const deep = Array.from({ length: 10 }, () => views[0]);
    const y = pileupTensor(snv, deep, ref, shape);
    expect(y[(2 * 3 + 2) * 6]).toBe(0.25);
  });

  it('marks a deletion and which reads carry it', () => {
    // Deletion of "AC" at 104–105: CIGAR 4M2D4M, anchor T at 103.
    const del = viewRead(
      {
        start0: 100,
        end0: 110,
        flags: 0,
        mapq: 60,
        cigar: [M(4), (2 << 4) | 2, M(4)],
        seq: 'ACGTGTAC',
        qual: Array(8).fill(30),
      },
      ref,
    );
    expect(del.indels).toEqual([{ pos0: 103, ref: 'TAC', alt: 'T' }]);
    const indel: Candidate = {
      chrom: 'c',
      pos0: 103,
      ref: 'TAC',
      alt: 'T',
      kind: 'indel',
      depth: 2,
      altCount: 1,
      refCount: 1,
    };
    const y = pileupTensor(indel, [del, views[0]], ref, shape);
    const cell = (col: number, row: number) => (col * shape.rows + row) * 6;
    expect(y[cell(3, 1)]).toBeCloseTo(0.05); // deleted base
    expect(y[cell(3, 1) + 5]).toBe(1);
    expect(y[cell(2, 1) + 4]).toBe(1);
    expect(y[cell(2, 2) + 4]).toBe(0.5);
  });

  it('lays reads into a shared buffer exactly as into their own, and refuses a short one', () => {
    const a = { start0: 100, end0: 110, flags: 0, mapq: 60, seq: 'ACGTGTAC', qual: Array(8).fill(30) };
    const del = { ...a, cigar: [M(4), (2 << 4) | 2, M(4)] };
    const snvRead = { ...a, seq: 'ACGTTCGTAC', qual: Array(10).fill(20), cigar: [M(10)] };
    const shared = new Uint8Array(40);
    const laid = [viewRead(del, ref, shared.subarray(0, 20)), viewRead(snvRead, ref, shared.subarray(20))];
    const own = [viewRead(del, ref), viewRead(snvRead, ref)];
    laid.forEach((v, i) => {
      expect(v.bases).toEqual(own[i].bases);
      expect(v.quals).toEqual(own[i].quals);
      expect(v.indels).toEqual(own[i].indels);
    });
    expect(shared[3 + 10 * 0]).toBe('T'.charCodeAt(0)); // the first read's bases, then its quals
    expect(shared[20 + 10 + 4]).toBe(20); // the second read's quality at 104
    expect(pileupTensor(snv, laid, ref, shape)).toEqual(pileupTensor(snv, own, ref, shape));
    expect(() => viewRead(del, ref, new Uint8Array(19))).toThrow(/storage of 19 bytes, 20 needed/);
  });
});
