import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FastaIndex } from '../formats/fasta/fasta-index.ts';
import { gcFraction, gcMatchedBackground } from './gc-matched-background.ts';

const dir = mkdtempSync(join(tmpdir(), 'strand-gc-'));
const path = join(dir, 'ref.fa');
// chr1: 40 GC-rich bases, 20 N, 40 AT-rich bases; chr2: 50 bases alternating GC-rich/AT-rich;
// chr3: 10 G.
const chr1 = 'GCGCGGCCGA'.repeat(4) + 'N'.repeat(20) + 'ATATTAATTC'.repeat(4);
const chr2 = 'GCGCGGCCGA'.repeat(2) + 'ATATTAATTC'.repeat(3);
writeFileSync(path, `>chr1\n${chr1}\n>chr2\n${chr2}\n>chr3\nGGGGGGGGGG\n`);

describe('gcFraction', () => {
  it('counts G and C over A, C, G, T only', () => {
    expect(gcFraction('GCaN')).toBe(2 / 3);
  });
});

describe('gcMatchedBackground', () => {
  it('draws windows of the same length and GC, without N or positives, reproducibly', async () => {
    const fasta = await FastaIndex.open(path);
    const positives = [
      { chrom: 'chr1', start: 0, end: 10 },
      { chrom: 'chr1', start: 60, end: 70 },
    ];
    const options = { seed: 5, tolerance: 0.1 };
    const background = await gcMatchedBackground(fasta, positives, options);
    expect(await gcMatchedBackground(fasta, positives, options)).toEqual(background);
    for (const [i, region] of background.entries()) {
      const seq = await fasta.fetch(region.chrom, region.start, region.end);
      expect(region.end - region.start).toBe(10);
      expect(seq).toMatch(/^[ACGT]+$/);
      expect(region.gc).toBe(gcFraction(seq));
      expect(Math.abs(region.gc - [0.9, 0.1][i])).toBeLessThanOrEqual(0.1);
      const overlaps = positives.some(
        (p) => p.chrom === region.chrom && p.start < region.end && region.start < p.end,
      );
      expect(overlaps).toBe(false);
    }
  });

  it('names the positive for which no window matches', async () => {
    const fasta = await FastaIndex.open(path);
    // Only chr3 is GC 1.0 and it is the positive itself.
    await expect(
      gcMatchedBackground(fasta, [{ chrom: 'chr3', start: 0, end: 10 }], {
        seed: 1,
        tolerance: 0.05,
        maxTries: 50,
      }),
    ).rejects.toThrow('positive 0 (chr3:0-10, GC 1.000): no window within 0.05 GC in 50 tries');
  });
});
