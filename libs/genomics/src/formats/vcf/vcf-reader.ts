import VCFParser from '@gmod/vcf';
import { FormatError } from '../../errors/format-error.ts';
import type { TextLine, TextSource } from '../../io/open-text.ts';
import { openText, sourceLabel } from '../../io/open-text.ts';
import type { ReadOptions } from '../../warnings/read-warning.ts';
import { ReaderIssues } from '../../warnings/reader-issues.ts';
import type { VcfHeader } from './vcf-header.ts';
import { checkNewline, controlCharacterProblem, readVcfHeader } from './vcf-header-reader.ts';
import type { CheckedVcfLine } from './vcf-line-check.ts';
import { InfoEntryCache } from './vcf-info-check.ts';
import { checkVcfLine } from './vcf-line-check.ts';
import { VcfOrderCheck } from './vcf-order-check.ts';
import type { VcfWarn } from './vcf-record-context.ts';
import type { VcfRecord } from './vcf-record.ts';
import { VCF_RULES } from './vcf-rules.ts';
import { VcfNames } from './vcf-undeclared.ts';

/** Options of {@link openVcf}: `label`, `strict` and `warnings` as every reader takes them. */
export interface OpenVcfOptions extends ReadOptions {
  /** Parse the per-sample FORMAT values into `record.samples` (off by default: it is costly). */
  genotypes?: boolean;
  /**
   * Parse INFO into `record.info` (default true). False leaves `info` empty, for readers of the
   * fixed columns only (variant scoring): @gmod/vcf's INFO parse took a quarter of the time to
   * read a GATK-style call set. The column is checked either way.
   */
  info?: boolean;
}

/** What `toVcfRecord` parses beyond the fixed columns. */
export interface VcfRecordParts {
  genotypes: boolean;
  info: boolean;
}

/** An open VCF: its header, and its records as an async iterable (read once). */
export interface VcfFile extends AsyncIterable<VcfRecord> {
  header: VcfHeader;
  /** Whether the records read so far were in order (chromosome blocks, rising POS). */
  readonly sorted: boolean;
}

function parseQual(qual: string): number | null {
  if (qual === '.') return null;
  const word = qual.toLowerCase().replace(/^\+/, '');
  if (word === 'inf' || word === 'infinity') return Infinity;
  return word === 'nan' ? NaN : Number(qual);
}

/** Builds a record from a checked line; @gmod/vcf parses INFO and the samples when asked to. */
export function toVcfRecord(
  parser: VCFParser,
  checked: CheckedVcfLine,
  line: number,
  { genotypes, info }: VcfRecordParts,
): VcfRecord {
  const variant = genotypes || info ? parser.parseLine(checked.text) : undefined;
  const [, , id, , , qual, filter] = checked.columns;
  const record: VcfRecord = {
    line,
    chrom: checked.chrom,
    pos: checked.pos,
    id: id === '.' ? [] : id.split(';'),
    ref: checked.ref,
    alts: checked.alts,
    qual: parseQual(qual),
    filter: filter === '.' ? [] : filter.split(';'),
    info: info && variant ? variant.INFO : {},
  };
  if (genotypes && variant) {
    // FORMAT "." (read with a warning) has no keys: every sample is missing.
    record.samples =
      checked.columns[8] === '.'
        ? Object.fromEntries(parser.samples.map((name) => [name, {}]))
        : variant.SAMPLES();
  }
  return record;
}

async function* records(
  lines: AsyncIterator<TextLine>,
  header: VcfHeader,
  parser: VCFParser,
  issues: ReaderIssues,
  parts: VcfRecordParts,
  order: VcfOrderCheck,
): AsyncGenerator<VcfRecord> {
  const { label } = issues;
  const names = new VcfNames(header);
  const infoCache = new InfoEntryCache();
  let current = 0;
  const warn: VcfWarn = (rule, problem, action) => issues.warn(current, rule, problem, action);
  let blank: number | undefined;
  try {
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      const { line, number } = next.value;
      if (line === '') {
        blank ??= number;
        continue;
      }
      if (blank !== undefined) {
        issues.warn(blank, VCF_RULES.emptyLine, 'empty line between records', 'skipped it');
        blank = undefined;
      }
      if (line.startsWith('#'))
        throw new FormatError(label, number, 'a header line after the #CHROM line');
      const control = controlCharacterProblem(line);
      if (control) throw new FormatError(label, number, control);
      current = number;
      const checked = checkVcfLine(line, header, warn, names, infoCache);
      if ('reason' in checked) throw new FormatError(label, number, checked.reason);
      order.next(checked.chrom, checked.pos, checked.ref, checked.alts, warn);
      checkNewline(next.value, header.version, issues);
      yield toVcfRecord(parser, checked, number, parts);
    }
  } finally {
    await lines.return?.();
  }
}

/**
 * Opens a VCF (plain, gzip or bgzip; 4.1–4.5, and 3.3/4.0 read as 4.1), reads and checks its
 * header, and returns it with its records as a stream. Every line is checked against the spec of
 * the file's version (Strand's validation layer on top of @gmod/vcf, which parses but tolerates
 * much). What htslib reads — a GATK header declaring GQ as a Float, a value count that disagrees
 * with Number, unsorted records, … (see VCF_RULES) — is read with a warning to
 * `options.warnings`; `strict` refuses it as before. What cannot be read throws a FormatError
 * `file:line: reason`.
 */
export async function openVcf(source: TextSource, options: OpenVcfOptions = {}): Promise<VcfFile> {
  const label = sourceLabel(source, options.label);
  const issues = new ReaderIssues(label, options);
  const lines = openText(source, { label, issues });
  let read;
  try {
    read = await readVcfHeader(lines, issues);
  } catch (error) {
    await lines.return(undefined);
    throw error;
  }
  const { header, text } = read;
  const parser = new VCFParser({ header: text });
  const order = new VcfOrderCheck();
  let used = false;
  return {
    header,
    get sorted() {
      return order.sorted;
    },
    [Symbol.asyncIterator]() {
      if (used) throw new Error('the records of a VcfFile can be read only once');
      used = true;
      const parts = { genotypes: options.genotypes ?? false, info: options.info ?? true };
      return records(lines, header, parser, issues, parts, order);
    },
  };
}
