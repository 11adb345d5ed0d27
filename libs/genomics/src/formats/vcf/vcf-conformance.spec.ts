import { readFileSync } from 'node:fs';
import { describe, expect } from 'vitest';
import { FormatError } from '../../errors/format-error.ts';
import { itWithSharedData, sharedDataPath } from '../../testing.ts';
import { validateVcf } from './validate-vcf.ts';

/**
 * Files of the hts-specs conformance suite whose expected outcome Strand deliberately does not
 * meet, each with the reason. Every entry is a known debt; the test fails if one starts to
 * behave as the suite expects, so the list cannot go stale.
 */
const ALLOWED_DEVIATIONS: Record<string, string> = {
  '4.1/failed/failed_body_format_003.vcf':
    'FORMAT key "G_S": VCF 4.1 sets no character rule for FORMAT keys; rejecting "_" would reject GATK gVCFs (MIN_DP)',
  '4.2/failed/failed_body_format_003.vcf':
    'FORMAT key "G_S": VCF 4.2 sets no character rule for FORMAT keys; rejecting "_" would reject GATK gVCFs (MIN_DP)',
  '4.3/failed/failed_body_chrom_001.vcf':
    'CHROM "chr:1": VCF 4.3 §1.4.7 allows ":" in contig names (GRCh38 HLA contigs such as HLA-A*01:01:01:01)',
  '4.3/failed/failed_body_chrom_004.vcf':
    'CHROM "chr*1": VCF 4.3 §1.4.7 allows "*" after the first character (GRCh38 HLA contigs)',
  '4.3/failed/failed_meta_contig_003.vcf':
    'contig ID "1.*": VCF 4.3 §1.4.7 allows "*" after the first character (GRCh38 HLA contigs)',
  '4.5/passed/zero_length_LAA.vcf':
    'POS 300 follows POS 400 on line 8: VCF 4.5 §1.6.1 still requires sorted positions, so Strand rejects it',
};

const ROOT = 'vcf-conformance';

interface Case {
  file: string;
  expected: 'parse' | 'reject';
}

function manifest(): Case[] {
  const text = readFileSync(sharedDataPath(ROOT, 'manifest.tsv'), 'utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((row) => {
      const [file, expected] = row.split('\t');
      return { file, expected: expected as Case['expected'] };
    });
}

/** Data lines of a file: what a passing parse must yield. */
function dataLines(file: string): number {
  const text = readFileSync(sharedDataPath(ROOT, file), 'utf8');
  return text.split('\n').filter((line) => line !== '' && !line.startsWith('#')).length;
}

/** Whether Strand does what the suite expects for one file; the reason when it does not. */
async function conforms({ file, expected }: Case): Promise<string | undefined> {
  try {
    const result = await validateVcf(sharedDataPath(ROOT, file), { label: file, strict: true });
    if (expected === 'reject') return `accepted (${result.records} records)`;
    const want = dataLines(file);
    return result.records === want ? undefined : `parsed ${result.records} of ${want} records`;
  } catch (error) {
    if (expected === 'parse') return `rejected: ${String(error)}`;
    const located =
      error instanceof FormatError && error.source === file && /^.+:\d+: \S/.test(error.message);
    return located ? undefined : `rejected without a file:line: reason error: ${String(error)}`;
  }
}

describe('VCF conformance (hts-specs test/vcf)', () => {
  itWithSharedData(
    'accepts every passed/ file and rejects every failed/ file',
    [ROOT],
    async () => {
      const counts = new Map<string, { parse: number[]; reject: number[] }>();
      const unexpected: string[] = [];
      const deviations: string[] = [];
      for (const c of manifest()) {
        const version = c.file.split('/')[0];
        const count = counts.get(version) ?? { parse: [0, 0], reject: [0, 0] };
        counts.set(version, count);
        const problem = await conforms(c);
        count[c.expected][1]++;
        if (!problem) count[c.expected][0]++;
        const allowed = ALLOWED_DEVIATIONS[c.file];
        if (problem && !allowed) unexpected.push(`${c.file}: ${problem}`);
        if (allowed && !problem)
          unexpected.push(`${c.file}: conforms now; remove it from the allow-list`);
        if (allowed && problem) deviations.push(`${c.file}: ${allowed}`);
      }
      const report = [...counts].map(
        ([v, { parse, reject }]) =>
          `VCF ${v}: passed accepted ${parse[0]}/${parse[1]}, failed rejected ${reject[0]}/${reject[1]}`,
      );
      console.log(
        ['VCF conformance', ...report, 'Allowed deviations:', ...deviations].join('\n  '),
      );
      expect(unexpected).toEqual([]);
      expect(deviations.length).toBe(Object.keys(ALLOWED_DEVIATIONS).length);
    },
  );
});
