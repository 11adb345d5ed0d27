import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bgzipCompress } from '../../io/bgzip.ts';
import { openVcf } from './vcf-reader.ts';
import type { VcfRecord } from './vcf-record.ts';
import { validateVcf } from './validate-vcf.ts';

const HEADER = [
  '##fileformat=VCFv4.3',
  '##contig=<ID=1,length=1000>',
  '##contig=<ID=2>',
  '##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">',
  '##INFO=<ID=AF,Number=A,Type=Float,Description="Allele frequency">',
  '##INFO=<ID=DB,Number=0,Type=Flag,Description="dbSNP">',
  '##FILTER=<ID=q10,Description="Quality below 10">',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allele depths">',
  '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2',
];
const vcf = (...records: string[]) => `${[...HEADER, ...records].join('\n')}\n`;
const stream = (text: string | Buffer) => Readable.from([Buffer.from(text)]);

async function read(text: string | Buffer, genotypes = false): Promise<VcfRecord[]> {
  const file = await openVcf(stream(text), { label: 'demo.vcf', genotypes });
  const records: VcfRecord[] = [];
  for await (const record of file) records.push(record);
  return records;
}

const rejects = (text: string, message: string) =>
  expect(read(text)).rejects.toMatchObject({ code: 'FORMAT_ERROR', message });

describe('openVcf', () => {
  it('exposes version, samples, contigs and definitions from the header', async () => {
    const file = await openVcf(stream(vcf()), { label: 'demo.vcf' });
    expect(file.header.version).toBe('4.3');
    expect(file.header.samples).toEqual(['S1', 'S2']);
    expect(file.header.contigs).toEqual([{ id: '1', length: 1000 }, { id: '2' }]);
    expect(file.header.info.get('AF')).toEqual({ number: 'A', type: 'Float' });
    expect(file.header.filters.get('q10')).toBe('Quality below 10');
  });

  it('yields records with typed fields, and genotypes when asked', async () => {
    const text = vcf(
      '1\t100\trs1;rs2\tA\tG,AT\t29.5\tPASS\tDP=14;AF=0.25,.;DB\tGT:AD\t0|1:3,4,0\t1/2:.',
      '2\t5\t.\tC\t.\t.\t.\t.\tGT\t0/0\t./.',
    );
    const [first, second] = await read(text, true);
    expect(first).toEqual({
      line: 11,
      chrom: '1',
      pos: 100,
      id: ['rs1', 'rs2'],
      ref: 'A',
      alts: ['G', 'AT'],
      qual: 29.5,
      filter: ['PASS'],
      info: { DP: [14], AF: [0.25, undefined], DB: true },
      samples: { S1: { GT: ['0|1'], AD: [3, 4, 0] }, S2: { GT: ['1/2'], AD: undefined } },
    });
    expect(second).toMatchObject({ id: [], alts: [], qual: null, filter: [], info: {} });
    expect((await read(text))[0].samples).toBeUndefined();
  });

  it('reads gzip and bgzip input by content', async () => {
    const text = vcf('1\t100\t.\tA\tG\t.\tPASS\tDP=1\tGT\t0/1\t0/0');
    expect(await read(gzipSync(text))).toHaveLength(1);
    expect(await read(bgzipCompress(text))).toHaveLength(1);
  });

  it('rejects a chromosome that comes back after another (records not contiguous)', async () => {
    await rejects(
      vcf(
        '1\t100\t.\tA\tG\t.\t.\t.\tGT\t0/1\t0/0',
        '2\t100\t.\tA\tG\t.\t.\t.\tGT\t0/1\t0/0',
        '1\t300\t.\tA\tG\t.\t.\t.\tGT\t0/1\t0/0',
      ),
      'demo.vcf:13: records of chromosome 1 are not contiguous (it appeared earlier, before 2)',
    );
  });

  it('treats <1> as contig 1 for ordering', async () => {
    const text = vcf(
      '1\t100\t.\tA\tG\t.\t.\t.\tGT\t0/1\t0/0',
      '<1>\t200\t.\tA\tG\t.\t.\t.\tGT\t0/1\t0/0',
    );
    expect(await read(text)).toHaveLength(2);
  });

  it('rejects unsorted positions and duplicates, also when padded differently', async () => {
    await rejects(
      vcf('1\t200\t.\tA\tG\t.\t.\t.\tGT\t0/1\t0/0', '1\t100\t.\tA\tG\t.\t.\t.\tGT\t0/1\t0/0'),
      'demo.vcf:12: POS 100 comes after POS 200: records are not sorted',
    );
    await rejects(
      vcf('1\t123\t.\tTAT\tTGT\t.\t.\t.\tGT\t0/1\t0/0', '1\t124\t.\tA\tG\t.\t.\t.\tGT\t0/1\t0/0'),
      'demo.vcf:12: variant 1:124:A>G appears twice',
    );
    // The same position with another allele, and repeated symbolic alleles, are fine.
    const ok = vcf(
      '1\t100\t.\tA\tG\t.\t.\t.\tGT\t0/1\t0/0',
      '1\t100\t.\tA\tT\t.\t.\t.\tGT\t0/1\t0/0',
      '1\t100\t.\tA\t<DEL>\t.\t.\t.\tGT\t0/1\t0/0',
      '1\t100\t.\tA\t<DEL>\t.\t.\t.\tGT\t0/1\t0/0',
    );
    expect(await read(ok)).toHaveLength(4);
  });

  it('names the line and reason of a malformed record', async () => {
    await rejects(
      vcf('1\t100\t.\tA\tG\t.\t.\tAF=0.1,0.2\tGT\t0/1\t0/0'),
      'demo.vcf:11: INFO AF has 2 value(s), Number=A requires 1',
    );
    await rejects(
      vcf('1\t100\t.\tA\tG\t.\t.\t.\tGT:AD\t0/1:1\t0/0'),
      'demo.vcf:11: sample S1 AD has 1 value(s), Number=R requires 2',
    );
    await rejects(
      vcf('1\t100\t.\tA\tG\t.\t.\t.'),
      'demo.vcf:11: the line has 8 tab-separated columns, the header has 11',
    );
    await rejects(
      vcf('1\t100\t.\tA\tG\t.\t.\t.\tGT\t0/1\t0/0', '', '1\t200\t.\tA\tG\t.\t.\t.\tGT\t0/1\t0/0'),
      'demo.vcf:12: empty line between records',
    );
  });

  it('requires a final newline from VCF 4.3 on, not before', async () => {
    await rejects(
      vcf('1\t100\t.\tA\tG\t.\t.\t.\tGT\t0/1\t0/0').trimEnd(),
      'demo.vcf:11: the file does not end with a newline',
    );
    const v42 = vcf('1\t100\t.\tA\tG\t.\t.\t.\tGT\t0/1\t0/0')
      .replace('VCFv4.3', 'VCFv4.2')
      .trimEnd();
    expect(await read(v42)).toHaveLength(1);
  });

  it('rejects a control character such as a stray CR inside a line', async () => {
    await rejects(
      vcf().replace('##contig=<ID=2>', '##contig=<ID=\r2>'),
      'demo.vcf:3: control character U+000D at column 14',
    );
  });

  it('rejects an empty file, a missing #CHROM line and an unsupported version', async () => {
    await rejects('', 'demo.vcf:1: the file is empty; a VCF starts with ##fileformat=VCFv4.x');
    await rejects(
      '##fileformat=VCFv4.2\n##source=x\n',
      'demo.vcf:3: the header ends without a #CHROM line',
    );
    await rejects(
      '##fileformat=VCFv4.0\n',
      'demo.vcf:1: VCF version 4.0 is not supported (4.1, 4.2, 4.3, 4.4, 4.5)',
    );
  });
});

describe('validateVcf', () => {
  it('counts records and reports samples and version', async () => {
    const text = vcf(
      '1\t100\t.\tA\tG\t.\t.\t.\tGT\t0/1\t0/0',
      '2\t1\t.\tA\tG\t.\t.\t.\tGT\t0/1\t0/0',
    );
    expect(await validateVcf(stream(text), 'demo.vcf')).toEqual({
      records: 2,
      samples: ['S1', 'S2'],
      version: '4.3',
    });
  });
});
