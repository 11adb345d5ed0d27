/**
 * LabelledData from a sequence table (@strand/genomics openSequenceTable): one-hot sequences of
 * one length, and what the table's layout holds besides — one label column (classes), several
 * (a multitask head, 0/1 each), numeric feature columns (the model's second input) and a
 * per-position count profile (BPNet's target).
 */
import type { SequenceTable, SequenceTableLayout } from '@strand/genomics';
import { classIndices, encodeSequences } from './data-encoding.ts';
import type { LabelledData } from './labelled-data.ts';
import { LearningError } from './learning.error.ts';

/** A table's rows, read into memory column by column. */
export interface CollectedTable {
  layout: SequenceTableLayout;
  sequences: string[];
  /** Raw values of each label column, in layout order. */
  labels: (string | number)[][];
  /** Line of each record, for errors. */
  lines: number[];
  /** [count, featureColumns.length] row-major (absent without feature columns). */
  extraInput?: Float32Array;
  /** [count, length, tracks] row-major (absent without a profile column). */
  profileCounts?: Float32Array;
  tracks: number;
}

/** Reads every row of `table`; all sequences must have one length. */
export async function collectTable(table: SequenceTable, source: string): Promise<CollectedTable> {
  const { layout } = table;
  const sequences: string[] = [];
  const lines: number[] = [];
  const labels: (string | number)[][] = layout.labelColumns.map(() => []);
  const features: Float64Array[] = [];
  const profiles: Float32Array[] = [];
  let tracks = 0;
  for await (const record of table.records) {
    if (sequences.length && record.sequence.length !== sequences[0].length) {
      throw new LearningError(
        'INVALID_DATA',
        `${source}:${record.line}: sequence length ${record.sequence.length} differs from the first (${sequences[0].length}); all must be equal`,
      );
    }
    sequences.push(record.sequence);
    lines.push(record.line);
    record.labels.forEach((value, k) => labels[k].push(value));
    if (layout.featureColumns.length) features.push(record.features);
    if (record.profile) {
      profiles.push(record.profile);
      tracks = record.tracks;
    }
  }
  if (sequences.length === 0) throw new LearningError('INVALID_DATA', `${source}: no records`);
  return {
    layout,
    sequences,
    labels,
    lines,
    ...(features.length ? { extraInput: concat(features) } : {}),
    ...(profiles.length ? { profileCounts: concat(profiles) } : {}),
    tracks,
  };
}

function concat(rows: ArrayLike<number>[]): Float32Array {
  const size = rows[0]?.length ?? 0;
  const out = new Float32Array(rows.length * size);
  rows.forEach((row, i) => out.set(row, i * size));
  return out;
}

/**
 * Multitask targets from raw label columns: each value 0 or 1, else an INVALID_DATA error at
 * `source:line` naming the column.
 */
export function multitaskLabels(
  columns: readonly (string | number)[][],
  names: readonly string[],
  lines: readonly number[],
  source: string,
): Float32Array {
  const count = lines.length;
  const k = columns.length;
  const values = new Float32Array(count * k);
  for (let i = 0; i < count; i++) {
    for (let c = 0; c < k; c++) {
      const v = columns[c][i];
      if (v !== 0 && v !== 1) {
        throw new LearningError(
          'INVALID_DATA',
          `${source}:${lines[i]}: ${names[c]} is ${JSON.stringify(v)}; with several label columns each holds 0 or 1 (one sigmoid output per column)`,
        );
      }
      values[i * k + c] = v;
    }
  }
  return values;
}

/** The first task's 0/1 as class indices: what stratified splits of multitask data use. */
export function firstTask(taskLabels: Float32Array, tasks: number): Uint8Array {
  const labels = new Uint8Array(taskLabels.length / tasks);
  for (let i = 0; i < labels.length; i++) labels[i] = taskLabels[i * tasks];
  return labels;
}

/** The inputs of a collected table: one-hot sequences, and its feature columns and profile. */
export function tableInputs(
  t: CollectedTable,
): Omit<LabelledData, 'labels' | 'labelNames' | 'checksum'> {
  const { featureColumns, profileColumn } = t.layout;
  return {
    ...encodeSequences(t.sequences),
    ...(t.extraInput ? { extraFeatures: [...featureColumns], extraInput: t.extraInput } : {}),
    ...(t.profileCounts && profileColumn !== null
      ? { profile: { column: profileColumn, tracks: t.tracks }, profileCounts: t.profileCounts }
      : {}),
  };
}

/**
 * LabelledData (without checksum) from a table read with its own label values: one label
 * column gives classes (in `labelNames` order when given, e.g. a training set's), several give
 * multitask targets, none (a profile table) labels every record 0 of no classes.
 */
export function tableData(
  t: CollectedTable,
  source: string,
  labelNames?: string[],
): Omit<LabelledData, 'checksum'> {
  const names = t.layout.labelColumns;
  const inputs = tableInputs(t);
  if (names.length === 0) {
    if (!inputs.profile) {
      throw new LearningError('INVALID_DATA', `${source}: no label column and no count profile`);
    }
    return { ...inputs, labels: new Uint8Array(t.sequences.length), labelNames: [] };
  }
  if (names.length === 1) return { ...inputs, ...classIndices(t.labels[0], source, labelNames) };
  const taskLabels = multitaskLabels(t.labels, names, t.lines, source);
  return {
    ...inputs,
    labels: firstTask(taskLabels, names.length),
    labelNames: ['0', '1'],
    tasks: [...names],
    taskLabels,
  };
}
