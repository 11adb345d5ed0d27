import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createRng } from '@strand/genomics';
import { CliError } from './cli-error.ts';

/** Labelled sequences with labels as class indices into `labelNames`. */
export interface LabelledSet {
  sequences: string[];
  labels: Uint8Array;
  labelNames: string[];
  length: number;
  checksum: string;
}

/**
 * Reads a labelled sequence table (TSV: header with id, label, sequence columns). Labels may be
 * strings; they become class indices in sorted order (`0`/`1`, or `+`/`-` …), or in the order of
 * `labelNames` when given (a test set must use the training set's labels).
 */
export async function loadLabelledSequences(
  path: string,
  labelNames?: string[],
): Promise<LabelledSet> {
  const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new CliError(`${path}: cannot read (${e.code ?? e.message})`);
  });
  const source = basename(path);
  const lines = text.split(/\r?\n/);
  const header = lines[0].split('\t').map((h) => h.trim().toLowerCase());
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0)
      throw new CliError(
        `${source}:1: no "${name}" column in the header (found: ${header.join(', ')})`,
      );
    return i;
  };
  const [labelCol, seqCol] = [col('label'), col('sequence')];
  const rawLabels: string[] = [];
  const sequences: string[] = [];
  for (let n = 1; n < lines.length; n++) {
    if (lines[n].trim() === '') continue;
    const fields = lines[n].split('\t');
    const sequence = fields[seqCol]?.trim();
    const label = fields[labelCol]?.trim();
    if (!sequence || !label) throw new CliError(`${source}:${n + 1}: missing label or sequence`);
    if (sequences.length && sequence.length !== sequences[0].length) {
      throw new CliError(
        `${source}:${n + 1}: sequence length ${sequence.length} differs from the first (${sequences[0].length}); all must be equal`,
      );
    }
    rawLabels.push(label);
    sequences.push(sequence);
  }
  if (sequences.length === 0) throw new CliError(`${source}: no records`);
  const names = labelNames ?? [...new Set(rawLabels)].sort();
  const labels = Uint8Array.from(rawLabels, (l, i) => {
    const k = names.indexOf(l);
    if (k < 0)
      throw new CliError(
        `${source}: record ${i + 1} has label "${l}", not one of the training labels (${names.join(', ')})`,
      );
    return k;
  });
  return {
    sequences,
    labels,
    labelNames: names,
    length: sequences[0].length,
    checksum: createHash('sha256').update(text).digest('hex'),
  };
}

/** A seeded hold-out split, stratified by label: [rest, held out]. */
export function holdOut(
  set: LabelledSet,
  fraction: number,
  seed: number,
): [LabelledSet, LabelledSet] {
  const rng = createRng(seed);
  const test = new Set<number>();
  for (let label = 0; label < set.labelNames.length; label++) {
    const rows = [...set.labels.keys()].filter((i) => set.labels[i] === label);
    rng.shuffle(rows);
    rows.slice(0, Math.round(rows.length * fraction)).forEach((i) => test.add(i));
  }
  const pick = (keep: (i: number) => boolean): LabelledSet => {
    const rows = [...set.labels.keys()].filter(keep);
    return {
      ...set,
      sequences: rows.map((i) => set.sequences[i]),
      labels: Uint8Array.from(rows, (i) => set.labels[i]),
    };
  };
  return [pick((i) => !test.has(i)), pick((i) => test.has(i))];
}
