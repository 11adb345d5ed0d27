import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FastaIndex } from '../formats/fasta/fasta-index.ts';
import { preflight } from './preflight.ts';
import type { VariantInput } from './variant-types.ts';

describe('preflight', () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('counts kinds, REF mismatches, duplicates, missing chromosomes and skipped alleles', async () => {
    dir = await mkdtemp(join(tmpdir(), 'strand-preflight-'));
    const path = join(dir, 'ref.fa');
    // chr1: ACGTACGTAC GTACGTACGT
    await writeFile(path, '>chr1\nACGTACGTACGTACGTACGT\n');
    const fasta = await FastaIndex.open(path);
    const variants: VariantInput[] = [
      { line: 10, chrom: '1', pos: 1, ref: 'A', alts: ['G'] }, // snv
      { line: 11, chrom: '1', pos: 2, ref: 'CG', alts: ['TA', 'C'] }, // mnv, deletion
      { line: 12, chrom: 'chr1', pos: 4, ref: 'T', alts: ['TAA', '<DEL>', '*'] }, // insertion, 2 skipped
      { line: 13, chrom: '1', pos: 5, ref: 'G', alts: ['C'] }, // REF mismatch (A)
      { line: 14, chrom: 'chr1', pos: 1, ref: 'ACG', alts: ['GCG'] }, // same change as line 10
      { line: 15, chrom: 'chr9', pos: 1, ref: 'A', alts: ['C'] },
      { line: 16, chrom: '1', pos: 7, ref: 'GT', alts: ['CA', 'A'] }, // mnv, complex
      { line: 17, chrom: '1', pos: 9, ref: 'aN', alts: ['T'] }, // N is any base: no mismatch
    ];
    const summary = await preflight(variants, fasta);
    expect(summary).toEqual({
      records: 8,
      kinds: { snv: 4, mnv: 2, insertion: 1, deletion: 1, complex: 2 },
      refMismatches: {
        count: 1,
        first: [{ line: 13, chrom: '1', pos: 5, ref: 'G', alt: 'C', detail: 'reference has A' }],
      },
      duplicates: {
        count: 1,
        first: [
          {
            line: 14,
            chrom: 'chr1',
            pos: 1,
            ref: 'ACG',
            alt: 'GCG',
            detail: 'same change as line 10',
          },
        ],
      },
      missingChromosomes: { names: ['chr9'], records: 1 },
      skipped: { count: 2, kinds: { symbolic: 1, star: 1 } },
    });
  });
});
