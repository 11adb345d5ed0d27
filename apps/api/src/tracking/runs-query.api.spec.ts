import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRun } from '../testing/seed-run.ts';
import { startTestServer } from '../testing/test-server.ts';
import type { TestServer } from '../testing/test-server.ts';

let server: TestServer;
const ids: Record<string, string> = {};

const RUNS = `query ($first: Int, $after: String, $filter: RunFilterInput, $orderBy: RunOrderInput) {
  runs(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    edges { node { id } } totalCount pageInfo { hasNextPage hasPreviousPage endCursor } } }`;

interface RunsPage {
  runs: {
    edges: { node: { id: string } }[];
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
}

beforeAll(async () => {
  server = await startTestServer();
  const projectId = server.defaultProjectId;
  const t0 = Date.UTC(2026, 5, 1);
  const seeds = [
    ['a', 'deepbind', 0.001, 0.8, 'SUCCEEDED'],
    ['b', 'deepbind', 0.01, 0.95, 'SUCCEEDED'],
    ['c', 'basset', 0.001, null, 'FAILED'],
    ['d', 'basset', 0.001, 0.8, 'SUCCEEDED'],
  ] as const;
  for (const [i, [name, architecture, learningRate, auroc, status]] of seeds.entries()) {
    const history = auroc === null ? [{ loss: 1 }] : [{ loss: 1, val_auroc: auroc }];
    const seeded = await seedRun(server.db, {
      projectId,
      architecture,
      learningRate,
      status,
      history,
      createdAt: new Date(t0 + i * 1000),
    });
    ids[name] = seeded.runId;
  }
  await server.request(
    `mutation ($id: ID!) { tagRun(runId: $id, tags: ["keep"]) { userErrors { code } } }`,
    {
      id: ids.d,
    },
  );
});
afterAll(async () => {
  await server?.stop();
});

const named = (page: RunsPage) =>
  page.runs.edges.map((e) => Object.keys(ids).find((k) => ids[k] === e.node.id));

async function walk(variables: Record<string, unknown>, first: number): Promise<unknown[]> {
  const seen: unknown[] = [];
  let after: string | null = null;
  for (;;) {
    const res: { data?: RunsPage; errors?: unknown } = await server.request<RunsPage>(RUNS, {
      ...variables,
      first,
      after,
    });
    expect(res.errors).toBeUndefined();
    seen.push(...named(res.data!));
    expect(res.data!.runs.pageInfo.hasPreviousPage).toBe(after !== null);
    if (!res.data!.runs.pageInfo.hasNextPage) return seen;
    after = res.data!.runs.pageInfo.endCursor;
  }
}

describe('runs: filtering and sorting', () => {
  it('sorts by a final metric, pages through it with cursors, runs without it last', async () => {
    const orderBy = { metric: 'val_auroc', direction: 'DESC' };
    expect(await walk({ orderBy }, 1)).toEqual(['b', 'd', 'a', 'c']);
    expect(await walk({ orderBy: { ...orderBy, direction: 'ASC' } }, 3)).toEqual([
      'd',
      'a',
      'b',
      'c',
    ]);
    expect(await walk({ orderBy: { direction: 'ASC' } }, 2)).toEqual(['a', 'b', 'c', 'd']);
    expect(await walk({}, 3)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('sorts by a run column both ways, ties newest first, paging with cursors', async () => {
    const orderBy = { field: 'LEARNING_RATE', direction: 'DESC' };
    expect(await walk({ orderBy }, 1)).toEqual(['b', 'd', 'c', 'a']);
    expect(await walk({ orderBy: { ...orderBy, direction: 'ASC' } }, 2)).toEqual([
      'd',
      'c',
      'a',
      'b',
    ]);
    expect(await walk({ orderBy: { field: 'STATUS', direction: 'ASC' } }, 3)).toEqual([
      'c',
      'd',
      'b',
      'a',
    ]);
    const both = await server.request<RunsPage>(RUNS, {
      orderBy: { field: 'SEED', metric: 'val_auroc' },
    });
    expect(both.errors?.[0]).toMatchObject({
      message: 'orderBy: give metric or field, not both',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('filters by status, architecture, tag and parameter', async () => {
    const page = async (filter: object) =>
      named((await server.request<RunsPage>(RUNS, { filter })).data!);
    expect(await page({ status: ['SUCCEEDED'] })).toEqual(['d', 'b', 'a']);
    expect(await page({ architecture: 'basset' })).toEqual(['d', 'c']);
    expect(await page({ tag: 'KEEP' })).toEqual(['d']);
    expect(await page({ param: { name: 'learningRate', value: '0.001' } })).toEqual([
      'd',
      'c',
      'a',
    ]);
    expect(
      await page({ architecture: 'deepbind', param: { name: 'learningRate', value: '0.001' } }),
    ).toEqual(['a']);
  });

  it('a cursor of another order, or a bad metric name, is BAD_USER_INPUT', async () => {
    const first = await server.request<RunsPage>(RUNS, { first: 1 });
    const cursor = first.data!.runs.pageInfo.endCursor!;
    const res = await server.request<RunsPage>(RUNS, {
      after: cursor,
      orderBy: { metric: 'val_auroc' },
    });
    expect(res.errors).toEqual([
      expect.objectContaining({
        message: `cursor "${cursor.slice(0, 100)}…" was made for another orderBy (createdAt:DESC); start again without it`,
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
    const bad = await server.request<RunsPage>(RUNS, { orderBy: { metric: 'a.b' } });
    expect(bad.errors?.[0]).toMatchObject({
      message: '"a.b" is not a metric or parameter name (letters, digits and _, at most 64)',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
