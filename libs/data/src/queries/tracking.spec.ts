import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Dataset } from '../entities/dataset.entity.ts';
import { EpochMetric } from '../entities/epoch-metric.entity.ts';
import { Job } from '../entities/job.entity.ts';
import { ModelArtifact } from '../entities/model-artifact.entity.ts';
import { ModelVersion } from '../entities/model-version.entity.ts';
import { Run } from '../entities/run.entity.ts';
import { createTestDatabase, testProject } from '../testing.ts';
import type { TestDatabase } from '../testing.ts';
import { compareRuns } from './compare-runs.ts';
import { datasetDerived } from './dataset-derived.ts';
import {
  aliasesOf,
  findModelVersion,
  registerModelVersion,
  setModelAlias,
} from './model-registry.ts';
import { paginate } from './paginate.ts';
import { runNotes, setRunNote } from './run-note.ts';
import { MAX_RUN_TAGS, runTags, tagRun, untagRun } from './run-tags.ts';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.cleanup());

async function newRun(
  options: { status?: Run['status']; artifact?: boolean; config?: object } = {},
): Promise<Run> {
  const em = testDb.db.fork();
  const project = testProject();
  const run = new Run(
    project,
    new Dataset(project, 'd', 'sequence-classification'),
    'deepbind',
    { filters: 16, ...options.config },
    1,
    2,
    32,
    0.001,
  );
  run.status = options.status ?? 'SUCCEEDED';
  em.persist(run);
  if (options.artifact ?? true)
    em.persist(new ModelArtifact(run, `models/${run.id}`, 'tfjs-layers', 10));
  await em.flush();
  return run;
}

describe('tags and notes', () => {
  test('tags are normalised, kept once, removable, and limited in count and form', async () => {
    const em = testDb.db.fork();
    const run = await newRun();
    expect(await tagRun(em, run, ['Best Run', 'best-run', 'lr:0.001'])).toEqual([
      'best-run',
      'lr:0.001',
    ]);
    expect(await untagRun(em, run, ['BEST RUN', 'unknown'])).toEqual(['lr:0.001']);
    expect((await runTags(em, [run.id])).get(run.id)).toEqual(['lr:0.001']);
    await expect(tagRun(em, run, ['a b!'])).rejects.toMatchObject({
      code: 'BAD_TAG',
      field: 'tags',
      message:
        'tag "a b!" may only hold letters, digits and . _ : / = - (and start with a letter or digit)',
    });
    await expect(tagRun(em, run, ['x'.repeat(41)])).rejects.toMatchObject({
      message: `tag "${'x'.repeat(41)}" is longer than 40 characters`,
    });
    const many = Array.from({ length: MAX_RUN_TAGS }, (_, i) => `t${i}`);
    await expect(tagRun(em, run, many)).rejects.toMatchObject({
      code: 'TOO_MANY_TAGS',
      message: `run ${run.id} would have 21 tags; at most 20 are allowed`,
    });
    expect((await runTags(testDb.db.fork(), [run.id])).get(run.id)).toEqual(['lr:0.001']);
  });

  test('a note is set, replaced, removed by a blank one, and limited in length', async () => {
    const em = testDb.db.fork();
    const run = await newRun();
    expect(await setRunNote(em, run, '  first try ')).toBe('first try');
    expect(await setRunNote(em, run, 'second')).toBe('second');
    expect((await runNotes(testDb.db.fork(), [run.id])).get(run.id)).toBe('second');
    expect(await setRunNote(em, run, '   ')).toBeNull();
    expect((await runNotes(testDb.db.fork(), [run.id])).has(run.id)).toBe(false);
    await expect(setRunNote(em, run, 'x'.repeat(10_001))).rejects.toMatchObject({
      code: 'NOTE_TOO_LONG',
      message: 'note is 10001 characters long; at most 10000 are allowed',
    });
  });
});

describe('model registry', () => {
  test('numbers versions per name and project; aliases move atomically', async () => {
    const em = testDb.db.fork();
    const run = await newRun();
    const v1 = await registerModelVersion(em, run, 'ctcf');
    const v2 = await registerModelVersion(em, run, 'ctcf');
    const other = await registerModelVersion(em, run, 'other');
    const elsewhere = await registerModelVersion(em, await newRun(), 'ctcf');
    expect([v1.version, v2.version, other.version, elsewhere.version]).toEqual([1, 2, 1, 1]);

    const projectId = run.project.id;
    await setModelAlias(em, projectId, 'ctcf', 'production', 1);
    await setModelAlias(em, projectId, 'ctcf', 'candidate', 2);
    expect((await aliasesOf(em, [v1.id, v2.id])).get(v2.id)).toEqual(['candidate']);
    await setModelAlias(em, projectId, 'ctcf', 'production', 2);
    const read = testDb.db.fork();
    expect((await aliasesOf(read, [v1.id, v2.id])).get(v2.id)).toEqual(['candidate', 'production']);
    expect((await aliasesOf(read, [v1.id])).has(v1.id)).toBe(false);
    const found = await findModelVersion(read, [projectId], 'ctcf', { alias: 'production' });
    expect(found?.id).toBe(v2.id);
    expect((await findModelVersion(read, [projectId], 'ctcf', { version: 1 }))?.id).toBe(v1.id);
    expect(await findModelVersion(read, ['x'], 'ctcf', { version: 1 })).toBeNull();
    await expect(setModelAlias(em, projectId, 'ctcf', 'production', 9)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'model "ctcf" has no version 9',
    });
    await expect(setModelAlias(em, projectId, 'ctcf', '1', 1)).rejects.toMatchObject({
      code: 'BAD_ALIAS',
    });
  });

  test('concurrent registrations of one name get distinct numbers', async () => {
    const run = await newRun();
    const versions = await Promise.all(
      Array.from({ length: 5 }, () => registerModelVersion(testDb.db.fork(), run, 'race')),
    );
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  test('only a SUCCEEDED run with a stored model can be registered', async () => {
    const em = testDb.db.fork();
    const failed = await newRun({ status: 'FAILED' });
    await expect(registerModelVersion(em, failed, 'm')).rejects.toMatchObject({
      code: 'RUN_NOT_SUCCEEDED',
      message: `run ${failed.id} is FAILED; only a SUCCEEDED run can be registered`,
    });
    const bare = await newRun({ artifact: false });
    await expect(registerModelVersion(em, bare, 'm')).rejects.toMatchObject({
      code: 'NO_MODEL_ARTIFACT',
      message: `run ${bare.id} stored no model`,
    });
    await expect(registerModelVersion(em, bare, 'bad name')).rejects.toMatchObject({
      code: 'BAD_MODEL_NAME',
    });
  });
});

describe('compareRuns and datasetDerived', () => {
  test('aligns histories by epoch with nulls, and lists only differing parameters', async () => {
    const em = testDb.db.fork();
    const a = await newRun({ config: { dropout: 0.1 } });
    const b = await newRun({ config: { filters: 32 } });
    em.persist([
      new EpochMetric(a, 1, { loss: 0.9, val_auroc: 0.6 }, 1, 1),
      new EpochMetric(a, 2, { loss: 0.5, val_auroc: 0.7 }, 1, 1),
      new EpochMetric(b, 1, { loss: 0.8 }, 1, 1),
    ]);
    await em.flush();
    const result = await compareRuns(em, [a, b]);
    expect(result).toEqual({
      metrics: ['loss', 'val_auroc'],
      epochs: [
        { epoch: 1, values: { loss: [0.9, 0.8], val_auroc: [0.6, null] } },
        { epoch: 2, values: { loss: [0.5, null], val_auroc: [0.7, null] } },
      ],
      params: [
        { name: 'dataset', values: [JSON.stringify(a.dataset.id), JSON.stringify(b.dataset.id)] },
        { name: 'config.dropout', values: ['0.1', null] },
        { name: 'config.filters', values: ['16', '32'] },
      ],
    });
  });

  test('datasetDerived pages the runs on a dataset and their model versions', async () => {
    const em = testDb.db.fork();
    const run = await newRun();
    const version = await registerModelVersion(em, run, 'derived');
    const derived = datasetDerived(run.dataset.id);
    const runs = await paginate(em, Run, { where: derived.runs });
    expect(runs.items.map((r) => r.id)).toEqual([run.id]);
    const versions = await paginate(em, ModelVersion, { where: derived.modelVersions });
    expect(versions.items.map((v) => v.id)).toEqual([version.id]);
    expect((await paginate(em, Job, { where: derived.jobs })).totalCount).toBe(0);
  });
});
