import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Dataset } from '../entities/dataset.entity.ts';
import { EpochMetric } from '../entities/epoch-metric.entity.ts';
import { Run } from '../entities/run.entity.ts';
import { DataError } from '../errors/data-error.ts';
import { createTestDatabase, testProject } from '../testing.ts';
import type { TestDatabase } from '../testing.ts';
import { epochHistory } from './epoch-history.ts';
import { recordEpoch } from './record-epoch.ts';

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.cleanup());

async function newRun(): Promise<Run> {
  const em = testDb.db.fork();
  const project = testProject();
  const dataset = new Dataset(project, 'd', 'sequence-classification');
  const run = new Run(project, dataset, 'deepbind', {}, 1, 10, 32, 0.01);
  em.persist(run);
  await em.flush();
  return run;
}

const epoch = (n: number, loss: number) => ({
  epoch: n,
  metrics: { loss, auroc: 0.5 + n / 100 },
  samplesPerSecond: 1000 + n,
  seconds: n / 2,
});

describe('recordEpoch', () => {
  test('stores the epoch and moves run.currentEpoch, in the database too', async () => {
    const em = testDb.db.fork();
    const run = await em.findOneOrFail(Run, (await newRun()).id);
    const stored = await recordEpoch(em, run, epoch(1, 0.7));

    expect(stored).toMatchObject({
      epoch: 1,
      metrics: { loss: 0.7, auroc: 0.51 },
      samplesPerSecond: 1001,
      seconds: 0.5,
    });
    expect(run.currentEpoch).toBe(1);
    const fresh = testDb.db.fork();
    expect((await fresh.findOneOrFail(Run, run.id)).currentEpoch).toBe(1);
    expect(await fresh.count(EpochMetric, { run: run.id })).toBe(1);
  });

  test('storing the same epoch again replaces it: one row, same id, new values', async () => {
    const em = testDb.db.fork();
    const run = await em.findOneOrFail(Run, (await newRun()).id);
    const first = await recordEpoch(em, run, epoch(1, 0.7));
    const createdAt = first.createdAt.getTime();
    const again = await recordEpoch(em, run, epoch(1, 0.6));

    expect(again).toBe(first);
    expect(again.metrics).toEqual({ loss: 0.6, auroc: 0.51 });
    const rows = await testDb.db.fork().find(EpochMetric, { run: run.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: first.id, metrics: { loss: 0.6, auroc: 0.51 } });
    expect(rows[0].createdAt.getTime()).toBe(createdAt);
  });

  test('a retried message from another fork also leaves one row', async () => {
    const run = await newRun();
    for (let i = 0; i < 3; i++) {
      const em = testDb.db.fork();
      await recordEpoch(em, await em.findOneOrFail(Run, run.id), epoch(2, 0.5 - i / 10));
    }
    const rows = await testDb.db.fork().find(EpochMetric, { run: run.id });
    expect(rows.map((r) => [r.epoch, r.metrics.loss])).toEqual([[2, 0.3]]);
  });

  test('re-storing an earlier epoch does not move currentEpoch back', async () => {
    const em = testDb.db.fork();
    const run = await em.findOneOrFail(Run, (await newRun()).id);
    await recordEpoch(em, run, epoch(3, 0.3));
    await recordEpoch(em, run, epoch(2, 0.4));
    expect(run.currentEpoch).toBe(3);
    expect((await testDb.db.fork().findOneOrFail(Run, run.id)).currentEpoch).toBe(3);
  });

  test('flushes the run changes made before it', async () => {
    const em = testDb.db.fork();
    const run = await em.findOneOrFail(Run, (await newRun()).id);
    run.finalMetrics = { loss: 0.25 };
    await recordEpoch(em, run, epoch(1, 0.25));
    expect((await testDb.db.fork().findOneOrFail(Run, run.id)).finalMetrics).toEqual({
      loss: 0.25,
    });
  });

  test('an epoch below 1 or not whole is BAD_EPOCH and stores nothing', async () => {
    const em = testDb.db.fork();
    const run = await em.findOneOrFail(Run, (await newRun()).id);
    for (const n of [0, -1, 1.5]) {
      const error = await recordEpoch(em, run, epoch(n, 1)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataError);
      expect(error).toMatchObject({
        code: 'BAD_EPOCH',
        message: `run ${run.id}: epoch ${n} is not a whole number ≥ 1`,
      });
    }
    expect(await em.count(EpochMetric, { run: run.id })).toBe(0);
  });
});

describe('epochHistory', () => {
  test('lists a run’s epochs in epoch order, and only that run’s', async () => {
    const em = testDb.db.fork();
    const run = await em.findOneOrFail(Run, (await newRun()).id);
    const other = await em.findOneOrFail(Run, (await newRun()).id);
    for (const n of [3, 1, 2]) await recordEpoch(em, run, epoch(n, 1 / n));
    await recordEpoch(em, other, epoch(1, 9));

    const history = await epochHistory(testDb.db.fork(), run.id);
    expect(history.map((e) => [e.epoch, e.metrics.loss, e.samplesPerSecond, e.seconds])).toEqual([
      [1, 1, 1001, 0.5],
      [2, 0.5, 1002, 1],
      [3, 1 / 3, 1003, 1.5],
    ]);
    expect(await epochHistory(em, '00000000-0000-4000-8000-000000000000')).toEqual([]);
  });
});
