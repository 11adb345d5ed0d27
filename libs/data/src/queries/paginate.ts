import { QueryOrder } from '@mikro-orm/core';
import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/core';
import { DataError } from '../errors/data-error.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { CursorPosition } from './cursor.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageOptions<T> {
  /** Page size; default 20, values above 100 give 100. */
  first?: number | null;
  /** The `endCursor` (or any item cursor) of the previous page. */
  after?: string | null;
  where?: FilterQuery<T>;
}

export interface Page<T> {
  items: T[];
  /** The cursor of each item, in the same order. */
  cursors: string[];
  hasNextPage: boolean;
  /** Whether items come before `after` (false on the first page). */
  hasPreviousPage: boolean;
  endCursor: string | null;
  /** Items matching `where`, on all pages. */
  totalCount: number;
}

interface Pageable {
  id: string;
  createdAt: Date;
}

/**
 * One page of a Relay-style cursor connection, newest first by (createdAt desc, id desc). Keyset
 * pagination: a page costs the same however deep it is, and rows inserted meanwhile neither
 * repeat nor shift the following pages.
 */
export async function paginate<T extends Pageable>(
  em: EntityManager,
  entity: EntityName<T>,
  options: PageOptions<T> = {},
): Promise<Page<T>> {
  const size = pageSize(options.first);
  const where = (options.where ?? {}) as FilterQuery<T>;
  const position = options.after == null ? null : decodeCursor(options.after);
  const and = (extra: object) => ({ $and: [where, extra] }) as FilterQuery<T>;

  const rows = await em.find(entity, position ? and(olderThan(position)) : where, {
    orderBy: { createdAt: QueryOrder.DESC, id: QueryOrder.DESC } as never,
    limit: size + 1,
  });
  const totalCount = await em.count(entity, where);
  const hasPreviousPage = position
    ? (await em.count(entity, and(notOlderThan(position)))) > 0
    : false;
  const items = rows.slice(0, size);
  const cursors = items.map((item) => encodeCursor(item));
  return {
    items,
    cursors,
    hasNextPage: rows.length > size,
    hasPreviousPage,
    endCursor: cursors.at(-1) ?? null,
    totalCount,
  };
}

function pageSize(first: number | null | undefined): number {
  if (first == null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1) {
    throw new DataError('BAD_PAGE_SIZE', `page size first=${first} is not a whole number ≥ 1`);
  }
  return Math.min(first, MAX_PAGE_SIZE);
}

function olderThan({ createdAt, id }: CursorPosition) {
  return { $or: [{ createdAt: { $lt: createdAt } }, { createdAt, id: { $lt: id } }] };
}

function notOlderThan({ createdAt, id }: CursorPosition) {
  return { $or: [{ createdAt: { $gt: createdAt } }, { createdAt, id: { $gte: id } }] };
}
