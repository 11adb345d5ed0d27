import { FormatError } from '../../errors/format-error.ts';
import { GenomicsError } from '../../errors/genomics-error.ts';
import type { TextSource } from '../../io/open-text.ts';
import { openText, sourceLabel } from '../../io/open-text.ts';
import type { ReadOptions } from '../../warnings/read-warning.ts';
import { ReaderIssues } from '../../warnings/reader-issues.ts';
import { bedColumnsProblem, narrowPeakProblem } from './bed-columns.ts';

/** One BED (3 to 12 columns) or narrowPeak region; coordinates are 0-based, half-open. */
export interface BedRecord {
  chrom: string;
  start: number;
  end: number;
  name?: string;
  score?: number;
  strand?: '+' | '-' | '.';
  /** The `labelColumn` value: a number when it reads as one, else the text. */
  label?: string | number;
  /** narrowPeak columns 7-10. */
  signalValue?: number;
  pValue?: number;
  qValue?: number;
  peak?: number;
  /** All columns as written. */
  columns: string[];
  line: number;
}

/** Options of {@link readBed} (`label`, `strict`, `warnings` as every reader). */
export interface BedOptions extends ReadOptions {
  /** `narrowPeak` requires exactly 10 columns and checks columns 7-10. Default `bed`. */
  format?: 'bed' | 'narrowPeak';
  /** Column giving each region's label: `name`, `score`, or a 0-based column index. */
  labelColumn?: 'name' | 'score' | number;
}

const SKIP = /^(#|track(\s|$)|browser(\s|$))/;

/** The 0-based column of a `labelColumn` option (undefined without one). */
export function bedLabelIndex(column: BedOptions['labelColumn']): number | undefined {
  if (column === undefined) return undefined;
  if (column === 'name') return 3;
  if (column === 'score') return 4;
  if (!Number.isInteger(column) || column < 0) {
    throw new GenomicsError(
      'INVALID_OPTIONS',
      `labelColumn must be "name", "score" or a column index ≥ 0, got ${column}`,
    );
  }
  return column;
}

const asLabel = (value: string) =>
  /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value) ? Number(value) : value;

/** Checks one split line; returns the record or the reason it is invalid. */
function toRecord(
  c: string[],
  line: number,
  options: BedOptions,
  labelAt: number | undefined,
): BedRecord | string {
  const narrow = options.format === 'narrowPeak';
  if (narrow ? c.length !== 10 : c.length < 3 || c.length > 12) {
    return `expected ${narrow ? '10 (narrowPeak)' : '3 to 12'} tab-separated columns, got ${c.length}`;
  }
  const [chrom, startText, endText] = c;
  if (chrom === '') return 'chrom (column 1) is empty';
  if (!/^\d+$/.test(startText))
    return `start ${JSON.stringify(startText)} is not a non-negative integer`;
  if (!/^\d+$/.test(endText)) return `end ${JSON.stringify(endText)} is not a non-negative integer`;
  const start = Number(startText);
  const end = Number(endText);
  if (start > end) return `start ${start} is greater than end ${end}`;
  const problem = narrow
    ? (bedColumnsProblem(c.slice(0, 6), start, end) ?? narrowPeakProblem(c, start, end))
    : bedColumnsProblem(c, start, end);
  if (problem) return problem;
  const record: BedRecord = { chrom, start, end, columns: c, line };
  if (c.length > 3) record.name = c[3];
  if (c.length > 4 && c[4] !== '.') record.score = Number(c[4]);
  if (c.length > 5) record.strand = c[5] as BedRecord['strand'];
  if (narrow) {
    [record.signalValue, record.pValue, record.qValue, record.peak] = c.slice(6, 10).map(Number);
  }
  if (labelAt !== undefined) {
    if (labelAt >= c.length) return `labelColumn ${labelAt} is beyond the ${c.length} columns`;
    record.label = asLabel(c[labelAt]);
  }
  return record;
}

/** What {@link parseBedLine} keeps between lines: the column count of the first data line. */
export interface BedLineState {
  width?: number;
}

/**
 * Parses one line of a BED file exactly as {@link readBed} does: undefined for a skipped line
 * (blank, `#`, `track`, `browser`), the record, or a FormatError `file:line: reason`. Shared with
 * the byte-level scanner of the batch iterator, which sends every line it does not take on its
 * fast path here, so both report the same records and the same errors.
 */
export function parseBedLine(
  line: string,
  number: number,
  state: BedLineState,
  options: BedOptions,
  labelAt: number | undefined,
  label: string,
): BedRecord | undefined {
  if (line.trim() === '' || SKIP.test(line)) return undefined;
  const columns = line.split('\t');
  if (state.width !== undefined && columns.length !== state.width) {
    throw new FormatError(
      label,
      number,
      `${columns.length} columns, where earlier lines have ${state.width}`,
    );
  }
  state.width = columns.length;
  const record = toRecord(columns, number, options, labelAt);
  if (typeof record === 'string') throw new FormatError(label, number, record);
  return record;
}

/**
 * Streams a BED3-BED12 or narrowPeak file (plain, gzip or bgzip). `track`, `browser`, `#` and
 * blank lines are skipped; every line must have as many columns as the first. Errors are
 * FormatErrors `file:line: reason`.
 */
export async function* readBed(
  source: TextSource,
  options: BedOptions = {},
): AsyncGenerator<BedRecord> {
  const label = sourceLabel(source, options.label);
  const labelAt = bedLabelIndex(options.labelColumn);
  const state: BedLineState = {};
  const issues = new ReaderIssues(label, options);
  for await (const { line, number } of openText(source, { label, issues })) {
    const record = parseBedLine(line, number, state, options, labelAt, label);
    if (record) yield record;
  }
}
