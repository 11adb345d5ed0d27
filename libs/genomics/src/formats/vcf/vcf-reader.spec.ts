import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bgzipCompress } from '../../io/bgzip.ts';
import { openVcf } from './vcf-reader.ts';
import type { OpenVcfOptions } from './vcf-reader.ts';
import type { VcfRecord } from './vcf-record.ts';
import { ReadWarnings } from '../../warnings/read-warnings.ts';
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

async function read(
  text: string | Buffer,
  genotypes = false,
  options: OpenVcfOptions = {},
): Promise<VcfRecord[]> {
  const file = await openVcf(stream(text), { label: 'demo.vcf', genotypes, ...options });
  const records: VcfRecord[] = [];
  for await (const record of file) records.push(record);
  return records;
}

/** In strict mode: what the reader refused before it had warnings. */
const rejects = (text: string, message: string) =>
  expect(read(text, false, { strict: true })).rejects.toMatchObject({
    code: 'FORMAT_ERROR',
    message,
  });

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

  it('leaves INFO unparsed with info: false, and still checks it', async () => {
    const text = vcf(
      '1\t100\trs1\tA\tG,AT\t29.5\tPASS\tDP=14;AF=0.25,.;DB\tGT:AD\t0|1:3,4,0\t1/2:.',
    );
    const [full] = await read(text);
    const [fixed] = await read(text, false, { info: false });
    expect(fixed).toEqual({ ...full, info: {} });
    const [both] = await read(text, true, { info: false });
    expect(both.samples).toEqual({
      S1: { GT: ['0|1'], AD: [3, 4, 0] },
      S2: { GT: ['1/2'], AD: undefined },
    });
    expect(both.info).toEqual({});
    await expect(
      read(vcf('1\t100\t.\tA\tG\t.\tPASS\tDP=many\tGT\t0/1\t0/0'), false, {
        info: false,
      }),
    ).rejects.toThrow('INFO DP value');
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
    expect(await validateVcf(stream(text), { label: 'demo.vcf' })).toEqual({
      records: 2,
      samples: ['S1', 'S2'],
      version: '4.3',
      sorted: true,
    });
  });
});

describe('openVcf, not strict: what htslib reads is read, with a located warning', () => {
  async function lenient(text: string | Buffer, genotypes = true) {
    const warnings = new ReadWarnings();
    const file = await openVcf(stream(text), { label: 'demo.vcf', genotypes, warnings });
    const records: VcfRecord[] = [];
    for await (const record of file) records.push(record);
    const seen = warnings
      .summary()
      .flatMap((s) => s.examples.map((w) => `${w.line} ${w.rule}: ${w.message}`));
    return { records, warnings: seen, header: file.header, sorted: file.sorted };
  }
  const record = (line: string) => vcf(line);

  it('reads VCF 4.0 with the 4.1 rules', async () => {
    const text = vcf('1\t100\t.\tA\tG\t.\t.\t.\tGT\t0/1\t0/0').replace('VCFv4.3', 'VCFv4.0');
    const { records, warnings, header } = await lenient(text);
    expect(records).toHaveLength(1);
    expect(header).toMatchObject({ version: '4.1', declaredVersion: '4.0' });
    expect(warnings).toEqual([
      '1 vcf-version: VCF version 4.0 is not supported (4.1, 4.2, 4.3, 4.4, 4.5); read it with the VCF 4.1 rules',
    ]);
  });

  it("keeps the header's definition of a reserved key, as htslib does", async () => {
    const text = vcf('1\t100\t.\tA\tG\t.\t.\tAF=0.5\tGT:AD\t0/1:1,2\t0/0:3,0').replace(
      'ID=AF,Number=A',
      'ID=AF,Number=.',
    );
    const { records, warnings } = await lenient(text);
    expect(records[0].info.AF).toEqual([0.5]);
    expect(warnings).toEqual([
      "5 vcf-reserved-definition: INFO AF is reserved with Number=A, Type=Float; the header declares Number=., Type=Float; read AF with the header's Number=., Type=Float, as htslib does",
    ]);
  });

  it('checks an INFO entry that passed once per ALT count, and warns of a bad one every time', async () => {
    const { warnings } = await lenient(
      vcf(
        '1\t100\t.\tA\tG\t.\t.\tAF=0.5;DP=7\tGT\t0/1\t0/0',
        '1\t200\t.\tA\tG,T\t.\t.\tAF=0.5;DP=7\tGT\t0/1\t0/0',
        '1\t300\t.\tA\tG\t.\t.\tAF=0.5;DP=7;AF=0.5\tGT\t0/1\t0/0',
        '1\t400\t.\tA\tG\t.\t.\tAF=0.1,0.2\tGT\t0/1\t0/0',
        '1\t500\t.\tA\tG\t.\t.\tAF=0.1,0.2\tGT\t0/1\t0/0',
      ),
    );
    expect(warnings).toEqual([
      '12 vcf-value-count: INFO AF has 1 value(s), Number=A requires 2; kept the 1 value(s) as written',
      '14 vcf-value-count: INFO AF has 2 value(s), Number=A requires 1; kept the 2 value(s) as written',
      '15 vcf-value-count: INFO AF has 2 value(s), Number=A requires 1; kept the 2 value(s) as written',
      '13 vcf-duplicate-key: INFO key AF appears twice; kept the first value',
    ]);
  });

  it('reads values that disagree with Number or Type, and empty values as missing', async () => {
    const { records, warnings } = await lenient(
      vcf(
        '1\t100\t.\tA\tG\t.\t.\tAF=0.1,0.2;DP=4.5\tGT:AD\t0/1:1\t0/0:1,2',
        '1\t200\t.\tA\tG\t.\t.\tDP=;;AF=1,\tGT:AD\t0/1:\t0/0',
        '1\t300\t.\tA\tG\t.\t.\t\tGT\t0/1\t0/0',
      ),
    );
    expect(records.map((r) => r.info)).toEqual([
      { AF: [0.1, 0.2], DP: [4.5] },
      { DP: [undefined], AF: [1, undefined] },
      {},
    ]);
    expect(records[0].samples?.S1).toEqual({ GT: ['0/1'], AD: [1] });
    expect(warnings).toEqual([
      '11 vcf-value-count: INFO AF has 2 value(s), Number=A requires 1; kept the 2 value(s) as written',
      '11 vcf-value-count: sample S1 AD has 1 value(s), Number=R requires 2; kept the 1 value(s) as written',
      '12 vcf-value-count: INFO AF has 2 value(s), Number=A requires 1; kept the 2 value(s) as written',
      '11 vcf-value-type: INFO DP value "4.5" is not an integer (Type=Integer); read it as the number 4.5',
      '12 vcf-empty-value: INFO DP has an empty value; read it as missing (".")',
      '12 vcf-empty-value: INFO has an empty entry (";;" or a ";" at an end); skipped it',
      '12 vcf-empty-value: INFO AF has an empty value; read it as missing (".")',
      '12 vcf-empty-value: sample S1 has an empty AD field; read it as missing',
      '13 vcf-empty-value: INFO is empty (use "."); read it as "."',
    ]);
  });

  it('keeps the first of a repeated key, reads GT anywhere and FORMAT "." as missing samples', async () => {
    const { records, warnings } = await lenient(
      vcf(
        '1\t100\t.\tA\tG\t.\t.\tDP=1;DP=2\tGT:AD:GT\t0/1:1,2:1/1\t0/0:3,0:0/1',
        '1\t200\t.\tA\tG\t.\t.\t.\tAD:GT\t1,2:0/1\t3,0:0/0',
        '1\t300\t.\tA\tG\t.\t.\t.\t.\t0/1\t.',
      ),
    );
    expect(records[0].info).toEqual({ DP: [1] });
    expect(records[0].samples).toEqual({
      S1: { GT: ['0/1'], AD: [1, 2] },
      S2: { GT: ['0/0'], AD: [3, 0] },
    });
    expect(records[1].samples?.S1).toEqual({ AD: [1, 2], GT: ['0/1'] });
    expect(records[2].samples).toEqual({ S1: {}, S2: {} });
    expect(warnings).toEqual([
      '11 vcf-duplicate-key: INFO key DP appears twice; kept the first value',
      '11 vcf-duplicate-key: FORMAT key GT appears twice; kept the first field of each key',
      '12 vcf-gt-position: GT must be the first FORMAT key; read GT from field 2',
      '13 vcf-missing-format: FORMAT is "." (no keys); read every sample as missing',
    ]);
  });

  it('reads unsorted records and duplicates in file order, and says the file is not sorted', async () => {
    const { records, warnings, sorted } = await lenient(
      vcf(
        '2\t100\t.\tA\tG\t.\t.\t.\tGT\t0/1\t0/0',
        '1\t300\t.\tA\tG\t.\t.\t.\tGT\t0/1\t0/0',
        '1\t200\t.\tA\tG\t.\t.\t.\tGT\t0/1\t0/0',
        '1\t200\t.\tA\tG\t.\t.\t.\tGT\t0/1\t0/0',
        '2\t50\t.\tA\tG\t.\t.\t.\tGT\t0/1\t0/0',
      ),
    );
    expect(records.map((r) => `${r.chrom}:${r.pos}`)).toEqual([
      '2:100',
      '1:300',
      '1:200',
      '1:200',
      '2:50',
    ]);
    expect(sorted).toBe(false);
    expect(warnings).toEqual([
      '13 vcf-unsorted: POS 200 comes after POS 300: records are not sorted; read the records in file order (an import sorts them)',
      '15 vcf-unsorted: records of chromosome 2 are not contiguous (it appeared earlier, before 1); read the records in file order (an import sorts them)',
      '14 vcf-duplicate-variant: variant 1:200:A>G appears twice; kept both',
    ]);
  });

  it("reads samtools 0.1's ALT X (an allele not observed) as <*>", async () => {
    const { records, warnings } = await lenient(
      vcf('1\t100\t.\tN\tG,X\t.\t.\t.\tGT\t0/1\t0/0', '1\t101\t.\tN\tX\t.\t.\t.\tGT\t0/0\t0/0'),
    );
    expect(records.map((r) => r.alts)).toEqual([['G', '<*>'], ['<*>']]);
    expect(warnings).toEqual([
      "11 vcf-legacy-x-allele: ALT X is samtools 0.1's placeholder for an allele not observed (today <*>); read it as <*>",
      "12 vcf-legacy-x-allele: ALT X is samtools 0.1's placeholder for an allele not observed (today <*>); read it as <*>",
    ]);
  });

  it('reads Windows line endings, a byte-order mark, trailing tabs and empty lines', async () => {
    const text =
      record('1\t100\t.\tA\tG\t.\t.\t.\tGT\t0/1\t0/0\t') +
      '\n1\t200\t.\tA\tG\t.\t.\t.\tGT\t0/1\t0/0\n';
    const windows = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(text.replace(/\n/g, '\r\n')),
    ]);
    const { records, warnings } = await lenient(windows);
    expect(records.map((r) => r.samples?.S2)).toEqual([{ GT: ['0/0'] }, { GT: ['0/0'] }]);
    expect(warnings).toEqual([
      '1 byte-order-mark: the file starts with a UTF-8 byte-order mark; skipped it',
      '1 crlf-line-endings: the file has Windows line endings (CR LF); read every line without its CR',
      '11 vcf-trailing-tab: the line has 12 tab-separated columns, the header has 11; ignored the empty column(s) after the last tab',
      '12 vcf-empty-line: empty line between records; skipped it',
    ]);
  });

  it('reports names the header does not declare once each, as htslib does', async () => {
    const { warnings } = await lenient(
      vcf(
        '3\t100\t.\tA\tG\t.\tlowq\tXX=1\tGT:YY\t0/1:a\t0/0:b',
        '3\t200\t.\tA\tG\t.\tlowq\tXX=2\tGT:YY\t0/1:a\t0/0:b',
      ),
    );
    expect(warnings).toEqual([
      '11 vcf-undeclared-contig: contig 3 has no ##contig line; read its records; its length is unknown',
      '11 vcf-undeclared-filter: FILTER lowq has no ##FILTER line; kept it as written',
      '11 vcf-undeclared-info: INFO key XX has no ##INFO line; read its values as text, as htslib does',
      '11 vcf-undeclared-format: FORMAT key YY has no ##FORMAT line; read its values as text, as htslib does',
    ]);
  });

  it('still refuses what cannot be read: text for a number, a bad GT, more fields than FORMAT', async () => {
    const refuse = (line: string, message: string) =>
      expect(lenient(record(line))).rejects.toThrow(message);
    await refuse(
      '1\t100\t.\tA\tG\t.\t.\tDP=abc\tGT\t0/1\t0/0',
      'demo.vcf:11: INFO DP value "abc" is not an integer (Type=Integer)',
    );
    await refuse(
      '1\t100\t.\tA\tG\t.\t.\t.\tGT\tx/1\t0/0',
      'demo.vcf:11: sample S1: GT "x/1" is not a valid genotype',
    );
    await refuse(
      '1\t100\t.\tA\tG\t.\t.\t.\tGT\t0/1:5\t0/0',
      'demo.vcf:11: sample S1 has 2 fields, FORMAT has 1',
    );
    await refuse(
      '1\tx\t.\tA\tG\t.\t.\t.\tGT\t0/1\t0/0',
      'demo.vcf:11: POS "x" is not a non-negative integer',
    );
    await refuse('1\t100\t.\tA\tZ\t.\t.\t.\tGT\t0/1\t0/0', 'demo.vcf:11: ALT "Z" is not bases');
    // Samples equal to one that passed are not checked again; a different one still is.
    await refuse(
      '1\t100\t.\tA\tG\t.\t.\t.\tGT:AD\t0/1:3,4\t0/2:3,4',
      'demo.vcf:11: sample S2: GT 0/2 refers to allele 2, but there are 1 ALT allele(s)',
    );
    const { warnings } = await lenient(record('1\t100\t.\tA\tG\t.\t.\t.\tGT:AD\t0/1:3\t0/1:3'));
    expect(warnings).toEqual([
      '11 vcf-value-count: sample S1 AD has 1 value(s), Number=R requires 2; kept the 1 value(s) as written',
    ]);
  });
});
