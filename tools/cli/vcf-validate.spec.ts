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
  '##fileformat=VCFv4.2\n##contig=<ID=17>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tA\tB\n';
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
    expect(JSON.parse(r.stdout)).toEqual({ records: 2, samples: 2, version: '4.2' });
  });

  it('names the file and line of the first violation on stderr, exit 1', async () => {
    const file = join(dir, 'bad.vcf');
    await writeFile(
      file,
      `${HEADER}17\t100\t.\tA\tG\t50\tPASS\t.\tGT\t0/1\t1/1\n17\t200\t.\tA\tX\t50\tPASS\t.\tGT\t0/1\t1/1\n`,
    );
    const r = strand('vcf', 'validate', file);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5: ALT "X"`),
    );
  });

  it('asks for exactly one file', () => {
    const r = strand('vcf', 'validate');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^strand vcf validate: give one FILE/);
  });
});
