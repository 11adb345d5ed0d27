import { TrainingInputError } from './training-input.error.ts';

/**
 * A labelled set of one-hot sequences: `x` is [count, length, alphabetSize] row-major (as
 * `oneHotEncodeBatch` of @strand/genomics makes it), `y` holds one 0/1 label per sequence.
 */
export interface TrainingData {
  x: Float32Array;
  y: Float32Array;
  count: number;
  length: number;
  alphabetSize: number;
}

/**
 * Throws `TrainingInputError` unless the sizes agree and every label is 0 or 1. `where` names
 * the data in messages (`data`, `options.validation`).
 */
export function checkTrainingData(data: TrainingData, where: string): void {
  for (const key of ['count', 'length', 'alphabetSize'] as const) {
    if (!Number.isInteger(data[key]) || data[key] < 1) {
      throw new TrainingInputError(`${where}.${key} = ${data[key]} is not a positive integer`);
    }
  }
  const expected = data.count * data.length * data.alphabetSize;
  if (data.x.length !== expected) {
    throw new TrainingInputError(
      `${where}.x has ${data.x.length} values; count × length × alphabetSize = ${expected}`,
    );
  }
  if (data.y.length !== data.count) {
    throw new TrainingInputError(`${where}.y has ${data.y.length} labels; count = ${data.count}`);
  }
  for (let i = 0; i < data.y.length; i++) {
    if (data.y[i] !== 0 && data.y[i] !== 1) {
      throw new TrainingInputError(`${where}.y[${i}] = ${data.y[i]} is not 0 or 1`);
    }
  }
}
