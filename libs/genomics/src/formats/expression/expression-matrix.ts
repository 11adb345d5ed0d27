// Expression matrices. Map: types and options; `orient` (the auto layout rule); the reader
// (header, rows parsed into a growing Float32Array, missing cells as NaN); `toSamplesByGenes`
// (transposes genes × samples files).
import { FormatError } from '../../errors/format-error.ts';
import { GenomicsError } from '../../errors/genomics-error.ts';
import type { TextSource } from '../../io/open-text.ts';
import { openText, sourceLabel } from '../../io/open-text.ts';
import type { ReadOptions, WarningRule } from '../../warnings/read-warning.ts';
import { ReaderIssues } from '../../warnings/reader-issues.ts';
import { detectDelimiter, splitDelimited } from '../delimited.ts';

/**
 * A header with one name fewer than the rows have fields, as R's write.table writes it (no name
 * for the row-name column): read as if it had one. Strict: today's field-count error.
 */
export const R_HEADER_RULE: WarningRule = { id: 'table-r-header', strict: 'error' };

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
  /** The line that names each sample: the header (genes × samples) or the sample's row. */
  sampleLines: number[];
}

/** Options of {@link readExpressionMatrix} (`label`, `strict`, `warnings` as every reader). */
export interface ExpressionOptions extends ReadOptions {
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
  const issues = new ReaderIssues(label, options);
  let columns: string[] | undefined;
  let headerLine = 1;
  let header: string[] = [];
  let rHeader: boolean | undefined;
  const rowLines: number[] = [];
  let delimiter: '\t' | ',' = '\t';
  const rows: string[] = [];
  const rowIds = new Set<string>();
  let cells = new Float32Array(1 << 16);
  let size = 0;
  let missing = 0;
  for await (const { line, number } of openText(source, { label, issues })) {
    if (line.trim() === '') continue;
    if (!columns) {
      delimiter = detectDelimiter(line);
      headerLine = number;
      header = splitDelimited(line, delimiter);
      columns = header.slice(1);
      const dup = duplicate(columns);
      if (columns.length === 0)
        throw new FormatError(label, number, 'the header has no value columns');
      if (dup !== undefined)
        throw new FormatError(label, number, `column "${dup}" appears twice in the header`);
      continue;
    }
    const fields = splitDelimited(line, delimiter);
    if (rHeader === undefined) {
      // Decided on the first row: R names every value column but not the row names.
      rHeader = fields.length === columns.length + 2;
      if (rHeader) {
        issues.warn(
          headerLine,
          R_HEADER_RULE,
          `the header names ${columns.length + 1} columns, the rows have ${fields.length} fields (R's write.table leaves the row-name column unnamed)`,
          'read its first name as the first value column',
        );
        columns = header;
      }
    }
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
    rowLines.push(number);
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
  const matrix = toSamplesByGenes(cells.subarray(0, size), rows, columns, orientation, missing);
  matrix.sampleLines =
    orientation === 'genes-by-samples' ? matrix.samples.map(() => headerLine) : rowLines;
  return matrix;
}

/** The matrix restricted to the samples at `indices` (in that order). */
export function keepSamples(matrix: ExpressionMatrix, indices: number[]): ExpressionMatrix {
  if (indices.length === matrix.samples.length && indices.every((i, k) => i === k)) return matrix;
  const genes = matrix.genes.length;
  const values = new Float32Array(indices.length * genes);
  let missing = 0;
  indices.forEach((i, k) => {
    const row = matrix.values.subarray(i * genes, (i + 1) * genes);
    values.set(row, k * genes);
    for (const v of row) if (Number.isNaN(v)) missing++;
  });
  return {
    ...matrix,
    samples: indices.map((i) => matrix.samples[i]),
    sampleLines: indices.map((i) => matrix.sampleLines[i]),
    values,
    missing,
  };
}

function toSamplesByGenes(
  cells: Float32Array,
  rows: string[],
  columns: string[],
  orientation: ExpressionOrientation,
  missing: number,
): ExpressionMatrix {
  if (orientation === 'samples-by-genes') {
    return {
      genes: columns,
      samples: rows,
      values: cells.slice(),
      missing,
      orientation,
      sampleLines: [],
    };
  }
  const values = new Float32Array(cells.length);
  const [genes, samples] = [rows.length, columns.length];
  for (let g = 0; g < genes; g++) {
    for (let s = 0; s < samples; s++) values[s * genes + g] = cells[g * samples + s];
  }
  return { genes: rows, samples: columns, values, missing, orientation, sampleLines: [] };
}
