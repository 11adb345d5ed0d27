import type { LabelledData } from './labelled-data.ts';

/** Rows `rows` of a row-major [count, size] array, in that order. */
function pick(values: Float32Array, size: number, rows: ArrayLike<number>): Float32Array {
  const out = new Float32Array(rows.length * size);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    out.set(values.subarray(r * size, (r + 1) * size), i * size);
  }
  return out;
}

/** The records at `rows`, in that order (inputs, labels and every optional target and input). */
export function subset(data: LabelledData, rows: ArrayLike<number>): LabelledData {
  const labels = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) labels[i] = data.labels[rows[i]];
  const out: LabelledData = {
    ...data,
    x: pick(data.x, data.length * data.alphabetSize, rows),
    count: rows.length,
    labels,
  };
  if (data.taskLabels && data.tasks) {
    out.taskLabels = pick(data.taskLabels, data.tasks.length, rows);
  }
  if (data.extraInput && data.extraFeatures) {
    out.extraInput = pick(data.extraInput, data.extraFeatures.length, rows);
  }
  if (data.profileCounts && data.profile) {
    out.profileCounts = pick(data.profileCounts, data.length * data.profile.tracks, rows);
  }
  return out;
}

/** 0, 1, …, count − 1. */
export function allRows(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}
