import {
  altProblem,
  chromProblem,
  filterNames,
  idProblem,
  posProblem,
  qualProblem,
  refProblem,
} from './vcf-columns.ts';
import type { VcfHeader } from './vcf-header.ts';
import type { InfoEntryCache } from './vcf-info-check.ts';
import { checkInfo } from './vcf-info-check.ts';
import type { VcfRecordContext, VcfWarn } from './vcf-record-context.ts';
import { VCF_RULES } from './vcf-rules.ts';
import { checkFormat, checkSample, sampleRules } from './vcf-sample-check.ts';
import type { VcfNames } from './vcf-undeclared.ts';

/** The columns of a data line that passed every check, as the record reads them. */
export interface CheckedVcfLine {
  columns: string[];
  /** The line as @gmod/vcf should parse it: the text, or its repaired columns when changed. */
  text: string;
  chrom: string;
  pos: number;
  ref: string;
  alts: string[];
}

/**
 * Checks one data line against the spec of the header's version: column count, each fixed
 * column, INFO against the definitions, FORMAT and every sample. Deviations htslib reads go to
 * `warn` (see VCF_RULES), which throws in strict mode. Returns the line as the record reads it,
 * or the reason it cannot be read.
 */
export function checkVcfLine(
  text: string,
  header: VcfHeader,
  warn: VcfWarn,
  names: VcfNames,
  infoCache: InfoEntryCache,
): CheckedVcfLine | { reason: string } {
  let columns = text.split('\t');
  let changed = false;
  const expected = header.samples.length === 0 ? 8 : 9 + header.samples.length;
  if (columns.length > expected && columns.slice(expected).every((c) => c === '')) {
    // vcf_parse stops at the last column it expects.
    warn(
      VCF_RULES.trailingTab,
      `the line has ${columns.length} tab-separated columns, the header has ${expected}`,
      'ignored the empty column(s) after the last tab',
    );
    columns = columns.slice(0, expected);
    changed = true;
  }
  if (columns.length !== expected) {
    return {
      reason: `the line has ${columns.length} tab-separated columns, the header has ${expected}`,
    };
  }
  const [chrom, pos, id, ref, , qual, filter, info, format] = columns;
  let alt = columns[4];
  if (alt.split(',').includes('X')) {
    warn(
      VCF_RULES.legacyUnobservedAllele,
      `ALT X is samtools 0.1's placeholder for an allele not observed (today <*>)`,
      'read it as <*>',
    );
    alt = alt
      .split(',')
      .map((a) => (a === 'X' ? '<*>' : a))
      .join(',');
    columns[4] = alt;
    changed = true;
  }
  const { version } = header;
  const fixed =
    chromProblem(chrom, version, warn) ??
    posProblem(pos) ??
    idProblem(id, warn) ??
    refProblem(ref, warn) ??
    altProblem(alt, ref, warn) ??
    qualProblem(qual, warn);
  if (fixed) return { reason: fixed };
  names.contig(chrom.replace(/^<(.*)>$/, '$1'), warn);
  for (const name of filterNames(filter, warn)) names.filter(name, warn);
  const alts = alt === '.' ? [] : alt.split(',');
  const context: VcfRecordContext = {
    header,
    ref,
    altCount: alt === '.' ? null : alts.length,
    warn,
    names,
    infoCache,
  };
  const infoResult = checkInfo(info, context);
  if ('reason' in infoResult) return infoResult;
  if (infoResult.info !== info) {
    columns[7] = infoResult.info;
    changed = true;
  }
  if (format !== undefined) {
    // htslib refuses it too ("the number of columns … does not match the number of samples").
    if (format === '') return { reason: 'FORMAT is empty (use "." for no keys)' };
    const problem = checkSamples(columns, context);
    if (typeof problem === 'string') return { reason: problem };
    changed ||= problem;
  }
  return {
    columns,
    text: changed ? columns.join('\t') : text,
    chrom,
    pos: Number(pos),
    ref,
    alts,
  };
}

/**
 * Checks FORMAT and the samples, dropping a repeated key's later fields from both (and every
 * field when FORMAT is `.`). Returns the error, or whether the columns were changed.
 */
function checkSamples(columns: string[], context: VcfRecordContext): string | boolean {
  const written = columns[8].split(':').length;
  const format = checkFormat(columns[8], context);
  const rules = sampleRules(format.keys, context);
  const { kept } = format;
  const reduced: string[] = [];
  // A sample's check depends only on its text (its name appears in messages only), and a
  // record's warnings are given once per rule and key: a text that passed is not checked again.
  // Samples repeat (1000 Genomes: 2,504 columns of a few genotypes): 0.83 ms a record before.
  const passed = new Set<string>();
  for (let i = 9; i < columns.length; i++) {
    const column = columns[i];
    const seen = passed.has(column);
    if (seen && !kept) continue;
    let values = column.split(':');
    if (kept) {
      // A sample with more fields than FORMAT wrote is an error whatever the keys.
      if (values.length > written && kept.length > 0) {
        return `sample ${context.header.samples[i - 9]} has ${values.length} fields, FORMAT has ${written}`;
      }
      values = kept.filter((k) => k < values.length).map((k) => values[k]);
      reduced.push(values.length === 0 ? '.' : values.join(':'));
    }
    if (seen) continue;
    const problem = checkSample(values, i - 9, rules, context);
    if (problem) return problem;
    passed.add(column);
  }
  if (!kept) return false;
  columns.splice(9, reduced.length, ...reduced);
  columns[8] = kept.length === 0 ? '.' : format.keys.join(':');
  return true;
}
