import { parseArgs } from 'node:util';
import { ReadWarnings, validateVcf } from '@strand/genomics';
import { CliError } from '../cli-error.ts';
import { createOutput } from '../output.ts';
import type { WarningsJson } from '../warnings-output.ts';
import { warningLines, warningsJson } from '../warnings-output.ts';

const HELP = `usage: strand vcf validate FILE [--strict] [--json]

Reads a VCF (4.1-4.5, and 4.0/3.3 with the 4.1 rules; plain, gzip or bgzip) as Strand imports it.
Exit 0 and a summary when it can be read: deviations that htslib reads too (a reserved key
declared with another Number, a value count that disagrees with Number, unsorted records, …) are
listed as warnings, the first few of each kind with FILE:LINE, then how many more. Exit 1 with
FILE:LINE: reason on stderr at the first line that cannot be read.

  --strict   hold the file to the VCF specification: each deviation from it is an error (exit 1);
             advice that never makes a file invalid (a contig without ##contig, CRLF) stays a
             warning
  --json     print { records, samples, version, sorted, warnings: [{ rule, file, line,
             message }], warningCounts: { rule: count } }`;

/** What `strand vcf validate --json` prints for a readable file. */
export type VcfValidateReport = {
  records: number;
  samples: number;
  version: string;
  sorted: boolean;
} & WarningsJson;

/**
 * Reads `file` as `strand vcf validate` does; throws the FormatError of a line that cannot be
 * read (with `strict`, of the first deviation from the specification).
 */
export async function vcfValidateReport(
  file: string,
  options: { strict?: boolean; label?: string } = {},
): Promise<VcfValidateReport> {
  const warnings = new ReadWarnings();
  const result = await validateVcf(file, {
    label: options.label ?? file,
    strict: options.strict ?? false,
    warnings,
  });
  return {
    records: result.records,
    samples: result.samples.length,
    version: result.version,
    sorted: result.sorted,
    ...warningsJson(warnings.summary()),
  };
}

/** `strand vcf validate`. */
export async function vcfValidate(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (positionals.length !== 1)
    throw new CliError(`strand vcf validate: give one FILE\n${HELP}`, 2);
  const [file] = positionals;
  const out = createOutput(values.json);
  // Errors name the file as given on the command line, so a person can open it at that line.
  const report = await vcfValidateReport(file, { strict: values.strict });
  const counts = Object.entries(report.warningCounts);
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  out.result(report, (r) =>
    [
      `${file}: readable VCF ${r.version}, ${r.records} records, ${r.samples} samples${r.sorted ? '' : ', not sorted'}${total ? `, ${total} warning(s) of ${counts.length} kind(s)` : ''}`,
      ...warningLines(
        counts.map(([rule, count]) => ({
          rule,
          count,
          examples: r.warnings.filter((w) => w.rule === rule),
        })),
      ),
    ].join('\n'),
  );
  return 0;
}
