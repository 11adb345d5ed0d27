import type { LabelledData } from './labelled-data.ts';

/** The records at `rows`, in that order. */
export function subset(data: LabelledData, rows: ArrayLike<number>): LabelledData {
  const size = data.length * data.alphabetSize;
  const x = new Float32Array(rows.length * size);
  const labels = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    x.set(data.x.subarray(r * size, (r + 1) * size), i * size);
    labels[i] = data.labels[r];
  }
  return { ...data, x, count: rows.length, labels };
}

/** 0, 1, …, count − 1. */
export function allRows(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}
