import { FormatError } from '../../errors/format-error.ts';
import type { TextSource } from '../../io/open-text.ts';
import { openText, sourceLabel } from '../../io/open-text.ts';
import { detectDelimiter, splitDelimited } from '../delimited.ts';
import type { LabelledSequence } from './labelled-sequence.ts';
import { parseLabel, sequenceProblem } from './labelled-sequence.ts';

/** Options of {@link readSequenceTable}: column names (defaults id, label, sequence). */
export interface SequenceTableOptions {
  label?: string;
  idColumn?: string;
  labelColumn?: string;
  sequenceColumn?: string;
}

/**
 * Streams a labelled sequence table (TSV or CSV, header required) with ID, label and sequence
 * columns found by name; labels may be strings or numbers; IDs must be unique.
 */
export async function* readSequenceTable(
  source: TextSource,
  options: SequenceTableOptions = {},
): AsyncGenerator<LabelledSequence> {
  const label = sourceLabel(source, options.label);
  const wanted = [
    options.idColumn ?? 'id',
    options.labelColumn ?? 'label',
    options.sequenceColumn ?? 'sequence',
  ];
  let at: number[] | undefined;
  let width = 0;
  let delimiter: '\t' | ',' = '\t';
  const ids = new Set<string>();
  for await (const { line, number } of openText(source, { label })) {
    if (line.trim() === '') continue;
    if (!at) {
      delimiter = detectDelimiter(line);
      const header = splitDelimited(line, delimiter).map((h) => h.trim());
      const missing = wanted.filter((name) => !header.includes(name));
      if (missing.length) {
        throw new FormatError(
          label,
          number,
          `the header needs columns ${wanted.join(', ')}; missing ${missing.join(', ')} (found ${header.join(', ')})`,
        );
      }
      at = wanted.map((name) => header.indexOf(name));
      width = header.length;
      continue;
    }
    const fields = splitDelimited(line, delimiter);
    if (fields.length !== width)
      throw new FormatError(label, number, `${fields.length} fields, the header has ${width}`);
    const [id, value, sequence] = at.map((i) => fields[i].trim());
    if (id === '') throw new FormatError(label, number, 'empty ID');
    if (ids.has(id)) throw new FormatError(label, number, `ID "${id}" appears twice`);
    ids.add(id);
    if (value === '') throw new FormatError(label, number, `sequence ${id} has an empty label`);
    const problem = sequenceProblem(id, sequence);
    if (problem) throw new FormatError(label, number, problem);
    yield { id, label: parseLabel(value), sequence, line: number };
  }
  if (!at) throw new FormatError(label, 1, 'the file is empty; it needs a header row');
}
