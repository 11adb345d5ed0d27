import type { TextSource } from '../../io/open-text.ts';
import { openVcf } from './vcf-reader.ts';
import type { VcfVersion } from './vcf-version.ts';

/** What a valid VCF holds. */
export interface VcfValidation {
  /** Number of data lines. */
  records: number;
  /** Sample names from the header. */
  samples: string[];
  version: VcfVersion;
}

/**
 * Reads a whole VCF and checks it against the spec of its version; throws a FormatError
 * (`file:line: reason`) at the first violation.
 */
export async function validateVcf(source: TextSource, label?: string): Promise<VcfValidation> {
  const file = await openVcf(source, { label });
  let records = 0;
  for await (const _record of file) records++;
  return { records, samples: file.header.samples, version: file.header.version };
}
