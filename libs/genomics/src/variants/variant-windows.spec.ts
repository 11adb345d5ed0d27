import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { FastaIndex } from '../formats/fasta/fasta-index.ts';
import { itWithSharedData, sharedDataPath } from '../testing.ts';
import { variantWindows } from './variant-windows.ts';

// Expected windows were read off the hg19 chr17 piece by hand: 0-based bases 990-1014 are
// agttc aaggc tgcaa tgagc tatga, the first are AAGCTTCTCA, the last (39988-39999) ctgtggtcccag.
describe('variantWindows (hg19 chr17 piece)', () => {
  let dir: string;
  let fasta: FastaIndex;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'strand-windows-'));
    const path = join(dir, 'chr17.fa');
    await copyFile(sharedDataPath('reference', 'hg19_chr17_part.fa'), path).catch(() => undefined);
    fasta = await FastaIndex.open(path).catch(() => undefined as unknown as FastaIndex);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const REF = ['reference/hg19_chr17_part.fa'];
  const windows = (pos: number, ref: string, alts: string[], width = 10, chrom = 'chr17') =>
    variantWindows({ chrom, pos, ref, alts }, fasta, width);

  itWithSharedData(
    'centres an SNV: first REF base at floor(W/2), even and odd W',
    REF,
    async () => {
      expect(await windows(1001, 'T', ['C'])).toEqual([
        {
          status: 'ok',
          altIndex: 1,
          alt: 'C',
          chrom: 'chr17',
          refWindow: 'aaggctgcaa',
          altWindow: 'aaggcCgcaa',
          center: 5,
        },
      ]);
      const [odd] = await windows(1001, 'T', ['C'], 11);
      expect(odd).toMatchObject({ refWindow: 'aaggctgcaat', altWindow: 'aaggcCgcaat', center: 5 });
    },
  );

  itWithSharedData('keeps the left flank of indels and re-cuts the right to W', REF, async () => {
    const [insertion] = await windows(1001, 'T', ['TGA']);
    expect(insertion).toMatchObject({ refWindow: 'aaggctgcaa', altWindow: 'aaggcTGAgc' });
    const [deletion] = await windows(1001, 'TGC', ['T']);
    expect(deletion).toMatchObject({ refWindow: 'aaggctgcaa', altWindow: 'aaggcTaatg' });
  });

  itWithSharedData('pads windows that cross a contig end with N', REF, async () => {
    const [start] = await windows(3, 'G', ['A']);
    expect(start).toMatchObject({ refWindow: 'NNNAAGCTTC', altWindow: 'NNNAAACTTC' });
    const [end] = await windows(39_999, 'A', ['T']);
    expect(end).toMatchObject({ refWindow: 'gtcccagNNN', altWindow: 'gtcccTgNNN' });
  });

  itWithSharedData(
    'reports a REF mismatch, reconciles 17 with chr17, splits and skips ALTs',
    REF,
    async () => {
      expect(await windows(1001, 'G', ['A'], 10, '17')).toEqual([
        {
          status: 'ref-mismatch',
          altIndex: 1,
          alt: 'A',
          reason: 'REF G does not match the reference t at chr17:1001',
        },
      ]);
      const results = await windows(1001, 't', ['C', '<DEL>', '*'], 10, '17');
      expect(results.map((r) => [r.status, r.altIndex])).toEqual([
        ['ok', 1],
        ['skipped', 2],
        ['skipped', 3],
      ]);
      expect(results[1]).toMatchObject({ reason: 'symbolic ALT <DEL>' });
      expect(await windows(5, 'A', ['C'], 10, 'chr2')).toEqual([
        {
          status: 'unknown-chromosome',
          altIndex: 1,
          alt: 'C',
          reason: 'chromosome chr2 is not in the reference',
        },
      ]);
    },
  );

  itWithSharedData('rejects a width that is not a positive integer', REF, async () => {
    await expect(windows(1001, 'T', ['C'], 0)).rejects.toThrow(
      'window width must be a positive integer, got 0',
    );
  });

  itWithSharedData(
    'shifts both windows along the genome, a deletion still left-anchored',
    REF,
    async () => {
      const shifted = (ref: string, alts: string[], shift: number) =>
        variantWindows({ chrom: 'chr17', pos: 1001, ref, alts }, fasta, 10, shift);
      expect(await shifted('T', ['C'], 2)).toMatchObject([
        { refWindow: 'ggctgcaatg', altWindow: 'ggcCgcaatg', center: 3 },
      ]);
      expect(await shifted('T', ['C'], -2)).toMatchObject([
        { refWindow: 'tcaaggctgc', altWindow: 'tcaaggcCgc', center: 7 },
      ]);
      // TG → T: the left flank and the padding base stay, the right flank moves left by one.
      expect(await shifted('TG', ['T'], 2)).toMatchObject([
        { refWindow: 'ggctgcaatg', altWindow: 'ggcTcaatga', center: 3 },
      ]);
      await expect(shifted('T', ['C'], 6)).rejects.toThrow(
        'shift must be an integer that keeps the variant inside the 10-base window, got 6',
      );
    },
  );
});
