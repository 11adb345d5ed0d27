import {
  altProblem,
  chromProblem,
  filterProblem,
  idProblem,
  posProblem,
  qualProblem,
  refProblem,
} from './vcf-columns.ts';
import type { VcfHeader } from './vcf-header.ts';
import { infoProblem } from './vcf-info-check.ts';
import type { VcfRecordContext } from './vcf-record-context.ts';
import { formatProblem, sampleProblem, sampleRules } from './vcf-sample-check.ts';

/** The columns of a data line that passed every check. */
export interface CheckedVcfLine {
  columns: string[];
  chrom: string;
  pos: number;
  ref: string;
  alts: string[];
}

/**
 * Checks one data line against the spec of the header's version: column count, each fixed
 * column, INFO against the definitions, FORMAT and every sample. Returns the split line, or
 * the reason for the first problem found.
 */
export function checkVcfLine(text: string, header: VcfHeader): CheckedVcfLine | { reason: string } {
  const columns = text.split('\t');
  const expected = header.samples.length === 0 ? 8 : 9 + header.samples.length;
  if (columns.length !== expected) {
    return {
      reason: `the line has ${columns.length} tab-separated columns, the header has ${expected}`,
    };
  }
  const [chrom, pos, id, ref, alt, qual, filter, info, format] = columns;
  const fixed =
    chromProblem(chrom, header.version) ??
    posProblem(pos) ??
    idProblem(id) ??
    refProblem(ref) ??
    altProblem(alt, ref) ??
    qualProblem(qual) ??
    filterProblem(filter);
  if (fixed) return { reason: fixed };
  const alts = alt === '.' ? [] : alt.split(',');
  const context: VcfRecordContext = { header, ref, altCount: alt === '.' ? null : alts.length };
  const infoIssue = infoProblem(info, context);
  if (infoIssue) return { reason: infoIssue };
  if (format !== undefined) {
    const formatIssue = formatProblem(format, context);
    if (formatIssue) return { reason: formatIssue };
    const rules = sampleRules(format, context);
    for (let i = 9; i < columns.length; i++) {
      const problem = sampleProblem(columns[i], i - 9, rules, context);
      if (problem) return { reason: problem };
    }
  }
  return { columns, chrom, pos: Number(pos), ref, alts };
}
