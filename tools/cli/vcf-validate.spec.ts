import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/strand.mjs', import.meta.url));
const strand = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });

const HEADER =
  '##fileformat=VCFv4.2\n##contig=<ID=17>\n##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tA\tB\n';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strand-vcf-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('strand vcf validate', () => {
  it('prints records, samples and version as JSON for a valid file, exit 0', async () => {
    const file = join(dir, 'ok.vcf');
    await writeFile(
      file,
      `${HEADER}17\t100\t.\tA\tG\t50\tPASS\t.\tGT\t0/1\t1/1\n17\t200\trs1\tC\tT,G\t.\t.\t.\tGT\t1/2\t0/0\n`,
    );
    const r = strand('vcf', 'validate', file, '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      records: 2,
      samples: 2,
      version: '4.2',
      sorted: true,
      warnings: [],
      warningCounts: {},
    });
  });

  it('reads what htslib reads with warnings (exit 0); --strict refuses the first deviation', async () => {
    const file = join(dir, 'lenient.vcf');
    await writeFile(
      file,
      `${HEADER}17	200	.	A	G	50	PASS	DP=	GT	0/1	1/1
17	100	.	C	T	.	.	.	GT	0/0	0/1
`.replace(
        '##contig=<ID=17>\n',
        '##contig=<ID=17>\n##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">\n',
      ),
    );
    const r = strand('vcf', 'validate', file, '--json');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ records: 2, sorted: false });
    expect(report.warnings).toEqual([
      {
        rule: 'vcf-empty-value',
        file,
        line: 6,
        message: 'INFO DP has an empty value; read it as missing (".")',
      },
      {
        rule: 'vcf-unsorted',
        file,
        line: 7,
        message:
          'POS 100 comes after POS 200: records are not sorted; read the records in file order (an import sorts them)',
      },
    ]);
    expect(report.warningCounts).toEqual({ 'vcf-empty-value': 1, 'vcf-unsorted': 1 });
    const human = strand('vcf', 'validate', file);
    expect(human.status).toBe(0);
    expect(human.stdout).toContain(
      `${file}: readable VCF 4.2, 2 records, 2 samples, not sorted, 2 warning(s) of 2 kind(s)`,
    );
    expect(human.stdout).toContain(
      `warning: ${file}:6: INFO DP has an empty value; read it as missing (".") [vcf-empty-value]`,
    );
    const strict = strand('vcf', 'validate', file, '--strict');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toBe(`${file}:6: INFO DP has an empty value\n`);
  });

  it('names the file and line of the first violation on stderr, exit 1', async () => {
    const file = join(dir, 'bad.vcf');
    await writeFile(
      file,
      `${HEADER}17\t100\t.\tA\tG\t50\tPASS\t.\tGT\t0/1\t1/1\n17\t200\t.\tA\tZ\t50\tPASS\t.\tGT\t0/1\t1/1\n`,
    );
    const r = strand('vcf', 'validate', file);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:6: ALT "Z"`),
    );
  });

  it('asks for exactly one file', () => {
    const r = strand('vcf', 'validate');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^strand vcf validate: give one FILE/);
  });
});
