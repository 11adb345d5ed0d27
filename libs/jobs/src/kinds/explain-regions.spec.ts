import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FastaIndex } from '@strand/genomics';
import { checkExplainRegions, parseExplainRegion, readExplainRegions } from './explain-regions.ts';

let dir: string;
let fasta: FastaIndex;
// chr1: 30 bases (soft-masked and an R in it); chr2: 8.
const CHR1 = 'ACGTACGTAAccggttRACGTTTTTGGGGC';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strand-explain-regions-'));
  await writeFile(join(dir, 'ref.fa'), `>chr1\n${CHR1}\n>chr2\nAAAACCCC\n`);
  fasta = await FastaIndex.open(join(dir, 'ref.fa'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('explanation regions', () => {
  it('parses chrom:start-end (1-based, inclusive, commas allowed) with an optional strand', () => {
    expect(parseExplainRegion('chr1:1,001-1,050')).toEqual({
      chrom: 'chr1',
      start: 1001,
      end: 1050,
      strand: '+',
    });
    expect(parseExplainRegion('1:5-9:-')).toEqual({ chrom: '1', start: 5, end: 9, strand: '-' });
    expect(parseExplainRegion('chr1:0-5')).toBe(
      'region "chr1:0-5": start must be ≥ 1 and not after the end',
    );
    expect(parseExplainRegion('chr1')).toBe(
      'region "chr1" is not chrom:start-end (1-based, inclusive)',
    );
  });

  it('names each bad region by number and text: unknown contig, off the contig, wrong length', () => {
    const { regions, errors } = checkExplainRegions(
      ['1:11-20', 'chr9:1-10', 'chr2:1-10', 'chr1:1-9', 'chr1:5', 'chr1:21-30:-'],
      fasta,
      10,
    );
    expect(errors).toEqual([
      {
        field: 'regions.1',
        code: 'UNKNOWN_CONTIG',
        message: 'region 2 ("chr9:1-10"): contig "chr9" is not in the reference',
      },
      {
        field: 'regions.2',
        code: 'OFF_CONTIG',
        message: 'region 3 ("chr2:1-10") runs off chr2, which has 8 bases',
      },
      {
        field: 'regions.3',
        code: 'WRONG_LENGTH',
        message: 'region 4 ("chr1:1-9") has 9 bases; the model takes 10',
      },
      {
        field: 'regions.4',
        code: 'INVALID_REGION',
        message: 'region 5: region "chr1:5" is not chrom:start-end (1-based, inclusive)',
      },
    ]);
    // Names are the reference's spelling.
    expect(regions).toEqual([
      { chrom: 'chr1', start: 11, end: 20, strand: '+' },
      { chrom: 'chr1', start: 21, end: 30, strand: '-' },
    ]);
  });

  it('reads the bases upper case, other IUPAC codes as N, reverse-complemented on -', async () => {
    const read = await readExplainRegions(fasta, [
      { chrom: 'chr1', start: 9, end: 18, strand: '+' },
      { chrom: 'chr1', start: 21, end: 30, strand: '-' },
    ]);
    expect(read).toEqual([
      { id: 'chr1:9-18', sequence: 'AACCGGTTNA', chrom: 'chr1', start: 9, end: 18, strand: '+' },
      {
        id: 'chr1:21-30:-',
        sequence: 'GCCCCAAAAA',
        chrom: 'chr1',
        start: 21,
        end: 30,
        strand: '-',
      },
    ]);
  });
});
