// Expression matrices. Map: types and options; `orient` (the auto layout rule); the reader
// (header, rows parsed into a growing Float32Array, missing cells as NaN); `toSamplesByGenes`
// (transposes genes × samples files).
import { FormatError } from '../../errors/format-error.ts';
import { GenomicsError } from '../../errors/genomics-error.ts';
import type { TextSource } from '../../io/open-text.ts';
import { openText, sourceLabel } from '../../io/open-text.ts';
import { detectDelimiter, splitDelimited } from '../delimited.ts';

/** How a matrix file is laid out. */
export type ExpressionOrientation = 'genes-by-samples' | 'samples-by-genes';

/** An expression matrix, stored samples × genes (one row per sample, as models read it). */
export interface ExpressionMatrix {
  genes: string[];
  samples: string[];
  /** Row-major [sample][gene]; missing values are NaN. */
  values: Float32Array;
  /** How many cells were missing (NA, NaN, empty, ...). */
  missing: number;
  /** The layout the file had. */
  orientation: ExpressionOrientation;
}

/** Options of {@link readExpressionMatrix}. */
export interface ExpressionOptions {
  label?: string;
  /** `auto` (default): see {@link readExpressionMatrix}. */
  orientation?: ExpressionOrientation | 'auto';
  /** `keep` (default) stores missing cells as NaN; `error` rejects them. */
  missing?: 'keep' | 'error';
}

/** Cell texts read as missing values (case-insensitive). */
const MISSING = new Set(['', 'na', 'nan', 'n/a', 'null', '.', '?']);
const NUMBER = /^[+-]?((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|inf|infinity)$/i;

/** Picks genes × samples or samples × genes: genes are the clearly larger dimension. */
function orient(rows: number, columns: number, label: string): ExpressionOrientation {
  if (rows >= 2 * columns) return 'genes-by-samples';
  if (columns >= 2 * rows) return 'samples-by-genes';
  throw new GenomicsError(
    'AMBIGUOUS_ORIENTATION',
    `${label}: ${rows} rows × ${columns} columns; neither is twice the other, so pass orientation ("genes-by-samples" or "samples-by-genes")`,
  );
}

function duplicate(names: string[]): string | undefined {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) return name;
    seen.add(name);
  }
  return undefined;
}

/**
 * Reads a numeric matrix from TSV or CSV (delimiter from the header line; plain, gzip or
 * bgzip): a header row naming the columns after a first ID column, then one row per ID.
 * Missing cells (`NA`, `NaN`, empty, `.`, `?`, `null`) become NaN and are counted. Layout:
 * genes × samples or samples × genes, given or detected — `auto` takes the dimension at least
 * twice the other as genes (expression sets have far more genes than samples) and refuses to
 * guess otherwise. The result is always samples × genes.
 */
export async function readExpressionMatrix(
  source: TextSource,
  options: ExpressionOptions = {},
): Promise<ExpressionMatrix> {
  const label = sourceLabel(source, options.label);
  let columns: string[] | undefined;
  let delimiter: '\t' | ',' = '\t';
  const rows: string[] = [];
  const rowIds = new Set<string>();
  let cells = new Float32Array(1 << 16);
  let size = 0;
  let missing = 0;
  for await (const { line, number } of openText(source, { label })) {
    if (line.trim() === '') continue;
    if (!columns) {
      delimiter = detectDelimiter(line);
      columns = splitDelimited(line, delimiter).slice(1);
      const dup = duplicate(columns);
      if (columns.length === 0)
        throw new FormatError(label, number, 'the header has no value columns');
      if (dup !== undefined)
        throw new FormatError(label, number, `column "${dup}" appears twice in the header`);
      continue;
    }
    const fields = splitDelimited(line, delimiter);
    if (fields.length !== columns.length + 1) {
      throw new FormatError(
        label,
        number,
        `${fields.length} fields, the header has ${columns.length + 1}`,
      );
    }
    if (fields[0] === '') throw new FormatError(label, number, 'the row has an empty ID');
    if (rowIds.has(fields[0])) {
      throw new FormatError(label, number, `row ID "${fields[0]}" appears twice`);
    }
    rowIds.add(fields[0]);
    rows.push(fields[0]);
    if (size + columns.length > cells.length) {
      const grown = new Float32Array(Math.max(cells.length * 2, size + columns.length));
      grown.set(cells.subarray(0, size));
      cells = grown;
    }
    for (let j = 1; j < fields.length; j++) {
      const text = fields[j].trim();
      if (MISSING.has(text.toLowerCase())) {
        if (options.missing === 'error') {
          throw new FormatError(label, number, `missing value in column "${columns[j - 1]}"`);
        }
        missing++;
        cells[size++] = NaN;
      } else if (NUMBER.test(text)) {
        cells[size++] = Number(text.replace(/^([+-]?)inf(inity)?$/i, '$1Infinity'));
      } else {
        throw new FormatError(
          label,
          number,
          `value ${JSON.stringify(text)} in column "${columns[j - 1]}" is not a number`,
        );
      }
    }
  }
  if (!columns) throw new FormatError(label, 1, 'the file is empty; it needs a header row');
  const orientation =
    options.orientation && options.orientation !== 'auto'
      ? options.orientation
      : orient(rows.length, columns.length, label);
  return toSamplesByGenes(cells.subarray(0, size), rows, columns, orientation, missing);
}

function toSamplesByGenes(
  cells: Float32Array,
  rows: string[],
  columns: string[],
  orientation: ExpressionOrientation,
  missing: number,
): ExpressionMatrix {
  if (orientation === 'samples-by-genes') {
    return { genes: columns, samples: rows, values: cells.slice(), missing, orientation };
  }
  const values = new Float32Array(cells.length);
  const [genes, samples] = [rows.length, columns.length];
  for (let g = 0; g < genes; g++) {
    for (let s = 0; s < samples; s++) values[s * genes + g] = cells[g * samples + s];
  }
  return { genes: rows, samples: columns, values, missing, orientation };
}
