import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { VariantScore } from '../entities/variant-score.entity.ts';
import type { VariantScoreValues } from '../entities/variant-score.entity.ts';
import { DataError } from '../errors/data-error.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './paginate.ts';
import type { Page } from './paginate.ts';
import {
  decodeVariantScoreCursor,
  encodeVariantScoreCursor,
  listingSignature,
} from './variant-score-cursor.ts';
import type { VariantScoreKey } from './variant-score-cursor.ts';

// Parts: writing a job's rows (delete, batched insert); reading a page — the filter, the order
// (every order ends with `row` in the same direction, so an index of the entity serves it), and
// keyset conditions "after this cursor" over the whole sort tuple, as find-runs.ts does for runs.

/** Sort keys of variant scores: |effect|, signed effect, or genomic position. */
export type VariantScoreSortField = 'absDiff' | 'diff' | 'position';

export interface VariantScoreOrder {
  by: VariantScoreSortField;
  direction: 'ASC' | 'DESC';
}

/** Largest effect first: what a user looks at first. */
export const LARGEST_EFFECT_FIRST: VariantScoreOrder = { by: 'absDiff', direction: 'DESC' };

export interface VariantScoreFilter {
  /** Exactly this chromosome name, as the VCF writes it. */
  chrom?: string | null;
  /** Only rows with absDiff ≥ this. */
  minAbsDiff?: number | null;
  /** Only this model task. */
  task?: string | null;
  /** Only positions ≥ this (1-based, as VCF POS): with `end`, a genome browser's window. */
  start?: number | null;
  /** Only positions ≤ this (1-based, inclusive). */
  end?: number | null;
}

export interface FindVariantScoresOptions {
  jobId: string;
  filter?: VariantScoreFilter | null;
  orderBy?: VariantScoreOrder | null;
  first?: number | null;
  after?: string | null;
}

/** Removes every stored score of a job (before storing them again: loading is idempotent). */
export async function deleteVariantScores(em: EntityManager, jobId: string): Promise<number> {
  return em.nativeDelete(VariantScore, { job: jobId });
}

const INSERT_COLUMNS = [
  'job_id',
  'row',
  'chrom',
  'pos',
  'variant_id',
  'ref',
  'alt',
  'task',
  'ref_pred',
  'alt_pred',
  'diff',
  'abs_diff',
  'log_odds_change',
  'quantile',
] as const;

/**
 * Stores rows `firstRow`, `firstRow + 1`, … of a job's scores in one multi-row insert. Callers
 * pass bounded batches (≤ 2,000 rows: 14 parameters a row stays under every database's limit),
 * so memory stays flat however large the job. A plain parameterised INSERT rather than
 * `em.insertMany`: the ORM's per-row work made storing ~4× slower, and these rows are never
 * managed entities.
 */
export async function insertVariantScores(
  em: EntityManager,
  jobId: string,
  firstRow: number,
  rows: readonly VariantScoreValues[],
): Promise<void> {
  if (rows.length === 0) return;
  if (rows.length > 2000) throw new RangeError(`insertVariantScores: ${rows.length} rows > 2000`);
  const platform = em.getPlatform();
  const columns = INSERT_COLUMNS.map((c) => platform.quoteIdentifier(c)).join(', ');
  const tuple = `(${INSERT_COLUMNS.map(() => '?').join(', ')})`;
  const params: unknown[] = [];
  rows.forEach((r, i) =>
    params.push(
      jobId,
      firstRow + i,
      r.chrom,
      r.pos,
      r.variantId,
      r.ref,
      r.alt,
      r.task,
      r.refPred,
      r.altPred,
      r.diff,
      r.absDiff,
      r.logOddsChange,
      r.quantile ?? null,
    ),
  );
  const table = platform.quoteIdentifier('variant_score');
  await em
    .getConnection()
    .execute(
      `insert into ${table} (${columns}) values ${rows.map(() => tuple).join(', ')}`,
      params,
      'run',
      em.getTransactionContext(),
    );
}

/** One page of a job's variant scores, filtered and sorted; cursors carry the sort key. */
export async function findVariantScores(
  em: EntityManager,
  options: FindVariantScoresOptions,
): Promise<Page<VariantScore>> {
  const size = pageSize(options.first);
  const order = options.orderBy ?? LARGEST_EFFECT_FIRST;
  const filter = options.filter ?? {};
  if (filter.minAbsDiff != null && !Number.isFinite(filter.minAbsDiff)) {
    // GraphQL's Float cannot carry NaN or ±Infinity: only a programming error gets here.
    throw new RangeError(`filter.minAbsDiff ${filter.minAbsDiff} is not a finite number`);
  }
  checkPositions(filter);
  const signature = listingSignature([
    options.jobId,
    order.by,
    order.direction,
    filter.chrom ?? null,
    filter.minAbsDiff ?? null,
    filter.task ?? null,
    // Appended only when set, so cursors of listings without a window stay valid.
    ...(filter.start != null || filter.end != null
      ? [filter.start ?? null, filter.end ?? null]
      : []),
  ]);
  const where = whereOf(options.jobId, filter);
  const position =
    options.after == null ? null : decodeVariantScoreCursor(options.after, signature, order.by);
  const rows = await em.find(
    VariantScore,
    position ? ({ $and: [where, after(order, position)] } as FilterQuery<VariantScore>) : where,
    { orderBy: orderByOf(order) as never, limit: size + 1 },
  );
  const totalCount = await em.count(VariantScore, where);
  const items = rows.slice(0, size);
  const cursors = items.map((row) => encodeVariantScoreCursor(signature, keyOf(order, row)));
  return {
    items,
    cursors,
    hasNextPage: rows.length > size,
    // The cursor's own row matches the listing (its signature says so) and rows never change.
    hasPreviousPage: position !== null,
    endCursor: cursors.at(-1) ?? null,
    totalCount,
  };
}

/**
 * The chromosome names of a job's scores, sorted; null when there are more than `max`. One index
 * seek per name (the next name above the last: a loose index scan over job, chrom), so a job of
 * millions of rows on a few dozen chromosomes costs a few dozen lookups, not a scan.
 */
export async function variantScoreChromosomes(
  em: EntityManager,
  jobId: string,
  max = 1000,
): Promise<string[] | null> {
  const names: string[] = [];
  for (;;) {
    const last = names.at(-1);
    const next = await em.findOne(
      VariantScore,
      last === undefined ? { job: jobId } : { job: jobId, chrom: { $gt: last } },
      { orderBy: { chrom: 'asc' }, fields: ['chrom'], disableIdentityMap: true },
    );
    if (!next) return names;
    if (names.length === max) return null;
    names.push(next.chrom);
  }
}

function whereOf(jobId: string, filter: VariantScoreFilter): FilterQuery<VariantScore> {
  const parts: object[] = [{ job: jobId }];
  if (filter.chrom != null) parts.push({ chrom: filter.chrom });
  if (filter.minAbsDiff != null) parts.push({ absDiff: { $gte: filter.minAbsDiff } });
  if (filter.task != null) parts.push({ task: filter.task });
  if (filter.start != null) parts.push({ pos: { $gte: filter.start } });
  if (filter.end != null) parts.push({ pos: { $lte: filter.end } });
  return { $and: parts } as FilterQuery<VariantScore>;
}

const COLUMNS: Record<VariantScoreSortField, string[]> = {
  absDiff: ['absDiff', 'row'],
  diff: ['diff', 'row'],
  position: ['chrom', 'pos', 'row'],
};

function orderByOf(order: VariantScoreOrder): object[] {
  const dir = order.direction.toLowerCase();
  return COLUMNS[order.by].map((column) => ({ [column]: dir }));
}

function keyOf(order: VariantScoreOrder, row: VariantScore): VariantScoreKey {
  return order.by === 'position'
    ? { by: 'position', chrom: row.chrom, pos: row.pos, row: row.row }
    : { by: order.by, value: row[order.by], row: row.row };
}

/** Rows strictly after the cursor in the order: lexicographic over the sort tuple. */
function after(order: VariantScoreOrder, at: VariantScoreKey): object {
  const values = at.by === 'position' ? [at.chrom, at.pos, at.row] : [at.value, at.row];
  const op = order.direction === 'DESC' ? '$lt' : '$gt';
  const columns = COLUMNS[order.by];
  const branches = columns.map((column, i) => ({
    $and: [
      ...columns.slice(0, i).map((c, j) => ({ [c]: values[j] })),
      { [column]: { [op]: values[i] } },
    ],
  }));
  return { $or: branches };
}

/** A window's ends are whole positions ≥ 1, the start not past the end. */
function checkPositions(filter: VariantScoreFilter): void {
  for (const key of ['start', 'end'] as const) {
    const value = filter[key];
    if (value != null && !(Number.isSafeInteger(value) && value >= 1)) {
      throw new DataError('BAD_FILTER', `filter.${key} ${value} is not a whole position ≥ 1`);
    }
  }
  if (filter.start != null && filter.end != null && filter.start > filter.end) {
    const message = `filter.start ${filter.start} is past filter.end ${filter.end}`;
    throw new DataError('BAD_FILTER', message);
  }
}

function pageSize(first: number | null | undefined): number {
  if (first == null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1) {
    throw new DataError('BAD_PAGE_SIZE', `page size first=${first} is not a whole number ≥ 1`);
  }
  return Math.min(first, MAX_PAGE_SIZE);
}
