import { GenomicsError } from '../../errors/genomics-error.ts';
import type { ProfileDataset } from '../../simulate/profiles.ts';
import type { SequenceTableRecord } from './open-sequence-table.ts';
import type { SequenceTableLayout } from './sequence-table-layout.ts';

/** The columns a sequence table is written with; id and sequence default to `id`, `sequence`. */
export type SequenceTableColumns = Partial<SequenceTableLayout>;

/** A row to write: what openSequenceTable yields, without the line number. */
export type SequenceTableRow = Pick<SequenceTableRecord, 'id' | 'sequence'> &
  Partial<Pick<SequenceTableRecord, 'labels' | 'features' | 'profile' | 'tracks'>>;

function full(columns: SequenceTableColumns): SequenceTableLayout {
  return {
    idColumn: columns.idColumn ?? 'id',
    sequenceColumn: columns.sequenceColumn ?? 'sequence',
    labelColumns: columns.labelColumns ?? [],
    featureColumns: columns.featureColumns ?? [],
    profileColumn: columns.profileColumn ?? null,
  };
}

function text(value: string, what: string): string {
  if (/[\t\r\n]/.test(value)) {
    throw new GenomicsError(
      'INVALID_VALUE',
      `${what} ${JSON.stringify(value)} holds a tab or newline`,
    );
  }
  return value;
}

/** The header line (no newline) of a TSV sequence table: id, labels, sequence, features, profile. */
export function sequenceTableHeader(columns: SequenceTableColumns): string {
  const c = full(columns);
  return [
    c.idColumn,
    ...c.labelColumns,
    c.sequenceColumn,
    ...c.featureColumns,
    ...(c.profileColumn === null ? [] : [c.profileColumn]),
  ]
    .map((name) => text(name, 'column name'))
    .join('\t');
}

/**
 * One row (no newline) under sequenceTableHeader(columns), as openSequenceTable reads it back:
 * features as shortest round-trip decimals, a profile [length, tracks] as `;`-separated tracks of
 * comma-separated counts. Throws GenomicsError INVALID_VALUE when the row does not fit.
 */
export function sequenceTableRow(columns: SequenceTableColumns, row: SequenceTableRow): string {
  const c = full(columns);
  const labels = row.labels ?? [];
  const features = row.features ?? new Float64Array(0);
  const fail = (problem: string): never => {
    throw new GenomicsError('INVALID_VALUE', `sequence ${row.id}: ${problem}`);
  };
  if (labels.length !== c.labelColumns.length) {
    fail(`${labels.length} labels for ${c.labelColumns.length} label columns`);
  }
  if (features.length !== c.featureColumns.length) {
    fail(`${features.length} features for ${c.featureColumns.length} feature columns`);
  }
  const fields = [
    text(row.id, 'id'),
    ...labels.map((l) => text(String(l), 'label')),
    text(row.sequence, 'sequence'),
    ...Array.from(features, (v) => (Number.isFinite(v) ? String(v) : fail(`feature ${v}`))),
  ];
  if (c.profileColumn !== null) {
    const tracks = row.tracks ?? 1;
    if (!row.profile || row.profile.length !== row.sequence.length * tracks) {
      fail(`the profile needs ${row.sequence.length} positions × ${tracks} tracks`);
    }
    fields.push(formatProfile(row.profile as Float32Array, row.sequence.length, tracks));
  }
  return fields.join('\t');
}

/** Counts [length, tracks] row-major as `;`-separated tracks of comma-separated values. */
function formatProfile(counts: ArrayLike<number>, length: number, tracks: number): string {
  const parts: string[] = [];
  const values = new Array<string>(length);
  for (let t = 0; t < tracks; t++) {
    for (let p = 0; p < length; p++) values[p] = String(counts[p * tracks + t]);
    parts.push(values.join(','));
  }
  return parts.join(';');
}

/**
 * A simulated profile dataset (simulateProfiles) as a TSV sequence table with columns id,
 * sequence and `counts` (per-position counts; tracks separated by `;`), the table BPNet trains
 * on from a file. Ids default to `profile_1`, `profile_2`, ….
 *
 * @example
 * await writeFile('profiles.tsv', formatProfileTable(simulateProfiles({ count: 500, length: 100,
 *   motif, seed: 1 })));
 */
export function formatProfileTable(
  dataset: Pick<ProfileDataset, 'sequences' | 'counts' | 'tracks'>,
  options: { ids?: readonly string[]; column?: string } = {},
): string {
  const { sequences, counts, tracks } = dataset;
  const ids = options.ids ?? sequences.map((_, i) => `profile_${i + 1}`);
  if (ids.length !== sequences.length) {
    throw new GenomicsError('INVALID_VALUE', `${ids.length} ids for ${sequences.length} sequences`);
  }
  const columns: SequenceTableColumns = { profileColumn: options.column ?? 'counts' };
  const lines = [sequenceTableHeader(columns)];
  let at = 0;
  sequences.forEach((sequence, i) => {
    const size = sequence.length * tracks;
    if (at + size > counts.length) {
      throw new GenomicsError(
        'INVALID_VALUE',
        `counts hold ${counts.length} values; the sequences need more (${tracks} tracks per position)`,
      );
    }
    const profile = counts.subarray(at, at + size);
    at += size;
    lines.push(sequenceTableRow(columns, { id: ids[i], sequence, profile, tracks }));
  });
  if (at !== counts.length) {
    throw new GenomicsError(
      'INVALID_VALUE',
      `counts hold ${counts.length} values; the sequences need ${at} (${tracks} tracks per position)`,
    );
  }
  return `${lines.join('\n')}\n`;
}
