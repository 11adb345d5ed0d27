import { DataError } from '../errors/data-error.ts';

/** `<ms since 1970>:<uuid>` */
const CURSOR_TEXT = /^(\d{1,15}):([0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})$/;

/** A position in the newest-first order: the (createdAt, id) of the last item seen. */
export interface CursorPosition {
  createdAt: Date;
  id: string;
}

/** The opaque cursor of a position: base64url of `<createdAt ms>:<id>` (ids are UUIDs). */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(`${position.createdAt.getTime()}:${position.id}`).toString('base64url');
}

/** The position a cursor stands for; BAD_CURSOR for anything `encodeCursor` cannot have made. */
export function decodeCursor(cursor: string): CursorPosition {
  const shown = cursor.length > 100 ? `${cursor.slice(0, 100)}…` : cursor;
  const bad = () =>
    new DataError('BAD_CURSOR', `cursor "${shown}" is not a cursor this API returned`);
  // Node's base64url decoder skips characters it does not know: check strictly first.
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad();
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = CURSOR_TEXT.exec(text);
  if (!match) throw bad();
  const position = { createdAt: new Date(Number(match[1])), id: match[2] };
  if (encodeCursor(position) !== cursor) throw bad();
  return position;
}
