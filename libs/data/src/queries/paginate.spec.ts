import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { EntityManager } from '@mikro-orm/libsql';
import { Dataset } from '../entities/dataset.entity.ts';
import { DataError } from '../errors/data-error.ts';
import { createTestDatabase, testProject } from '../testing.ts';
import type { TestDatabase } from '../testing.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { paginate } from './paginate.ts';
import type { Page } from './paginate.ts';

let testDb: TestDatabase;
let em: EntityManager;
/** Newest first, as paginate must return them. */
let expected: string[];

const T0 = Date.parse('2026-01-01T00:00:00.000Z');

beforeAll(async () => {
  testDb = await createTestDatabase();
  const seed = testDb.db.fork();
  // 105 datasets; each creation time is shared by three of them, so the id tie-break matters.
  const all: Dataset[] = [];
  for (let i = 0; i < 105; i++) {
    const d = new Dataset(testProject(), `d${i}`, i % 2 ? 'variants' : 'expression');
    d.createdAt = new Date(T0 + Math.floor(i / 3) * 1000);
    all.push(d);
  }
  seed.persist(all);
  await seed.flush();
  expected = all
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (b.id < a.id ? -1 : 1))
    .map((d) => d.id);
  em = testDb.db.fork();
});
afterAll(() => testDb.cleanup());

const ids = (items: Dataset[]) => items.map((d) => d.id);

async function rejection(promise: Promise<unknown>): Promise<DataError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataError);
  return error as DataError;
}

describe('paginate', () => {
  test('the first page holds the 20 newest, with a cursor per item', async () => {
    const page = await paginate(em, Dataset);
    expect(ids(page.items)).toEqual(expected.slice(0, 20));
    expect(page.cursors).toHaveLength(20);
    expect(page.endCursor).toBe(page.cursors[19]);
    expect(decodeCursor(page.cursors[19]).id).toBe(expected[19]);
    expect(page).toMatchObject({ hasNextPage: true, hasPreviousPage: false, totalCount: 105 });
  });

  test('following endCursor walks every item once, in order, then stops', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: Page<Dataset> = await paginate(em, Dataset, { first: 30, after });
      pages++;
      seen.push(...ids(page.items));
      expect(page.hasPreviousPage).toBe(after !== null);
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(pages).toBe(4);
    expect(seen).toEqual(expected);
  });

  test('the last page is short, has no next page, and a page past it is empty', async () => {
    const last = await paginate(em, Dataset, { first: 10, after: encodeCursorOf(99) });
    expect(ids(last.items)).toEqual(expected.slice(100));
    expect(last.hasNextPage).toBe(false);
    const past = await paginate(em, Dataset, { first: 10, after: last.endCursor });
    expect(past).toEqual({
      items: [],
      cursors: [],
      hasNextPage: false,
      hasPreviousPage: true,
      endCursor: null,
      totalCount: 105,
    });
  });

  test('an exact fit has no next page', async () => {
    const page = await paginate(em, Dataset, { first: 5, after: encodeCursorOf(99) });
    expect(page.items).toHaveLength(5);
    expect(page.hasNextPage).toBe(false);
  });

  test('where filters the items and the totalCount', async () => {
    const page = await paginate(em, Dataset, { first: 3, where: { kind: 'variants' } });
    expect(page.totalCount).toBe(52);
    expect(page.items.every((d) => d.kind === 'variants')).toBe(true);
    const next = await paginate(em, Dataset, {
      first: 100,
      after: page.endCursor,
      where: { kind: 'variants' },
    });
    expect(next.items).toHaveLength(49);
    expect(next.hasNextPage).toBe(false);
  });

  test('first is capped at 100', async () => {
    const page = await paginate(em, Dataset, { first: 1000 });
    expect(page.items).toHaveLength(100);
    expect(page.hasNextPage).toBe(true);
  });

  test('first below 1 or not whole is BAD_PAGE_SIZE', async () => {
    for (const first of [0, -1, 2.5, Number.NaN]) {
      const error = await rejection(paginate(em, Dataset, { first }));
      expect(error.code).toBe('BAD_PAGE_SIZE');
      expect(error.message).toBe(`page size first=${first} is not a whole number ≥ 1`);
    }
  });

  test('a cursor that paginate did not make is BAD_CURSOR, naming it', async () => {
    const good = encodeCursorOf(0);
    const bad = [
      'not a cursor',
      Buffer.from('hello').toString('base64url'),
      Buffer.from(`abc:${expected[0]}`).toString('base64url'),
      `${good}=`,
      good.slice(0, -3),
      '',
    ];
    for (const cursor of bad) {
      const error = await rejection(paginate(em, Dataset, { after: cursor }));
      expect(error.code).toBe('BAD_CURSOR');
      expect(error.message).toBe(`cursor "${cursor}" is not a cursor this API returned`);
    }
    const long = await rejection(paginate(em, Dataset, { after: 'x'.repeat(5000) }));
    expect(long.message).toBe(`cursor "${'x'.repeat(100)}…" is not a cursor this API returned`);
  });

  test('rows added after a cursor was handed out do not shift the next page', async () => {
    const first = await paginate(em, Dataset, { first: 10 });
    const writer = testDb.db.fork();
    writer.persist(new Dataset(testProject(), 'brand new', 'variants'));
    await writer.flush();
    const second = await paginate(em, Dataset, { first: 10, after: first.endCursor });
    expect(ids(second.items)).toEqual(expected.slice(10, 20));
    expect(second.totalCount).toBe(106);
    writer.remove(await writer.findOneOrFail(Dataset, { name: 'brand new' }));
    await writer.flush();
  });
});

describe('cursors', () => {
  test('are base64url of "<createdAt ms>:<id>" and decode back', () => {
    const position = { createdAt: new Date(T0), id: 'f688497c-a247-408e-ae07-c798999f48fd' };
    const cursor = encodeCursor(position);
    expect(Buffer.from(cursor, 'base64url').toString()).toBe(`${T0}:${position.id}`);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(position);
  });
});

/** The cursor of the item at `index` of the newest-first order. */
function encodeCursorOf(index: number): string {
  return encodeCursor({
    createdAt: new Date(T0 + Math.floor((104 - index) / 3) * 1000),
    id: expected[index],
  });
}
