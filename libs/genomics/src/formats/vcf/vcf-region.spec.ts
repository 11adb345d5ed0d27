import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { queryVcfRegion } from './vcf-region.ts';
import type { VcfRecord } from './vcf-record.ts';

// fixtures/small.vcf.gz(.tbi): five records on contigs 1 and 17, written by htslib 1.16
// `bgzip` and `tabix -p vcf`.
const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'small.vcf.gz');

async function collect(records: AsyncIterable<VcfRecord>): Promise<VcfRecord[]> {
  const out: VcfRecord[] = [];
  for await (const record of records) out.push(record);
  return out;
}

describe('queryVcfRegion', () => {
  it('returns the records overlapping a 0-based half-open region', async () => {
    const records = await collect(queryVcfRegion(FIXTURE, { chrom: '17', start: 1499, end: 3000 }));
    expect(records.map((r) => [r.chrom, r.pos, r.ref, r.alts])).toEqual([
      ['17', 2000, 'TAC', ['T']],
      ['17', 3000, 'A', ['C']],
    ]);
    expect(records[0]).toMatchObject({ line: 0, filter: ['q10'], info: {} });
  });

  it('finds 17 when asked for chr17, and a whole chromosome without bounds', async () => {
    const records = await collect(queryVcfRegion(FIXTURE, { chrom: 'chr17' }, { genotypes: true }));
    expect(records.map((r) => r.pos)).toEqual([1000, 2000, 3000]);
    expect(records[0].samples).toEqual({ S1: { GT: ['1/1'] } });
  });

  it('names the file and the known chromosomes for an unknown one', async () => {
    await expect(collect(queryVcfRegion(FIXTURE, { chrom: 'chrX' }))).rejects.toMatchObject({
      code: 'UNKNOWN_CHROMOSOME',
      message: `${FIXTURE}: chromosome "chrX" is not in the index (1, 17)`,
    });
  });
});
