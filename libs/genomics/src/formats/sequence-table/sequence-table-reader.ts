import type { TextSource } from '../../io/open-text.ts';
import type { LabelledSequence } from './labelled-sequence.ts';
import { openSequenceTable } from './open-sequence-table.ts';

/** Options of {@link readSequenceTable}: column names (defaults id, label, sequence). */
export interface SequenceTableOptions {
  label?: string;
  idColumn?: string;
  labelColumn?: string;
  sequenceColumn?: string;
}

/**
 * Streams a labelled sequence table (TSV or CSV, header required) with ID, label and sequence
 * columns found by name; labels may be strings or numbers; IDs must be unique. Other columns are
 * ignored (openSequenceTable reads several labels, features and profiles).
 */
export async function* readSequenceTable(
  source: TextSource,
  options: SequenceTableOptions = {},
): AsyncGenerator<LabelledSequence> {
  const table = await openSequenceTable(source, {
    ...(options.label === undefined ? {} : { label: options.label }),
    ...(options.idColumn === undefined ? {} : { idColumn: options.idColumn }),
    ...(options.sequenceColumn === undefined ? {} : { sequenceColumn: options.sequenceColumn }),
    labelColumns: [options.labelColumn ?? 'label'],
    profileColumn: null,
  });
  for await (const r of table.records) {
    yield { id: r.id, label: r.labels[0], sequence: r.sequence, line: r.line };
  }
}
