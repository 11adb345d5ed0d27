import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertVariantScores, Job } from '@strand/data';
import type { StrandDatabase, VariantScoreValues } from '@strand/data';
import { createTestDatabase, testProject } from '@strand/data/testing';
import type { TestDatabase } from '@strand/data/testing';
import { reconcileChromosome } from './variant-score-chromosome.ts';

let testDb: TestDatabase;
let db: StrandDatabase;
let ucsc: string;
let ensembl: string;

const row = (chrom: string, pos: number): VariantScoreValues => ({
  chrom,
  pos,
  variantId: null,
  ref: 'A',
  alt: 'G',
  task: 'bound',
  refPred: 0.5,
  altPred: 0.6,
  diff: 0.1,
  absDiff: 0.1,
  logOddsChange: 0.4,
});

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
  const em = db.fork();
  const project = testProject();
  const a = new Job(project, 'SCORE_VARIANTS', {}, 'jobs/a');
  const b = new Job(project, 'SCORE_VARIANTS', {}, 'jobs/b');
  em.persist([a, b]);
  await em.flush();
  ucsc = a.id;
  ensembl = b.id;
  await insertVariantScores(em, ucsc, 0, [
    row('chr17', 1),
    row('chr2', 5),
    row('chrM', 9),
    row('chr17', 3),
  ]);
  await insertVariantScores(em, ensembl, 0, [row('17', 1), row('X', 2), row('MT', 3)]);
});
afterAll(() => testDb.cleanup());

const chromOf = async (jobId: string, chrom: string | null) =>
  (await reconcileChromosome(db.fork(), jobId, { chrom, minAbsDiff: 0.05 }))?.chrom;

describe('the chromosome filter of variantScores', () => {
  it('finds chr17 when a person types 17, and 17 when they type chr17', async () => {
    expect(await chromOf(ucsc, '17')).toBe('chr17');
    expect(await chromOf(ucsc, 'chr17')).toBe('chr17');
    expect(await chromOf(ensembl, 'chr17')).toBe('17');
    expect(await chromOf(ensembl, 'CHRX')).toBe('X');
  });

  it('reads the mitochondrion’s spellings as one', async () => {
    expect(await chromOf(ucsc, 'MT')).toBe('chrM');
    expect(await chromOf(ensembl, 'chrM')).toBe('MT');
  });

  it('leaves a name no spelling of which is in the job, and the rest of the filter, alone', async () => {
    expect(await chromOf(ucsc, '22')).toBe('22');
    expect(await chromOf(ucsc, 'x')).toBe('x');
    expect(await reconcileChromosome(db.fork(), ucsc, { chrom: '17', minAbsDiff: 0.05 })).toEqual({
      chrom: 'chr17',
      minAbsDiff: 0.05,
    });
    expect(await reconcileChromosome(db.fork(), ucsc, null)).toBeNull();
    expect(await chromOf(ucsc, null)).toBeNull();
  });
});
