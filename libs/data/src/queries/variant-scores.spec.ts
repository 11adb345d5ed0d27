import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StrandDatabase } from '../database.ts';
import { Job } from '../entities/job.entity.ts';
import type { VariantScoreValues } from '../entities/variant-score.entity.ts';
import { VariantScore } from '../entities/variant-score.entity.ts';
import { createTestDatabase, testProject } from '../testing.ts';
import type { TestDatabase } from '../testing.ts';
import type { VariantScoreFilter, VariantScoreOrder } from './variant-scores.ts';
import {
  deleteVariantScores,
  findVariantScores,
  insertVariantScores,
  variantScoreChromosomes,
} from './variant-scores.ts';

let testDb: TestDatabase;
let db: StrandDatabase;
let jobId: string;
let otherJobId: string;
const ROWS = 157;

/** Deterministic rows with many ties in absDiff (every value occurs ~5 times) and 3 chromosomes. */
function rowOf(i: number): VariantScoreValues {
  const diff = (((i * 37) % 31) - 15) / 100;
  return {
    chrom: ['chr1', 'chr2', 'chrX'][i % 3],
    pos: 1000 + ((i * 7919) % 500),
    variantId: i % 4 === 0 ? null : `rs${i}`,
    ref: 'A',
    alt: i % 10 === 0 ? 'AGT' : 'G',
    task: i % 2 === 0 ? 'bound' : 'open',
    refPred: 0.5,
    altPred: 0.5 + diff,
    diff,
    absDiff: Math.abs(diff),
    logOddsChange: diff * 4,
  };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
  const em = db.fork();
  const project = testProject();
  const job = new Job(project, 'SCORE_VARIANTS', {}, 'jobs/a');
  const other = new Job(project, 'SCORE_VARIANTS', {}, 'jobs/b');
  em.persist([job, other]);
  await em.flush();
  jobId = job.id;
  otherJobId = other.id;
  const rows = Array.from({ length: ROWS }, (_, i) => rowOf(i));
  // Two batches, as a job stores them.
  await insertVariantScores(em, jobId, 0, rows.slice(0, 100));
  await insertVariantScores(em, jobId, 100, rows.slice(100));
  await insertVariantScores(em, otherJobId, 0, rows.slice(0, 10));
});
afterAll(() => testDb.cleanup());

/** Every row of a listing, page by page. */
async function all(
  orderBy: VariantScoreOrder,
  filter: VariantScoreFilter = {},
  first = 13,
): Promise<{ rows: VariantScore[]; totals: number[]; pages: number }> {
  const rows: VariantScore[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const page = await findVariantScores(db.fork(), { jobId, orderBy, filter, first, after });
    pages++;
    rows.push(...page.items);
    totals.push(page.totalCount);
    expect(page.hasPreviousPage).toBe(after !== null);
    if (!page.hasNextPage) break;
    after = page.endCursor;
  }
  return { rows, totals, pages };
}

const expected = (keep: (v: VariantScoreValues) => boolean = () => true) =>
  Array.from({ length: ROWS }, (_, i) => ({ ...rowOf(i), row: i })).filter(keep);

describe('findVariantScores', () => {
  test('pages by |effect|, largest first, ties by row; the order holds across pages', async () => {
    const { rows, totals, pages } = await all({ by: 'absDiff', direction: 'DESC' });
    expect(pages).toBe(Math.ceil(ROWS / 13));
    expect(totals.every((t) => t === ROWS)).toBe(true);
    const want = expected().sort((a, b) => b.absDiff - a.absDiff || b.row - a.row);
    expect(rows.map((r) => r.row)).toEqual(want.map((r) => r.row));
    expect(rows[0]).toMatchObject({ ...want[0], job: expect.anything() });
  });

  test('sorts by signed effect ascending and by position', async () => {
    const byDiff = await all({ by: 'diff', direction: 'ASC' });
    expect(byDiff.rows.map((r) => r.row)).toEqual(
      expected()
        .sort((a, b) => a.diff - b.diff || a.row - b.row)
        .map((r) => r.row),
    );
    const byPosition = await all({ by: 'position', direction: 'ASC' }, {}, 50);
    expect(byPosition.rows.map((r) => r.row)).toEqual(
      expected()
        .sort((a, b) => a.chrom.localeCompare(b.chrom) || a.pos - b.pos || a.row - b.row)
        .map((r) => r.row),
    );
  });

  test('filters by chromosome, least |effect| and task; totalCount counts the filtered rows', async () => {
    const filter = { chrom: 'chr2', minAbsDiff: 0.05, task: 'open' };
    const { rows, totals } = await all({ by: 'absDiff', direction: 'DESC' }, filter, 7);
    const want = expected((v) => v.chrom === 'chr2' && v.absDiff >= 0.05 && v.task === 'open');
    expect(want.length).toBeGreaterThan(7);
    expect(rows.map((r) => r.row).sort((a, b) => a - b)).toEqual(want.map((r) => r.row));
    expect(new Set(totals)).toEqual(new Set([want.length]));
  });

  test('filters by a window of positions (inclusive ends) and refuses a bad window', async () => {
    const filter = { chrom: 'chrX', start: 1100, end: 1300 };
    const { rows, totals } = await all({ by: 'absDiff', direction: 'DESC' }, filter, 9);
    const want = expected((v) => v.chrom === 'chrX' && v.pos >= 1100 && v.pos <= 1300);
    expect(want.length).toBeGreaterThan(9);
    expect(rows.map((r) => r.row).sort((a, b) => a - b)).toEqual(want.map((r) => r.row));
    expect(new Set(totals)).toEqual(new Set([want.length]));
    const edge = expected((v) => v.chrom === 'chrX')[0];
    const exact = await findVariantScores(db.fork(), {
      jobId,
      filter: { chrom: 'chrX', start: edge.pos, end: edge.pos },
    });
    expect(exact.items.map((r) => r.pos)).toContain(edge.pos);
    expect(exact.items.every((r) => r.pos === edge.pos)).toBe(true);
    await expect(
      findVariantScores(db.fork(), { jobId, filter: { start: 500, end: 400 } }),
    ).rejects.toMatchObject({
      code: 'BAD_FILTER',
      message: 'filter.start 500 is past filter.end 400',
    });
    await expect(findVariantScores(db.fork(), { jobId, filter: { start: 0 } })).rejects.toThrow(
      'filter.start 0 is not a whole position ≥ 1',
    );
  });

  test('refuses a cursor of another listing, and one it did not make', async () => {
    const order: VariantScoreOrder = { by: 'absDiff', direction: 'DESC' };
    const page = await findVariantScores(db.fork(), { jobId, orderBy: order, first: 5 });
    const after = page.endCursor!;
    await expect(
      findVariantScores(db.fork(), { jobId: otherJobId, orderBy: order, after }),
    ).rejects.toMatchObject({
      code: 'BAD_CURSOR',
      message: expect.stringContaining('another job'),
    });
    await expect(
      findVariantScores(db.fork(), { jobId, orderBy: order, filter: { task: 'open' }, after }),
    ).rejects.toMatchObject({ code: 'BAD_CURSOR' });
    await expect(
      findVariantScores(db.fork(), {
        jobId,
        orderBy: { by: 'position', direction: 'DESC' },
        after,
      }),
    ).rejects.toMatchObject({ code: 'BAD_CURSOR' });
    await expect(
      findVariantScores(db.fork(), { jobId, orderBy: order, after: 'bm90IGEgY3Vyc29y' }),
    ).rejects.toThrow('cursor "bm90IGEgY3Vyc29y" is not a cursor this API returned');
  });

  test("deleting a job's scores leaves other jobs' alone; deleting the job deletes its scores", async () => {
    const em = db.fork();
    expect(await em.count(VariantScore, { job: otherJobId })).toBe(10);
    expect(await deleteVariantScores(em, otherJobId)).toBe(10);
    expect(await em.count(VariantScore, { job: jobId })).toBe(ROWS);
    await insertVariantScores(em, otherJobId, 0, [rowOf(1)]);
    await em.nativeDelete(Job, { id: otherJobId });
    expect(await em.count(VariantScore, { job: otherJobId })).toBe(0);
  });
});

test('variantScoreChromosomes lists a job’s chromosome names, sorted, or null past the bound', async () => {
  expect(await variantScoreChromosomes(db.fork(), jobId)).toEqual(['chr1', 'chr2', 'chrX']);
  expect(await variantScoreChromosomes(db.fork(), jobId, 2)).toBeNull();
  expect(await variantScoreChromosomes(db.fork(), jobId, 3)).toEqual(['chr1', 'chr2', 'chrX']);
  expect(await variantScoreChromosomes(db.fork(), 'no-such-job')).toEqual([]);
});
