/**
 * How a sequence dataset lies in the store (an Arrow table, @strand/genomics TableWriter), one
 * row per record:
 *   id        utf8     the record's id
 *   sequence  utf8     its bases as IUPAC letters (case kept; N and ambiguity codes kept)
 *   label     uint8    a code of its class (one label column; see `labelCodes`), the first task
 *                      (several 0/1 label columns), or 0 (a count profile without labels)
 *   task_1…   uint8    several label columns: each 0/1, in the imported order (summary.columns)
 *   feature_1… float64 numeric feature columns (a model's second input)
 *   counts    float32[] a per-position count profile [length × tracks] row-major
 *   chrom, start, end  where the window lies on the reference (intervals imports)
 * The table's metadata `strand.dataset` holds this layout as JSON (SequenceTableMeta), so the
 * file describes itself; the dataset row's summary holds the same and the statistics.
 *
 * Labels are coded in order of first appearance (the file streams: the set of labels is known
 * only at its end); `labelCodes[code]` names each code, and summary.labelNames is the sorted
 * class order models use (the second of two the positive class). Readers map codes to classes.
 */
import type { ColumnSpec } from '@strand/genomics';
import type { StoredColumns } from '../learning/stored-data.ts';
import { STORED_COLUMNS } from '../learning/stored-data.ts';

/** The file of a sequence dataset in its artifact directory. */
export const SEQUENCE_TABLE_FILE = 'table.arrow';

/** The table metadata key of the layout. */
export const DATASET_METADATA_KEY = 'strand.dataset';

/** What a stored sequence table holds (its metadata; also in the dataset summary). */
export interface SequenceTableMeta {
  formatVersion: 1;
  columns: StoredColumns;
  /** The class of each `label` code, in code order (one label column); ['0', '1'] otherwise. */
  labelCodes: string[];
  /** Whether the rows carry chrom, start and end. */
  coordinates: boolean;
}

/** The columns of a stored sequence table with `columns` (see the file comment). */
export function sequenceTableColumns(columns: StoredColumns, coordinates: boolean): ColumnSpec[] {
  const tasks = columns.labels.length > 1 ? columns.labels.length : 0;
  return [
    { name: 'id', type: 'utf8' },
    { name: 'sequence', type: 'utf8' },
    { name: 'label', type: 'uint8' },
    ...Array.from({ length: tasks }, (_, i) => ({
      name: STORED_COLUMNS.task(i),
      type: 'uint8' as const,
    })),
    ...columns.features.map((_, i) => ({
      name: STORED_COLUMNS.feature(i),
      type: 'float64' as const,
    })),
    ...(columns.profile
      ? [{ name: STORED_COLUMNS.profile, type: 'float32' as const, list: true }]
      : []),
    ...(coordinates
      ? [
          { name: 'chrom', type: 'utf8' as const },
          { name: 'start', type: 'int32' as const },
          { name: 'end', type: 'int32' as const },
        ]
      : []),
  ];
}

/** Whether a dataset's content is a store table (rather than a file of an earlier version). */
export function isStoreTable(artifactPath: string): boolean {
  return artifactPath.endsWith('.arrow');
}
