import { FormatError } from '../../errors/format-error.ts';
import { GenomicsError } from '../../errors/genomics-error.ts';
import type { TextSource } from '../../io/open-text.ts';
import { openText, sourceLabel } from '../../io/open-text.ts';
import type { ReadOptions, WarningRule } from '../../warnings/read-warning.ts';
import { ReaderIssues } from '../../warnings/reader-issues.ts';
import { detectDelimiter, splitDelimited } from '../delimited.ts';

/** What joining a sample table to a matrix tolerates. */
export const SAMPLE_RULES = {
  /** A matrix sample without a row in the sample table: left out (strict: today's error). */
  notAnnotated: { id: 'sample-not-annotated', strict: 'error' } as WarningRule,
  /** A sample-table row for a sample the matrix lacks: ignored (never an error). */
  notInMatrix: { id: 'sample-not-in-matrix', strict: 'warning' } as WarningRule,
};

/** A sample-annotation table: one row per sample ID. */
export interface SampleAnnotations {
  /** Column names after the ID column. */
  columns: string[];
  rows: Map<string, Record<string, string>>;
  /** The label of the table (its file name), as warnings name it. */
  label: string;
  /** The line of each sample's row. */
  lines: Map<string, number>;
}

/**
 * Reads a TSV/CSV of sample annotations: a header, the sample ID in `idColumn` (default the
 * first), one row per sample; IDs must be unique.
 */
export async function readSampleAnnotations(
  source: TextSource,
  options: ReadOptions & { idColumn?: string } = {},
): Promise<SampleAnnotations> {
  const label = sourceLabel(source, options.label);
  const issues = new ReaderIssues(label, options);
  let header: string[] | undefined;
  let delimiter: '\t' | ',' = '\t';
  let idAt = 0;
  const rows = new Map<string, Record<string, string>>();
  const lines = new Map<string, number>();
  for await (const { line, number } of openText(source, { label, issues })) {
    if (line.trim() === '') continue;
    if (!header) {
      delimiter = detectDelimiter(line);
      header = splitDelimited(line, delimiter);
      idAt = options.idColumn === undefined ? 0 : header.indexOf(options.idColumn);
      if (idAt === -1) {
        throw new FormatError(
          label,
          number,
          `no column "${options.idColumn}" in the header (${header.join(', ')})`,
        );
      }
      continue;
    }
    const fields = splitDelimited(line, delimiter);
    if (fields.length !== header.length) {
      throw new FormatError(
        label,
        number,
        `${fields.length} fields, the header has ${header.length}`,
      );
    }
    const id = fields[idAt];
    if (id === '') throw new FormatError(label, number, 'empty sample ID');
    if (rows.has(id)) throw new FormatError(label, number, `sample "${id}" appears twice`);
    const row: Record<string, string> = {};
    header.forEach((name, i) => {
      if (i !== idAt) row[name] = fields[i];
    });
    rows.set(id, row);
    lines.set(id, number);
  }
  if (!header) throw new FormatError(label, 1, 'the file is empty; it needs a header row');
  return { columns: header.filter((_, i) => i !== idAt), rows, label, lines };
}

/** Annotations lined up with a list of samples. */
export interface JoinedAnnotations {
  /** The samples both have, in the matrix's order. */
  samples: string[];
  /** Index in the given samples of each kept one. */
  indices: number[];
  /** One row per kept sample, in that order. */
  rows: Record<string, string>[];
  /** Samples without an annotation (left out). */
  dropped: string[];
  /** Annotated IDs that are not among the samples (ignored). */
  unused: string[];
}

/** Where the samples come from, for the warnings of {@link joinSampleAnnotations}. */
export interface SampleSource {
  /** The matrix's label (its file name). */
  label: string;
  /** The line that names each sample (the header, or its row), by index. */
  line: (index: number) => number;
}

/**
 * Lines annotations up with samples by ID and keeps the samples both have (the intersection, in
 * the samples' order). A sample without an annotation is left out with a warning
 * (`sample-not-annotated`; an error with `strict`), an annotated ID without a sample is ignored
 * with one (`sample-not-in-matrix`); the warnings say how many were dropped. When no sample is
 * left, a GenomicsError SAMPLE_MISMATCH names both sides (the unused IDs often reveal a naming
 * difference).
 */
export function joinSampleAnnotations(
  samples: string[],
  annotations: SampleAnnotations,
  source: SampleSource = { label: '<matrix>', line: () => 1 },
  options: Pick<ReadOptions, 'strict' | 'warnings'> = {},
): JoinedAnnotations {
  const indices: number[] = [];
  const dropped: string[] = [];
  samples.forEach((s, i) => (annotations.rows.has(s) ? indices.push(i) : dropped.push(s)));
  const wanted = new Set(samples);
  const unused = [...annotations.rows.keys()].filter((id) => !wanted.has(id));
  const list = (ids: string[]) =>
    `${ids.slice(0, 10).join(', ')}${ids.length > 10 ? `, … (${ids.length} in all)` : ''}`;
  if (indices.length === 0) {
    throw new GenomicsError(
      'SAMPLE_MISMATCH',
      `no sample of ${source.label} has a row in ${annotations.label}: in the matrix ${list(samples)}; in the table ${list(unused)}`,
    );
  }
  const kept = `${indices.length} of ${samples.length} kept`;
  const matrix = new ReaderIssues(source.label, options);
  samples.forEach((s, i) => {
    if (annotations.rows.has(s)) return;
    matrix.warn(
      source.line(i),
      SAMPLE_RULES.notAnnotated,
      `sample ${s} has no row in ${annotations.label}`,
      `left it out (${dropped.length} dropped, ${kept})`,
    );
  });
  const table = new ReaderIssues(annotations.label, options);
  for (const id of unused) {
    table.warn(
      annotations.lines.get(id) ?? 1,
      SAMPLE_RULES.notInMatrix,
      `sample ${id} is not in ${source.label}`,
      `ignored its row (${unused.length} ignored)`,
    );
  }
  return {
    samples: indices.map((i) => samples[i]),
    indices,
    rows: indices.map((i) => annotations.rows.get(samples[i]) ?? {}),
    dropped,
    unused,
  };
}
