import { createHash } from 'node:crypto';
import { DataError } from '../errors/data-error.ts';

/** Where a page of variant scores stopped: the sort key of its last row and its row number. */
export type VariantScoreKey =
  | { by: 'absDiff' | 'diff'; value: number; row: number }
  | { by: 'position'; chrom: string; pos: number; row: number };

/**
 * What a cursor belongs to: the job, the order and the filter, hashed. A cursor is only valid
 * for the listing it came from (another filter would make "after this row" mean another place).
 */
export function listingSignature(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

/** The opaque cursor: base64url of a JSON array `[signature, ...key, row]`. */
export function encodeVariantScoreCursor(signature: string, key: VariantScoreKey): string {
  const values = key.by === 'position' ? [key.chrom, key.pos, key.row] : [key.value, key.row];
  return Buffer.from(JSON.stringify([signature, ...values])).toString('base64url');
}

const isRow = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/**
 * The position a cursor stands for; BAD_CURSOR when `encodeVariantScoreCursor` cannot have made
 * it for this listing (`signature`) and order (`by`).
 */
export function decodeVariantScoreCursor(
  cursor: string,
  signature: string,
  by: VariantScoreKey['by'],
): VariantScoreKey {
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
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string') throw bad();
  const [sig, ...values] = parsed as [string, ...unknown[]];
  let key: VariantScoreKey;
  if (by === 'position') {
    const [chrom, pos, row] = values;
    if (
      values.length !== 3 ||
      typeof chrom !== 'string' ||
      !Number.isSafeInteger(pos) ||
      !isRow(row)
    )
      throw bad();
    key = { by, chrom, pos: pos as number, row };
  } else {
    const [value, row] = values;
    if (values.length !== 2 || typeof value !== 'number' || !Number.isFinite(value) || !isRow(row))
      throw bad();
    key = { by, value, row };
  }
  if (encodeVariantScoreCursor(sig, key) !== cursor) throw bad();
  if (sig !== signature)
    throw bad('was made for another job, orderBy or filter; start again without it');
  return key;
}
