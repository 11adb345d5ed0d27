import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Dataset } from '../entities/dataset.entity.ts';
import type { Project } from '../entities/project.entity.ts';
import { Run } from '../entities/run.entity.ts';
import { createTestDatabase, testProject } from '../testing.ts';
import type { TestDatabase } from '../testing.ts';
import { findRuns } from './find-runs.ts';
import type { FindRunsOptions } from './find-runs.ts';
import { tagRun } from './run-tags.ts';

let testDb: TestDatabase;
let project: Project;
let other: Project;
const ids: Record<string, string> = {};

// name, architecture, learningRate, config.filters, val_auroc (null: none), status
const RUNS = [
  ['a', 'deepbind', 0.001, 16, 0.8, 'SUCCEEDED'],
  ['b', 'deepbind', 0.01, 32, 0.9, 'SUCCEEDED'],
  ['c', 'basset', 0.001, 16, null, 'FAILED'],
  ['d', 'basset', 0.001, 64, 0.8, 'SUCCEEDED'],
  ['e', 'deepbind', 0.0005, 16, 0.7, 'RUNNING'],
  ['f', 'deepbind', 0.001, 32, null, 'QUEUED'],
] as const;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const em = testDb.db.fork();
  project = testProject();
  other = testProject('other');
  const dataset = new Dataset(project, 'd', 'sequence-classification');
  const start = Date.UTC(2026, 0, 1);
  RUNS.forEach(([name, arch, lr, filters, auroc, status], i) => {
    const run = new Run(project, dataset, arch, { filters }, i, 3, 32, lr);
    run.status = status;
    run.finalMetrics = auroc === null ? { loss: 1 } : { loss: 1, val_auroc: auroc };
    run.createdAt = new Date(start + i * 1000);
    ids[name] = run.id;
    em.persist(run);
  });
  const foreign = new Run(other, new Dataset(other, 'x', 'variants'), 'deepbind', {}, 1, 1, 1, 1);
  foreign.finalMetrics = { val_auroc: 1 };
  em.persist(foreign);
  await em.flush();
  await tagRun(em, (await em.findOneOrFail(Run, ids.a))!, ['Baseline', 'motif']);
  await tagRun(em, (await em.findOneOrFail(Run, ids.d))!, ['baseline']);
});
afterAll(() => testDb.cleanup());

const names = (runs: Run[]) => runs.map((r) => Object.keys(ids).find((k) => ids[k] === r.id));

async function all(options: Omit<FindRunsOptions, 'projectIds'>, first = 2): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await findRuns(testDb.db.fork(), {
      ...options,
      projectIds: [project.id],
      first,
      after,
    });
    seen.push(...(names(page.items) as string[]));
    expect(page.hasPreviousPage).toBe(after !== null);
    if (!page.hasNextPage) return seen;
    after = page.endCursor;
  }
}

describe('findRuns', () => {
  test('newest first by default, only the given projects, paged without repeats', async () => {
    expect(await all({})).toEqual(['f', 'e', 'd', 'c', 'b', 'a']);
    expect(await all({ orderBy: { by: 'createdAt', direction: 'ASC' } }, 4)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
    ]);
  });

  test('by a final metric, both ways, runs without it last, ties newest first', async () => {
    const desc = { by: 'metric', metric: 'val_auroc', direction: 'DESC' } as const;
    expect(await all({ orderBy: desc })).toEqual(['b', 'd', 'a', 'e', 'f', 'c']);
    expect(await all({ orderBy: desc }, 1)).toEqual(['b', 'd', 'a', 'e', 'f', 'c']);
    expect(await all({ orderBy: { ...desc, direction: 'ASC' } }, 3)).toEqual([
      'e',
      'd',
      'a',
      'b',
      'f',
      'c',
    ]);
  });

  test('by a run column, both ways, ties newest first, across pages', async () => {
    const lr = { by: 'column', column: 'learningRate', direction: 'ASC' } as const;
    // e 0.0005; a c d f 0.001 (newest first); b 0.01
    expect(await all({ orderBy: lr }, 1)).toEqual(['e', 'f', 'd', 'c', 'a', 'b']);
    expect(await all({ orderBy: { ...lr, direction: 'DESC' } }, 2)).toEqual([
      'b',
      'f',
      'd',
      'c',
      'a',
      'e',
    ]);
    const status = { by: 'column', column: 'status', direction: 'ASC' } as const;
    expect(await all({ orderBy: status }, 4)).toEqual(['c', 'f', 'e', 'd', 'b', 'a']);
    const arch = { by: 'column', column: 'architecture', direction: 'DESC' } as const;
    expect(await all({ orderBy: arch }, 2)).toEqual(['f', 'e', 'b', 'a', 'd', 'c']);
  });

  test('filters by status, architecture, tag (normalised) and a parameter, combined', async () => {
    expect(await all({ filter: { statuses: ['SUCCEEDED', 'FAILED'] } })).toEqual([
      'd',
      'c',
      'b',
      'a',
    ]);
    expect(await all({ filter: { architecture: 'basset' } })).toEqual(['d', 'c']);
    expect(await all({ filter: { tag: ' BASELINE ' } })).toEqual(['d', 'a']);
    expect(await all({ filter: { tag: 'nothing' } })).toEqual([]);
    expect(await all({ filter: { param: { name: 'learningRate', value: '0.001' } } })).toEqual([
      'f',
      'd',
      'c',
      'a',
    ]);
    expect(await all({ filter: { param: { name: 'filters', value: '16' } } })).toEqual([
      'e',
      'c',
      'a',
    ]);
    const page = await findRuns(testDb.db.fork(), {
      projectIds: [project.id],
      filter: { architecture: 'deepbind', param: { name: 'filters', value: '32' } },
      orderBy: { by: 'metric', metric: 'val_auroc', direction: 'DESC' },
    });
    expect(names(page.items)).toEqual(['b', 'f']);
    expect(page.totalCount).toBe(2);
  });

  test('refuses a cursor of another order, and bad names, with exact messages', async () => {
    const em = testDb.db.fork();
    const first = await findRuns(em, { projectIds: [project.id], first: 1 });
    await expect(
      findRuns(em, {
        projectIds: [project.id],
        after: first.endCursor,
        orderBy: { by: 'metric', metric: 'val_auroc', direction: 'DESC' },
      }),
    ).rejects.toMatchObject({
      code: 'BAD_CURSOR',
      message: `cursor "${first.endCursor!.slice(0, 100)}…" was made for another orderBy (createdAt:DESC); start again without it`,
    });
    await expect(
      findRuns(em, {
        projectIds: [project.id],
        orderBy: { by: 'metric', metric: "x') or 1=1 --", direction: 'DESC' },
      }),
    ).rejects.toMatchObject({
      code: 'BAD_RUN_FILTER',
      field: 'orderBy.metric',
      message: `"x') or 1=1 --" is not a metric or parameter name (letters, digits and _, at most 64)`,
    });
    await expect(
      findRuns(em, {
        projectIds: [project.id],
        orderBy: { by: 'column', column: 'config' as 'seed', direction: 'ASC' },
      }),
    ).rejects.toMatchObject({
      code: 'BAD_RUN_FILTER',
      message: 'runs cannot be sorted by "config"',
    });
    await expect(
      findRuns(em, {
        projectIds: [project.id],
        filter: { param: { name: 'epochs', value: 'many' } },
      }),
    ).rejects.toMatchObject({
      code: 'BAD_RUN_FILTER',
      message: 'parameter epochs is a number; "many" is not',
    });
  });
});
