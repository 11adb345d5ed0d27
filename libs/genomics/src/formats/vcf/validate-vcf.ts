import type { TextSource } from '../../io/open-text.ts';
import type { ReadOptions } from '../../warnings/read-warning.ts';
import { openVcf } from './vcf-reader.ts';

/** What a readable VCF holds. */
export interface VcfValidation {
  /** Number of data lines. */
  records: number;
  /** Sample names from the header. */
  samples: string[];
  /** The version the file declares (`4.0` is read with the 4.1 rules). */
  version: string;
  /** Whether the records are sorted (chromosome blocks, rising POS). */
  sorted: boolean;
}

/**
 * Reads a whole VCF and checks it against the spec of its version: deviations htslib reads go to
 * `options.warnings` (errors with `strict`); throws a FormatError (`file:line: reason`) at the
 * first line that cannot be read.
 */
export async function validateVcf(
  source: TextSource,
  options: ReadOptions = {},
): Promise<VcfValidation> {
  const file = await openVcf(source, options);
  let records = 0;
  for await (const _record of file) records++;
  return {
    records,
    samples: file.header.samples,
    version: file.header.declaredVersion,
    sorted: file.sorted,
  };
}
