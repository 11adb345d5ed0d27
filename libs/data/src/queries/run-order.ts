import { TrackingError } from '../errors/tracking-error.ts';

/** Run columns a list can be sorted by (every run has a value). */
export const RUN_SORT_COLUMNS = [
  'status',
  'architecture',
  'epochs',
  'batchSize',
  'learningRate',
  'seed',
] as const;
export type RunSortColumn = (typeof RUN_SORT_COLUMNS)[number];

/**
 * How `findRuns` sorts: by creation time, by a final metric (runs without it come last), or by
 * a run column (ties newest first, as for a metric).
 */
export type RunOrder =
  | { by: 'createdAt'; direction: 'ASC' | 'DESC' }
  | { by: 'metric'; metric: string; direction: 'ASC' | 'DESC' }
  | { by: 'column'; column: RunSortColumn; direction: 'ASC' | 'DESC' };

/** Newest first: the order of every other list. */
export const NEWEST_FIRST: RunOrder = { by: 'createdAt', direction: 'DESC' };

// Metric and parameter names become JSON paths: keep them to plain identifiers.
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Checks a metric or config-field name used in a JSON path; BAD_RUN_FILTER otherwise. */
export function checkJsonName(name: string, field: string): string {
  if (!NAME.test(name)) {
    const shown = name.length > 60 ? `${name.slice(0, 60)}…` : name;
    throw new TrackingError(
      'BAD_RUN_FILTER',
      field,
      `"${shown}" is not a metric or parameter name (letters, digits and _, at most 64)`,
    );
  }
  return name;
}

/** A stable text for an order, written into cursors so a cursor only continues its own order. */
export function orderSignature(order: RunOrder): string {
  if (order.by === 'metric') return `metric:${order.metric}:${order.direction}`;
  if (order.by === 'column') return `column:${order.column}:${order.direction}`;
  return `createdAt:${order.direction}`;
}
