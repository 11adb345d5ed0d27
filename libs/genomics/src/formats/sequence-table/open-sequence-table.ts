import { FormatError } from '../../errors/format-error.ts';
import type { TextLine, TextSource } from '../../io/open-text.ts';
import { openText, sourceLabel } from '../../io/open-text.ts';
import type { WarningRule } from '../../warnings/read-warning.ts';
import { ReaderIssues } from '../../warnings/reader-issues.ts';
import { detectDelimiter, splitDelimited } from '../delimited.ts';
import { parseLabel, sequenceProblem } from './labelled-sequence.ts';
import { UniqueIds } from './unique-ids.ts';
import type { ResolvedLayout, SequenceTableColumnOptions } from './sequence-table-layout.ts';
import type { SequenceTableLayout } from './sequence-table-layout.ts';
import { resolveSequenceTableLayout } from './sequence-table-layout.ts';

/** One row of a sequence table, its columns as the layout says. */
export interface SequenceTableRecord {
  id: string;
  sequence: string;
  /** One value per label column: a number when it reads as one (`1`, `0.5`), else the text. */
  labels: (string | number)[];
  /** One finite number per feature column. */
  features: Float64Array;
  /**
   * Per-position counts [sequence length, tracks] row-major, or null without a profile column.
   * In the file: each track `length` comma-separated counts ≥ 0, tracks separated by `;`.
   */
  profile: Float32Array | null;
  /** Tracks of the profile (the same in every row); 0 without one. */
  tracks: number;
  line: number;
}

/** An opened sequence table: its resolved layout, and its rows as they stream. */
export interface SequenceTable {
  layout: SequenceTableLayout;
  /** Iterate to the end (or break): that closes the file. */
  records: AsyncGenerator<SequenceTableRecord>;
}

/** A row ending with an empty field after a final delimiter: read without it. */
export const TRAILING_DELIMITER_RULE: WarningRule = {
  id: 'table-trailing-delimiter',
  strict: 'error',
};

/**
 * Opens a sequence table (TSV or CSV, header required; plain, gzip or bgzip) with an id and a
 * sequence column, label columns (targets), numeric feature columns and a per-position count
 * profile, found by name (see SequenceTableColumnOptions for the defaults). Reads the header
 * now; rows are validated as they stream and a bad one throws a FormatError at its line: unique
 * non-empty ids, valid bases, non-empty labels, numbers in feature columns (NA is an error), and
 * profiles of the sequence's length with the same tracks in every row.
 *
 * @example
 * const table = await openSequenceTable('cpg.tsv', { featureColumns: ['cpg_'] });
 * for await (const r of table.records) console.log(r.id, r.labels[0], r.features.length);
 */
export async function openSequenceTable(
  source: TextSource,
  options: SequenceTableColumnOptions = {},
): Promise<SequenceTable> {
  const label = sourceLabel(source, options.label);
  const issues = new ReaderIssues(label, options);
  const lines = openText(source, { label, issues });
  let first: TextLine | undefined;
  for (;;) {
    const next = await lines.next();
    if (next.done) throw new FormatError(label, 1, 'the file is empty; it needs a header row');
    if (next.value.line.trim() !== '') {
      first = next.value;
      break;
    }
  }
  const delimiter = detectDelimiter(first.line);
  const header = splitDelimited(first.line, delimiter).map((h) => h.trim());
  const resolved = resolveSequenceTableLayout(header, options);
  if (typeof resolved === 'string') {
    await lines.return(undefined);
    throw new FormatError(label, first.number, resolved);
  }
  return {
    layout: resolved.layout,
    records: readRows(lines, resolved, { issues, delimiter, width: header.length }),
  };
}

async function* readRows(
  lines: AsyncGenerator<TextLine>,
  at: ResolvedLayout,
  { issues, delimiter, width }: { issues: ReaderIssues; delimiter: string; width: number },
): AsyncGenerator<SequenceTableRecord> {
  const { label } = issues;
  const ids = new UniqueIds(label, 'row');
  const { labelColumns, featureColumns, profileColumn } = at.layout;
  let tracks = -1;
  try {
    for await (const { line, number } of lines) {
      if (line.trim() === '') continue;
      const fail = (reason: string) => new FormatError(label, number, reason);
      const fields = splitDelimited(line, delimiter);
      if (fields.length === width + 1 && fields[width].trim() === '') {
        // Spreadsheets and `paste` leave a delimiter at the end of a row.
        issues.warn(
          number,
          TRAILING_DELIMITER_RULE,
          `the row ends with a delimiter (${width + 1} fields, the header has ${width})`,
          'ignored the empty last field',
        );
        fields.pop();
      }
      if (fields.length !== width) throw fail(`${fields.length} fields, the header has ${width}`);
      const id = fields[at.id].trim();
      const sequence = fields[at.sequence].trim();
      if (id === '') throw fail('empty ID');
      ids.add(id, number);
      const labels = at.labels.map((i, k) => {
        const value = fields[i].trim();
        if (value === '') {
          const what = labelColumns.length === 1 ? 'label' : labelColumns[k];
          throw fail(`sequence ${id} has an empty ${what}`);
        }
        return parseLabel(value);
      });
      const problem = sequenceProblem(id, sequence);
      if (problem) throw fail(problem);
      const features = new Float64Array(at.features.length);
      at.features.forEach((i, k) => {
        const text = fields[i].trim();
        const value = text === '' ? Number.NaN : Number(text);
        if (!Number.isFinite(value)) {
          throw fail(
            `sequence ${id}: feature column ${featureColumns[k]} holds ${JSON.stringify(text)}, not a number (missing values such as NA are not allowed)`,
          );
        }
        features[k] = value;
      });
      let profile: Float32Array | null = null;
      if (at.profile >= 0) {
        const parsed = parseProfile(fields[at.profile], sequence.length);
        if (typeof parsed === 'string') throw fail(`sequence ${id}: ${profileColumn} ${parsed}`);
        if (tracks >= 0 && parsed.tracks !== tracks) {
          throw fail(
            `sequence ${id}: ${profileColumn} has ${parsed.tracks} track${parsed.tracks === 1 ? '' : 's'}; the first record has ${tracks}`,
          );
        }
        tracks = parsed.tracks;
        profile = parsed.counts;
      }
      yield { id, sequence, labels, features, profile, tracks: Math.max(tracks, 0), line: number };
    }
    ids.finish();
  } finally {
    ids.dispose();
    await lines.return(undefined);
  }
}

/**
 * Per-position counts from `;`-separated tracks of `length` comma-separated counts ≥ 0, as
 * [length, tracks] row-major (the layout trainModel's profile heads read), or what is wrong.
 */
export function parseProfile(
  text: string,
  length: number,
): { counts: Float32Array; tracks: number } | string {
  const parts = text.trim().split(';');
  const tracks = parts.length;
  const counts = new Float32Array(length * tracks);
  for (let t = 0; t < tracks; t++) {
    const values = parts[t].split(',');
    if (values.length !== length) {
      const which = tracks === 1 ? '' : `track ${t + 1} `;
      return `${which}has ${values.length} value${values.length === 1 ? '' : 's'}; the sequence has ${length} positions (one count per position${tracks === 1 ? '' : ' in each track'})`;
    }
    for (let p = 0; p < length; p++) {
      const text = values[p];
      const value = Number(text);
      if (!(value >= 0 && value < Infinity) || (value === 0 && text.trim() === '')) {
        const where = tracks === 1 ? `position ${p + 1}` : `track ${t + 1}, position ${p + 1}`;
        return `holds ${JSON.stringify(text.trim())} at ${where}, not a count ≥ 0`;
      }
      counts[p * tracks + t] = value;
    }
  }
  return { counts, tracks };
}
