import { DataError } from '../errors/data-error.ts';

/** Where a page of an ordered run list stopped: the sort key of its last run. */
export interface RunCursor {
  /** orderSignature() of the order the cursor belongs to. */
  order: string;
  /** The metric or column value when sorting by one (null: the run has no such metric). */
  value: number | string | null;
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;

/** The opaque cursor: base64url of a JSON array `[order, value, createdAt ms, id]`. */
export function encodeRunCursor(cursor: RunCursor): string {
  const text = JSON.stringify([cursor.order, cursor.value, cursor.createdAt.getTime(), cursor.id]);
  return Buffer.from(text).toString('base64url');
}

/**
 * The position a cursor stands for; BAD_CURSOR when `encodeRunCursor` cannot have made it, or
 * when it was made for another order than `order`.
 */
export function decodeRunCursor(cursor: string, order: string): RunCursor {
  const shown = cursor.length > 100 ? `${cursor.slice(0, 100)}…` : cursor;
  const bad = (why = 'is not a cursor this API returned') =>
    new DataError('BAD_CURSOR', `cursor "${shown}" ${why}`);
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw bad();
  const [sig, value, ms, id] = parsed as unknown[];
  if (typeof sig !== 'string' || typeof id !== 'string' || !UUID.test(id)) throw bad();
  const isNumber = typeof value === 'number' && Number.isFinite(value);
  const isText = typeof value === 'string' && value.length <= 200;
  if (value !== null && !isNumber && !isText) throw bad();
  if (typeof ms !== 'number' || !Number.isSafeInteger(ms) || ms < 0) throw bad();
  const position: RunCursor = {
    order: sig,
    value: value as RunCursor['value'],
    createdAt: new Date(ms),
    id,
  };
  if (encodeRunCursor(position) !== cursor) throw bad();
  if (sig !== order) throw bad(`was made for another orderBy (${sig}); start again without it`);
  return position;
}
