import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Dataset } from './entities/dataset.entity.ts';
import { EpochMetric } from './entities/epoch-metric.entity.ts';
import { Run } from './entities/run.entity.ts';
import { recordEpoch } from './queries/record-epoch.ts';
import { createTestDatabase, testProject } from './testing.ts';
import type { TestDatabase } from './testing.ts';

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.cleanup());

describe('two forks writing at once', () => {
  const EPOCHS = 15;

  test('interleaved flushes and transactions all commit', async () => {
    const setup = testDb.db.fork();
    const dataset = new Dataset(testProject(), 'shared', 'sequence-classification');
    const runs = [0, 1].map(
      () => new Run(dataset.project, dataset, 'deepbind', {}, 1, EPOCHS, 8, 0.01),
    );
    setup.persist(runs);
    await setup.flush();

    const writer = async (index: number) => {
      const em = testDb.db.fork();
      const run = await em.findOneOrFail(Run, runs[index].id);
      for (let epoch = 1; epoch <= EPOCHS; epoch++) {
        await recordEpoch(em, run, {
          epoch,
          metrics: { loss: 1 / epoch },
          samplesPerSecond: 1,
          seconds: 1,
        });
        em.persist(new Dataset(testProject(), `fork ${index} #${epoch}`, 'variants'));
        await em.flush();
        // A transaction that yields to the event loop in the middle, as real use cases do.
        await em.transactional(async (tx) => {
          const found = await tx.findOneOrFail(Dataset, { name: `fork ${index} #${epoch}` });
          await new Promise((resolve) => setImmediate(resolve));
          found.recordCount = epoch;
        });
      }
    };
    await Promise.all([writer(0), writer(1)]);

    const check = testDb.db.fork();
    for (const run of runs) {
      expect(await check.count(EpochMetric, { run: run.id })).toBe(EPOCHS);
      expect((await check.findOneOrFail(Run, run.id)).currentEpoch).toBe(EPOCHS);
    }
    const made = await check.find(Dataset, { name: { $like: 'fork %' } });
    expect(made).toHaveLength(2 * EPOCHS);
    expect(made.every((d) => d.recordCount === Number(d.name.split('#')[1]))).toBe(true);
  });
});

// A second SQLite connection in another thread, as a worker-thread job holding its own
// connection would have. Plain JS on the libsql driver, so the worker needs no TS loader.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.libsql);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
db.exec('BEGIN IMMEDIATE');
db.prepare('UPDATE dataset SET record_count = record_count + 1 WHERE id = ?').run(workerData.id);
parentPort.postMessage('locked');
sleep(workerData.holdMs); // keeps the write lock, blocking only this thread
db.exec('COMMIT');
db.close();
parentPort.postMessage('released');
`;

describe('a writer on another connection', () => {
  test('holding the write lock makes us wait (busy_timeout), not fail with SQLITE_BUSY', async () => {
    const em = testDb.db.fork();
    const dataset = new Dataset(testProject(), 'contended', 'variants');
    em.persist(dataset);
    await em.flush();

    const require = createRequire(import.meta.url);
    const file = join(testDb.dataDir, 'strand.db');
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { libsql: require.resolve('libsql'), file, id: dataset.id, holdMs: 300 },
    });
    const messages: string[] = [];
    const released = new Promise<void>((resolve, reject) => {
      worker.on('message', (m: string) => {
        messages.push(m);
        if (m === 'released') resolve();
      });
      worker.on('error', reject);
    });
    await new Promise<void>((resolve) => worker.once('message', () => resolve()));

    // Control: a connection without a busy timeout fails at once while the lock is held.
    const Database = require('libsql') as new (path: string) => {
      exec(sql: string): void;
      close(): void;
    };
    const impatient = new Database(file);
    expect(() => impatient.exec('BEGIN IMMEDIATE')).toThrow(/database is locked|SQLITE_BUSY/);
    impatient.close();

    // Ours waits for the lock and then commits.
    const other = testDb.db.fork();
    other.persist(new Dataset(testProject(), 'written while locked', 'expression'));
    await other.flush();
    await released;
    await worker.terminate();

    const check = testDb.db.fork();
    expect(messages).toEqual(['locked', 'released']);
    expect((await check.findOneOrFail(Dataset, dataset.id)).recordCount).toBe(1);
    expect(await check.count(Dataset, { name: 'written while locked' })).toBe(1);
  });
});
