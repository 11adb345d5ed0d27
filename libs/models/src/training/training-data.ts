import type { ArchitectureTask } from '../architectures/architecture-definition.ts';
import { TrainingInputError } from './training-input.error.ts';

/**
 * A labelled set: `x` is [count, length, alphabetSize] row-major (one-hot sequences as
 * `oneHotEncodeBatch` of @strand/genomics makes them, or [count, features, 1] feature vectors),
 * `y` is [count, labelWidth] row-major. What `y` holds depends on the task:
 * - `binary`: one 0/1 label per row; `multitask`: `labelWidth` 0/1 labels per row;
 * - `multiclass`: one class index 0..k−1 per row; `regression`: `labelWidth` finite targets;
 * - `reconstruction`: ignored (the target is `x`), may be empty;
 * - `profile`: per-position counts ≥ 0, [positions, tracks] row-major per row (labelWidth =
 *   positions × tracks), e.g. `simulateProfiles(…).counts` of @strand/genomics.
 */
export interface TrainingData {
  x: Float32Array;
  y: Float32Array;
  count: number;
  length: number;
  alphabetSize: number;
  /** Label columns per row; default 1. */
  labelWidth?: number;
  /** Further model inputs after `x` (multimodal models), each [count, …that input's shape]. */
  extraInputs?: Float32Array[];
}

/**
 * Throws `TrainingInputError` unless the sizes agree and every label suits `task` (default
 * `binary`). `where` names the data in messages (`data`, `options.validation`).
 */
export function checkTrainingData(
  data: TrainingData,
  where: string,
  task: ArchitectureTask = 'binary',
): void {
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
  if (task === 'reconstruction') return;
  const width = data.labelWidth ?? 1;
  if (!Number.isInteger(width) || width < 1) {
    throw new TrainingInputError(`${where}.labelWidth = ${width} is not a positive integer`);
  }
  if (data.y.length !== data.count * width) {
    const wanted =
      width === 1 ? `count = ${data.count}` : `count × labelWidth = ${data.count * width}`;
    throw new TrainingInputError(`${where}.y has ${data.y.length} labels; ${wanted}`);
  }
  for (let i = 0; i < data.y.length; i++) {
    const label = data.y[i] as number;
    const problem = labelProblem(label, task);
    if (problem !== undefined)
      throw new TrainingInputError(`${where}.y[${i}] = ${label} ${problem}`);
  }
}

function labelProblem(label: number, task: ArchitectureTask): string | undefined {
  if (task === 'regression') return Number.isFinite(label) ? undefined : 'is not a finite number';
  if (task === 'profile')
    return label >= 0 && Number.isFinite(label) ? undefined : 'is not a count ≥ 0';
  if (task === 'multiclass') {
    return Number.isInteger(label) && label >= 0 ? undefined : 'is not a class index (0, 1, 2, …)';
  }
  return label === 0 || label === 1 ? undefined : 'is not 0 or 1';
}
