import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Run } from '../entities/run.entity.ts';
import type { RunStatus } from '../entities/run-status.ts';
import { RunTag } from '../entities/run-tag.entity.ts';
import { DataError } from '../errors/data-error.ts';
import { TrackingError } from '../errors/tracking-error.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './paginate.ts';
import type { Page } from './paginate.ts';
import { decodeRunCursor, encodeRunCursor } from './run-cursor.ts';
import type { RunCursor } from './run-cursor.ts';
import { checkJsonName, NEWEST_FIRST, orderSignature, RUN_SORT_COLUMNS } from './run-order.ts';
import type { RunOrder } from './run-order.ts';
import { normaliseTag } from './run-tags.ts';

// Parts: the filter (status, architecture, dataset, tag, one parameter) → a FilterQuery; the
// order → MikroORM orderBy (JSON metric paths are dialect-neutral in MikroORM 6); keyset
// conditions "after this cursor" over the whole sort tuple, so deep pages cost the same and
// rows added meanwhile do not shift later pages.

/** One hyperparameter to match: a run column (epochs, batchSize, learningRate, seed) or a config field. */
export interface RunParamFilter {
  name: string;
  /** Compared as a number or boolean when it reads as one (`"0.001"`, `"true"`), else as text. */
  value: string;
}

export interface RunFilter {
  statuses?: readonly RunStatus[] | null;
  architecture?: string | null;
  datasetId?: string | null;
  tag?: string | null;
  param?: RunParamFilter | null;
}

export interface FindRunsOptions {
  /** Only runs of these projects (the caller's). */
  projectIds: readonly string[];
  filter?: RunFilter | null;
  orderBy?: RunOrder | null;
  first?: number | null;
  after?: string | null;
}

const NUMERIC_COLUMNS = new Set(['epochs', 'batchSize', 'learningRate', 'seed']);

/** One page of runs matching a filter, in an order; cursors carry the sort key. */
export async function findRuns(em: EntityManager, options: FindRunsOptions): Promise<Page<Run>> {
  const size = pageSize(options.first);
  const order = options.orderBy ?? NEWEST_FIRST;
  if (order.by === 'metric') checkJsonName(order.metric, 'orderBy.metric');
  if (order.by === 'column' && !RUN_SORT_COLUMNS.includes(order.column)) {
    throw new TrackingError(
      'BAD_RUN_FILTER',
      'orderBy.field',
      `runs cannot be sorted by "${String(order.column).slice(0, 60)}"`,
    );
  }
  const signature = orderSignature(order);
  const where = await whereOf(em, options.projectIds, options.filter ?? {});
  const position = options.after == null ? null : decodeRunCursor(options.after, signature);
  const and = (extra: object) => ({ $and: [where, extra] }) as FilterQuery<Run>;

  const rows = await em.find(Run, position ? and(after(order, position)) : where, {
    orderBy: orderByOf(order) as never,
    limit: size + 1,
  });
  const totalCount = await em.count(Run, where);
  const hasPreviousPage = position
    ? (await em.count(Run, and({ $not: after(order, position) }))) > 0
    : false;
  const items = rows.slice(0, size);
  const cursors = items.map((run) => encodeRunCursor(cursorOf(order, signature, run)));
  return {
    items,
    cursors,
    hasNextPage: rows.length > size,
    hasPreviousPage,
    endCursor: cursors.at(-1) ?? null,
    totalCount,
  };
}

async function whereOf(
  em: EntityManager,
  projectIds: readonly string[],
  filter: RunFilter,
): Promise<FilterQuery<Run>> {
  const parts: object[] = [{ project: { $in: [...projectIds] } }];
  if (filter.statuses?.length) parts.push({ status: { $in: [...filter.statuses] } });
  if (filter.architecture != null) parts.push({ architecture: filter.architecture });
  if (filter.datasetId != null) parts.push({ dataset: filter.datasetId });
  if (filter.tag != null) {
    const tagged = await em.find(
      RunTag,
      { tag: normaliseTag(filter.tag), run: { project: { $in: [...projectIds] } } },
      { fields: ['run'] },
    );
    parts.push({ id: { $in: tagged.map((t) => t.run.id) } });
  }
  if (filter.param != null) parts.push(paramCondition(filter.param));
  return { $and: parts } as FilterQuery<Run>;
}

function paramCondition({ name, value }: RunParamFilter): object {
  const parsed = parseValue(value);
  if (NUMERIC_COLUMNS.has(name)) {
    if (typeof parsed !== 'number') {
      throw new TrackingError(
        'BAD_RUN_FILTER',
        'filter.param.value',
        `parameter ${name} is a number; "${value.slice(0, 60)}" is not`,
      );
    }
    return { [name]: parsed };
  }
  if (name === 'architecture') return { architecture: value };
  return { config: { [checkJsonName(name, 'filter.param.name')]: parsed } };
}

function parseValue(value: string): string | number | boolean {
  const text = value.trim();
  if (text === 'true' || text === 'false') return text === 'true';
  const n = Number(text);
  return text !== '' && Number.isFinite(n) ? n : value;
}

function orderByOf(order: RunOrder): object[] {
  if (order.by === 'createdAt') {
    const dir = order.direction.toLowerCase();
    return [{ createdAt: dir }, { id: dir }];
  }
  if (order.by === 'column') {
    const dir = order.direction.toLowerCase();
    return [{ [order.column]: dir }, { createdAt: 'desc' }, { id: 'desc' }];
  }
  const metric = `${order.direction.toLowerCase()} nulls last`;
  return [{ finalMetrics: { [order.metric]: metric } }, { createdAt: 'desc' }, { id: 'desc' }];
}

function metricOf(order: RunOrder, run: Run): number | string | null {
  if (order.by === 'column') return run[order.column];
  if (order.by !== 'metric') return null;
  const value = run.finalMetrics?.[order.metric];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function cursorOf(order: RunOrder, signature: string, run: Run): RunCursor {
  return { order: signature, value: metricOf(order, run), createdAt: run.createdAt, id: run.id };
}

/** Rows strictly after the cursor in the order: lexicographic over the sort tuple. */
function after(order: RunOrder, at: RunCursor): object {
  const keys: { eq: object; gt: object | null }[] = [];
  if (order.by === 'metric') {
    const path = (cond: unknown) => ({ finalMetrics: { [order.metric]: cond } });
    const isNull = path(null);
    const beyond = order.direction === 'DESC' ? { $lt: at.value } : { $gt: at.value };
    // Nulls last: after a value come smaller (DESC) values and every null; after a null, only
    // later nulls (decided by the tie-breakers).
    keys.push(
      at.value === null
        ? { eq: isNull, gt: null }
        : { eq: path(at.value), gt: { $or: [path(beyond), isNull] } },
    );
  }
  if (order.by === 'column') {
    const column = order.column;
    const beyond = order.direction === 'DESC' ? { $lt: at.value } : { $gt: at.value };
    keys.push({ eq: { [column]: at.value }, gt: { [column]: beyond } });
  }
  // Ties of a metric or column go newest first, whichever way the list runs.
  const desc = order.by !== 'createdAt' || order.direction === 'DESC';
  const op = desc ? '$lt' : '$gt';
  keys.push({ eq: { createdAt: at.createdAt }, gt: { createdAt: { [op]: at.createdAt } } });
  keys.push({ eq: { id: at.id }, gt: { id: { [op]: at.id } } });

  const branches: object[] = [];
  keys.forEach((key, i) => {
    if (key.gt) branches.push({ $and: [...keys.slice(0, i).map((k) => k.eq), key.gt] });
  });
  return { $or: branches };
}

function pageSize(first: number | null | undefined): number {
  if (first == null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1) {
    throw new DataError('BAD_PAGE_SIZE', `page size first=${first} is not a whole number ≥ 1`);
  }
  return Math.min(first, MAX_PAGE_SIZE);
}
