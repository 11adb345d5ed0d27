import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FormatError } from '@strand/genomics';
import { beforeAll, describe, expect, it } from 'vitest';
import { vcfValidateReport } from './commands/vcf-validate.ts';

// The real-world corpus (tools/scripts/fetch-vcf-corpus.sh): every VCF Debian ships in
// python3-cyvcf2 and r-bioc-variantannotation, with htslib's verdict (`bcftools view -H`) on
// each. What bcftools reads, `strand vcf validate` must read, with the same record count; what
// it refuses, Strand must refuse with FILE:LINE: reason.

const repo = fileURLToPath(new URL('../..', import.meta.url));
const script = join(repo, 'tools/scripts/fetch-vcf-corpus.sh');
const corpus = process.env.STRAND_VCF_CORPUS_DIR ?? join(repo, '.cache/vcf-corpus');
const bin = join(repo, 'tools/bin/strand.mjs');

interface Entry {
  file: string;
  bcftoolsExit: number;
  records: number;
  error: string;
}

let entries: Entry[] = [];
beforeAll(() => {
  // Downloads once (about 4.5 MB from Debian), then finds the corpus in place.
  execFileSync('bash', [script], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 600_000 });
  entries = readFileSync(join(corpus, 'manifest.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((row) => {
      const [file, exit, records, error] = row.split('\t');
      return { file, bcftoolsExit: Number(exit), records: Number(records), error: error ?? '' };
    });
}, 600_000);

const name = (file: string) => file.replace(/^files\/[^/]+\/.*\//, '');
const isBcf = (file: string) => file.endsWith('.bcf');

describe('the Debian VCF corpus (cyvcf2 tests, VariantAnnotation extdata and cases)', () => {
  it('reads every VCF bcftools reads, with its record count; refuses the others at a line', async () => {
    const lines: string[] = [];
    const problems: string[] = [];
    let read = 0;
    let refused = 0;
    let strictReadable = 0;
    const vcfs = entries.filter((e) => !isBcf(e.file));
    for (const entry of vcfs) {
      const label = name(entry.file);
      const path = join(corpus, entry.file);
      try {
        const report = await vcfValidateReport(path, { label });
        const kinds = Object.entries(report.warningCounts).map(([r, n]) => `${r}×${n}`);
        lines.push(
          `${label}: ${report.records} records, bcftools ${entry.records}${kinds.length ? `; ${kinds.join(' ')}` : ''}`,
        );
        if (entry.bcftoolsExit !== 0)
          problems.push(`${label}: read, but bcftools refuses it (${entry.error})`);
        else if (report.records !== entry.records)
          problems.push(`${label}: ${report.records} records, bcftools reads ${entry.records}`);
        else read++;
        await vcfValidateReport(path, { label, strict: true }).then(
          () => strictReadable++,
          () => undefined,
        );
      } catch (error) {
        const located =
          error instanceof FormatError &&
          new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: \\S`).test(
            error.message,
          );
        lines.push(
          `${String((error as Error).message)} (bcftools: ${entry.bcftoolsExit === 0 ? `reads ${entry.records}` : entry.error})`,
        );
        if (!located) problems.push(`${label}: not a located FormatError: ${String(error)}`);
        else if (entry.bcftoolsExit === 0)
          problems.push(`${label}: refused, but bcftools reads it: ${String(error)}`);
        else refused++;
      }
    }
    const readable = vcfs.filter((e) => e.bcftoolsExit === 0).length;
    console.log(
      [
        `Debian VCF corpus: ${vcfs.length} VCFs; bcftools reads ${readable}, refuses ${vcfs.length - readable}`,
        `  strand vcf validate: ${read}/${readable} read with bcftools' record count, ${refused}/${vcfs.length - readable} refused at a line`,
        `  with --strict (the specification's rules): ${strictReadable}/${readable} readable`,
        ...lines.map((l) => `  ${l}`),
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(vcfs.length).toBeGreaterThanOrEqual(45);
  });

  it('says a BCF file is binary VCF and how to convert it', async () => {
    const bcf = entries.filter((e) => isBcf(e.file));
    expect(bcf.length).toBeGreaterThan(0);
    for (const entry of bcf) {
      await expect(vcfValidateReport(join(corpus, entry.file), { label: 'x.bcf' })).rejects.toThrow(
        /^x\.bcf:1: this is a BCF file \(binary VCF\)/,
      );
    }
  });

  it('strand vcf validate: exit 0 with warnings in JSON; exit 1 with FILE:LINE on a refused file', () => {
    const find = (suffix: string) => {
      const entry = entries.find((e) => e.file.endsWith(suffix));
      if (!entry) throw new Error(`${suffix} is not in the corpus`);
      return join(corpus, entry.file);
    };
    const strand = (...args: string[]) =>
      spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });
    const ok = strand('vcf', 'validate', find('/gl_chr1.vcf'), '--json');
    expect(ok.status).toBe(0);
    const report = JSON.parse(ok.stdout);
    expect(report).toMatchObject({ records: 9, samples: 85, version: '4.1', sorted: true });
    expect(report.warnings).toContainEqual({
      rule: 'vcf-reserved-definition',
      file: find('/gl_chr1.vcf'),
      line: 14,
      message:
        "INFO AC is reserved with Number=A, Type=Integer; the header declares Number=., Type=Integer; read AC with the header's Number=., Type=Integer, as htslib does",
    });
    expect(report.warningCounts['vcf-undeclared-contig']).toBe(1);
    const strict = strand('vcf', 'validate', find('/gl_chr1.vcf'), '--strict');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('gl_chr1.vcf:14: INFO AC is reserved with Number=A');
    const refused = strand('vcf', 'validate', find('/no_GENO_row.vcf'));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/no_GENO_row\.vcf:11: FORMAT is empty/);
  });
});
