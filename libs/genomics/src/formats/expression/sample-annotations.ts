import { FormatError } from '../../errors/format-error.ts';
import { GenomicsError } from '../../errors/genomics-error.ts';
import type { TextSource } from '../../io/open-text.ts';
import { openText, sourceLabel } from '../../io/open-text.ts';
import { detectDelimiter, splitDelimited } from '../delimited.ts';

/** A sample-annotation table: one row per sample ID. */
export interface SampleAnnotations {
  /** Column names after the ID column. */
  columns: string[];
  rows: Map<string, Record<string, string>>;
}

/**
 * Reads a TSV/CSV of sample annotations: a header, the sample ID in `idColumn` (default the
 * first), one row per sample; IDs must be unique.
 */
export async function readSampleAnnotations(
  source: TextSource,
  options: { label?: string; idColumn?: string } = {},
): Promise<SampleAnnotations> {
  const label = sourceLabel(source, options.label);
  let header: string[] | undefined;
  let delimiter: '\t' | ',' = '\t';
  let idAt = 0;
  const rows = new Map<string, Record<string, string>>();
  for await (const { line, number } of openText(source, { label })) {
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
  }
  if (!header) throw new FormatError(label, 1, 'the file is empty; it needs a header row');
  return { columns: header.filter((_, i) => i !== idAt), rows };
}

/** Annotations lined up with a list of samples. */
export interface JoinedAnnotations {
  /** One row per sample, in the given order. */
  rows: Record<string, string>[];
  /** Annotated IDs that are not among the samples (ignored). */
  unused: string[];
}

/**
 * Lines annotations up with samples by ID. Every sample needs a row: otherwise a
 * GenomicsError SAMPLE_MISMATCH names the samples without one (and the unused IDs, which often
 * reveal a naming difference).
 */
export function joinSampleAnnotations(
  samples: string[],
  annotations: SampleAnnotations,
): JoinedAnnotations {
  const missing = samples.filter((s) => !annotations.rows.has(s));
  const wanted = new Set(samples);
  const unused = [...annotations.rows.keys()].filter((id) => !wanted.has(id));
  if (missing.length > 0) {
    const list = (ids: string[]) =>
      `${ids.slice(0, 10).join(', ')}${ids.length > 10 ? `, … (${ids.length} in all)` : ''}`;
    throw new GenomicsError(
      'SAMPLE_MISMATCH',
      `${missing.length} sample(s) have no annotation: ${list(missing)}${unused.length ? `; annotated but not in the matrix: ${list(unused)}` : ''}`,
    );
  }
  return { rows: samples.map((s) => annotations.rows.get(s) ?? {}), unused };
}
