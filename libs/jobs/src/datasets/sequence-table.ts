/**
 * The stored form of a sequence-classification dataset: a TSV with a header line
 * `id	label	sequence`, one record a line. Written once at import; read by training workers.
 */
export interface LabelledSequences {
  ids: string[];
  labels: Uint8Array;
  sequences: string[];
}

const HEADER = 'id\tlabel\tsequence';

/** Serialises records as a sequence table. */
export function formatSequenceTable(records: LabelledSequences): string {
  const lines = [HEADER];
  for (let i = 0; i < records.sequences.length; i++) {
    lines.push(`${records.ids[i]}\t${records.labels[i]}\t${records.sequences[i]}`);
  }
  return lines.join('\n') + '\n';
}

/** Parses a sequence table written by formatSequenceTable; `source` names it in errors. */
export function parseSequenceTable(text: string, source: string): LabelledSequences {
  const lines = text.split('\n');
  if (lines[0] !== HEADER) {
    throw new Error(`${source}:1: expected header "${HEADER.replaceAll('\t', '\\t')}"`);
  }
  const ids: string[] = [];
  const labels: number[] = [];
  const sequences: string[] = [];
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n];
    if (line === '') continue;
    const fields = line.split('\t');
    if (fields.length !== 3) {
      throw new Error(
        `${source}:${n + 1}: expected 3 tab-separated fields, found ${fields.length}`,
      );
    }
    const label = fields[1];
    if (label !== '0' && label !== '1') {
      throw new Error(`${source}:${n + 1}: label "${label}" is not 0 or 1`);
    }
    ids.push(fields[0]);
    labels.push(Number(label));
    sequences.push(fields[2]);
  }
  return { ids, labels: Uint8Array.from(labels), sequences };
}
