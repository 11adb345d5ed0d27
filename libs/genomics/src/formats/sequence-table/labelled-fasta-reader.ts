import { FormatError } from '../../errors/format-error.ts';
import type { TextSource } from '../../io/open-text.ts';
import { sourceLabel } from '../../io/open-text.ts';
import type { ReadOptions } from '../../warnings/read-warning.ts';
import { readFasta } from '../fasta/fasta-reader.ts';
import type { LabelledSequence } from './labelled-sequence.ts';
import { parseLabel, sequenceProblem } from './labelled-sequence.ts';
import { UniqueIds } from './unique-ids.ts';

/**
 * Streams a labelled FASTA: each header carries `key=value` (default `label=...`) after the ID,
 * e.g. `>seq7 label=1`. A record without the key is a FormatError at its header.
 */
export async function* readLabelledFasta(
  source: TextSource,
  options: ReadOptions & { labelKey?: string } = {},
): AsyncGenerator<LabelledSequence> {
  const label = sourceLabel(source, options.label);
  const key = options.labelKey ?? 'label';
  const ids = new UniqueIds(label, 'record');
  try {
    for await (const record of readFasta(source, { ...options, label })) {
      const pair = record.description.split(/\s+/).find((word) => word.startsWith(`${key}=`));
      const value = pair?.slice(key.length + 1) ?? '';
      if (value === '')
        throw new FormatError(
          label,
          record.line,
          `sequence ${record.id} has no ${key}=... in its header`,
        );
      ids.add(record.id, record.line);
      const problem = sequenceProblem(record.id, record.sequence);
      if (problem) throw new FormatError(label, record.line, problem);
      yield {
        id: record.id,
        label: parseLabel(value),
        sequence: record.sequence,
        line: record.line,
      };
    }
    ids.finish();
  } finally {
    ids.dispose();
  }
}
