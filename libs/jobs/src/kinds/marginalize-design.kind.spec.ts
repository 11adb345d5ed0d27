import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dataset, Job, ModelArtifact, Run } from '@strand/data';
import type { JsonObject, StrandDatabase } from '@strand/data';
import { createTestDatabase, saveTestProject } from '@strand/data/testing';
import { BUNDLED_MOTIFS, createRng } from '@strand/genomics';
import {
  designSequence,
  initBackend,
  loadModel,
  marginalizeMotifs,
  motifToInsert,
} from '@strand/models';
import { importDataset } from '../datasets/import-dataset.ts';
import { createEventBus } from '../events/event-bus.ts';
import type { JobProgressEvent } from '../events/event-bus.ts';
import { saveTinyModel } from '../scoring/testing/scoring-fixtures.ts';
import { Jobs } from '../strand-jobs.ts';

const WIDTH = 40;
let db: StrandDatabase;
let cleanup: () => Promise<void>;
let dir: string;
let projectId: string;
let datasetId: string;
let runId: string;
let modelDir: string;
let jobs: Jobs;
const bus = createEventBus();
const rng = createRng(3);
const randomSequence = () => Array.from({ length: WIDTH }, () => 'ACGT'[rng.int(4)]).join('');
const sequences = Array.from({ length: 30 }, randomSequence);

beforeAll(async () => {
  // The worker's backend, so that predictions made here are the job's to the last bit.
  await initBackend();
  ({ db, cleanup } = await createTestDatabase());
  dir = await mkdtemp(join(tmpdir(), 'strand-md-jobs-'));
  const table = join(dir, 'seqs.tsv');
  const rows = sequences.map((s, i) => `s${i}\t${i % 2}\t${s}`);
  await writeFile(table, `id\tlabel\tsequence\n${rows.join('\n')}\n`);
  const em = db.fork();
  projectId = await saveTestProject(em);
  const imported = await importDataset(em, db.artifacts, {
    projectId,
    kind: 'sequence-classification',
    path: table,
  });
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  datasetId = imported.value.id;
  const dataset = await em.findOneOrFail(Dataset, datasetId);
  const run = new Run(dataset.project, dataset, 'deepbind', {}, 2, 2, 64, 0.01);
  run.status = 'SUCCEEDED';
  em.persist(run);
  const path = `models/${run.id}`;
  modelDir = db.artifacts.resolve(path);
  await saveTinyModel(modelDir, WIDTH);
  em.persist(new ModelArtifact(run, path, 'tfjs-layers', await db.artifacts.sizeOf(path)));
  await em.flush();
  runId = run.id;
  jobs = new Jobs(db, bus);
}, 60_000);
afterAll(async () => {
  await jobs?.close();
  await cleanup?.();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function start(kind: 'MARGINALIZE' | 'DESIGN', params: JsonObject) {
  return jobs.startJob(db.fork(), { projectId, kind, params: { runId, ...params } });
}

/** Starts a job and collects its progress events until the last. */
async function run(kind: 'MARGINALIZE' | 'DESIGN', params: JsonObject) {
  const outcome = await start(kind, params);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  const events: JobProgressEvent[] = [];
  for await (const event of bus.subscribe('JOB_PROGRESS', outcome.value.id)) {
    events.push(event);
    if (event.done) break;
  }
  return { job: await db.fork().findOneOrFail(Job, outcome.value.id), events };
}

const codes = async (kind: 'MARGINALIZE' | 'DESIGN', params: JsonObject) => {
  const outcome = await start(kind, params);
  return outcome.ok ? [] : outcome.errors.map((e) => [e.field, e.code]);
};

describe('MARGINALIZE job', () => {
  it('refuses bad inputs before queueing, each at its field', async () => {
    const before = await db.fork().count(Job, {});
    expect(await codes('MARGINALIZE', { datasetId, motif: 'NOPE_FACTOR' })).toEqual([
      ['motif', 'UNKNOWN_MOTIF'],
    ]);
    expect(
      await codes('MARGINALIZE', {
        datasetId,
        motif: 'CTCF',
        backgrounds: 0,
        minSpacing: 2,
        positionStep: 0,
      }),
    ).toEqual([
      ['backgrounds', 'OUT_OF_RANGE'],
      ['positionStep', 'OUT_OF_RANGE'],
      ['minSpacing', 'NEEDS_SECOND_MOTIF'],
    ]);
    // CTCF (19 bases) + 30 + GATA1 does not fit in 40; neither does CTCF at 30.
    expect(
      await codes('MARGINALIZE', {
        datasetId,
        motif: 'CTCF',
        position: 30,
        secondMotif: 'GATA1',
        maxSpacing: 30,
      }),
    ).toEqual([
      ['position', 'OUT_OF_RANGE'],
      ['maxSpacing', 'OUT_OF_RANGE'],
    ]);
    expect(await codes('MARGINALIZE', { datasetId, secondMotif: 'A', maxSpacing: 500 })).toEqual(
      expect.arrayContaining([
        ['motif', 'INVALID_MOTIF'],
        ['maxSpacing', 'OUT_OF_RANGE'],
      ]),
    );
    expect(await codes('MARGINALIZE', { datasetId: 'nope', motif: 'ACGT' })).toEqual([
      ['datasetId', 'NOT_FOUND'],
    ]);
    expect(await db.fork().count(Job, {})).toBe(before);
  });

  it('stores what marginalizeMotifs gives on the same records, with progress per measurement', async () => {
    const { job, events } = await run('MARGINALIZE', {
      datasetId,
      label: '1',
      motif: 'acg',
      positionStep: 10,
      secondMotif: 'ctcf',
      minSpacing: 0,
      maxSpacing: 3,
      ablate: true,
      backgrounds: 12,
    });
    expect(job.status).toBe('SUCCEEDED');
    const { model } = await loadModel(modelDir);
    const expected = marginalizeMotifs(
      model,
      sequences.filter((_, i) => i % 2 === 1).slice(0, 12),
      {
        motif: motifToInsert('ACG', BUNDLED_MOTIFS)!,
        positions: [0, 10, 20, 30],
        second: motifToInsert('CTCF', BUNDLED_MOTIFS)!,
        spacings: [0, 1, 2, 3],
        ablate: true,
        backgrounds: 12,
      },
    );
    model.dispose();
    expect(job.result).toMatchObject({ sequences: 12, ...expected });
    expect(expected.spacings).toHaveLength(4);
    expect(expected.effect.n).toBe(12);
    // ACG or its reverse complement CGT lies in most random 40-mers: their match is shuffled.
    expect(expected.ablation!.ablated).toBeGreaterThan(6);
    const progress = events.map((e) => [e.progress.done, e.progress.total]);
    // The motif alone, 4 starts, 4 spacings, the ablation.
    expect(progress).toContainEqual([10, 10]);
    expect(expected.positions!.map((p) => p.position)).toEqual([0, 10, 20, 30]);
    expect(events.find((e) => e.progress.unit === 'measurements')).toBeDefined();
  });

  it('fails, naming the label, when no record has it', async () => {
    const { job } = await run('MARGINALIZE', { datasetId, label: 'maybe', motif: 'ACGTACGT' });
    expect(job.status).toBe('FAILED');
    expect(job.error).toContain('the dataset has no label "maybe"');
  });
});

describe('DESIGN job', () => {
  it('refuses bad inputs before queueing, each at its field', async () => {
    const start = sequences[0] as string;
    expect(
      await codes('DESIGN', {
        sequence: start,
        method: 'annealing',
        maxEdits: 51,
        gcMin: 0.8,
        gcMax: 0.2,
      }),
    ).toEqual([
      ['method', 'INVALID_METHOD'],
      ['maxEdits', 'OUT_OF_RANGE'],
      ['gcMax', 'OUT_OF_RANGE'],
    ]);
    expect(await codes('DESIGN', { sequence: `${start.slice(0, 10)}N${start.slice(11)}` })).toEqual(
      [['sequence', 'INVALID_SEQUENCE']],
    );
    expect(await codes('DESIGN', { sequence: start.slice(1) })).toEqual([
      ['sequence', 'WRONG_LENGTH'],
    ]);
    expect(await codes('DESIGN', { sequence: start, fixedPositions: [3, 40] })).toEqual([
      ['fixedPositions[1]', 'OUT_OF_RANGE'],
    ]);
  });

  it('stores the trajectory designSequence gives, within the constraints', async () => {
    const start = sequences[1] as string;
    const options = {
      method: 'beam',
      maxEdits: 4,
      beamWidth: 2,
      fixedPositions: [0, 1, 2, 3, 4],
      gcMin: 0.3,
      gcMax: 0.7,
    };
    const { job, events } = await run('DESIGN', { sequence: start.toLowerCase(), ...options });
    expect(job.status).toBe('SUCCEEDED');
    const { model } = await loadModel(modelDir);
    const expected = designSequence(model, start, {
      method: 'beam',
      maxEdits: 4,
      beamWidth: 2,
      fixed: [0, 1, 2, 3, 4],
      gc: [0.3, 0.7],
    });
    model.dispose();
    expect(job.result).toMatchObject({ target: 'logit', ...expected });
    const result = job.result as unknown as typeof expected;
    expect(result.best.edits.length).toBeLessThanOrEqual(4);
    expect(result.best.edits.every((e) => e.position > 4)).toBe(true);
    expect(result.trajectory[0]!.sequence).toBe(start);
    expect(events.some((e) => e.progress.unit === 'steps')).toBe(true);
  });

  it('stops when cancelled', async () => {
    const outcome = await start('DESIGN', {
      sequence: sequences[2] as string,
      method: 'evolution',
      population: 200,
      generations: 500,
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const id = outcome.value.id;
    let last: JobProgressEvent | undefined;
    let asked = false;
    for await (const event of bus.subscribe('JOB_PROGRESS', id)) {
      last = event;
      if (event.done) break;
      if (!asked && event.progress.unit === 'steps' && event.progress.done >= 1) {
        asked = true;
        const cancelled = await jobs.cancelJob(db.fork(), id);
        expect(cancelled.ok).toBe(true);
      }
    }
    expect(last?.status).toBe('CANCELLED');
    const job = await db.fork().findOneOrFail(Job, id);
    expect(job.status).toBe('CANCELLED');
    expect(job.result).toBeNull();
  }, 30_000);
});
