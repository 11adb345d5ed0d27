import { parseArgs } from 'node:util';
import { validateVcf } from '@strand/genomics';
import { CliError } from '../cli-error.ts';
import { createOutput } from '../output.ts';

const HELP = `usage: strand vcf validate FILE [--json]

Checks a VCF (4.1-4.5; plain, gzip or bgzip) against the specification. Exit 0 and a summary
for a valid file; exit 1 with FILE:LINE: reason on stderr at the first violation.`;

/** `strand vcf validate`. */
export async function vcfValidate(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
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
  const result = await validateVcf(file, file);
  out.result(
    { records: result.records, samples: result.samples.length, version: result.version },
    (r) => `${file}: valid VCF ${r.version}, ${r.records} records, ${r.samples} samples`,
  );
  return 0;
}
