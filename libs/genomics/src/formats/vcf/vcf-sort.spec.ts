import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { sortVcf } from './vcf-sort.ts';

const dir = mkdtempSync(join(tmpdir(), 'strand-vcf-sort-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = [
  '##fileformat=VCFv4.2',
  '##contig=<ID=2>',
  '##contig=<ID=1>',
  '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO',
];

/** A seeded shuffle of records on 2, 1 (declared in that order), Y and X (not declared). */
function unsortedRecords(count: number): string[] {
  let state = 7;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const chroms = ['Y', '1', 'X', '2'];
  return Array.from({ length: count }, (_, i) => {
    const chrom = chroms[Math.floor(random() * chroms.length)];
    // Few positions, so many records share one: their file order must survive.
    const pos = 1 + Math.floor(random() * 50);
    return `${chrom}\t${pos}\tr${i}\tA\tC\t.\t.\t.`;
  });
}

/** The expected order, by hand: declared contigs first, then the others as the file names them. */
function expected(records: string[]): string[] {
  const firstSeen = [...new Set(records.map((r) => r.split('\t')[0]))];
  const order = ['2', '1', ...firstSeen.filter((c) => c !== '1' && c !== '2')];
  const key = (r: string) => [order.indexOf(r.split('\t')[0]), Number(r.split('\t')[1])];
  return records
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const [ca, pa] = key(a.r);
      const [cb, pb] = key(b.r);
      return ca - cb || pa - pb || a.i - b.i;
    })
    .map(({ r }) => r);
}

describe('sortVcf', () => {
  it('sorts in memory by (header contig order, then first appearance; POS), stably', async () => {
    const records = unsortedRecords(300);
    const input = join(dir, 'small.vcf');
    await writeFile(input, [...HEADER, ...records].join('\n') + '\n');
    const out = join(dir, 'small.sorted.vcf');
    const result = await sortVcf(input, out, { contigs: ['2', '1'] });
    expect(result).toEqual({ records: 300, runs: 0 });
    expect(await readFile(out, 'utf8')).toBe([...HEADER, ...expected(records)].join('\n') + '\n');
  });

  it('sorts a larger file in runs merged from disk, with the same result; leaves no run behind', async () => {
    const records = unsortedRecords(5000);
    const input = join(dir, 'large.vcf.gz');
    // gzip, CRLF, an empty line between records and no final newline: read as openVcf reads them.
    const text = [...HEADER, ...records.slice(0, 10), '', ...records.slice(10)].join('\r\n');
    await writeFile(input, gzipSync(text));
    const out = join(dir, 'large.sorted.vcf');
    const result = await sortVcf(input, out, { contigs: ['2', '1'], runChars: 10_000 });
    // ~20 characters a record: 5000 records make about 10 runs of 10,000 characters.
    expect(result.records).toBe(5000);
    expect(result.runs).toBeGreaterThan(5);
    expect(await readFile(out, 'utf8')).toBe([...HEADER, ...expected(records)].join('\n') + '\n');
    expect(existsSync(`${out}.runs`)).toBe(false);
  });

  it('orders contigs by first appearance when the header declares none', async () => {
    const input = join(dir, 'bare.vcf');
    const lines = [
      'chr2\t5\t.\tA\tC\t.\t.\t.',
      'chr1\t9\t.\tA\tC\t.\t.\t.',
      'chr2\t1\t.\tA\tC\t.\t.\t.',
    ];
    await writeFile(input, [HEADER[0], HEADER[3], ...lines].join('\n') + '\n');
    const out = join(dir, 'bare.sorted.vcf');
    await sortVcf(input, out);
    expect((await readFile(out, 'utf8')).trimEnd().split('\n').slice(2)).toEqual([
      lines[2],
      lines[0],
      lines[1],
    ]);
  });
});
