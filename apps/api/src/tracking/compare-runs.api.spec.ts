import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRun } from '../testing/seed-run.ts';
import { startTestServer } from '../testing/test-server.ts';
import type { TestServer } from '../testing/test-server.ts';

let server: TestServer;
let a: string;
let b: string;

const COMPARE = `query ($ids: [ID!]!) { compareRuns(ids: $ids) {
  runs { id } metricNames epochs { epoch metrics { name values } } params { name values } } }`;

beforeAll(async () => {
  server = await startTestServer();
  const projectId = server.defaultProjectId;
  const first = await seedRun(server.db, {
    projectId,
    config: { filters: 16, kernelSize: 12 },
    history: [
      { loss: 0.9, val_auroc: 0.6 },
      { loss: 0.5, val_auroc: 0.75 },
    ],
  });
  a = first.runId;
  b = (
    await seedRun(server.db, {
      projectId,
      datasetId: first.datasetId,
      learningRate: 0.01,
      config: { filters: 32, kernelSize: 12 },
      history: [{ loss: 0.7 }],
    })
  ).runId;
});
afterAll(async () => {
  await server?.stop();
});

describe('compareRuns', () => {
  it('aligns histories by epoch (null where a run has no value) and lists differing params', async () => {
    const res = await server.request(COMPARE, { ids: [a, b] });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      compareRuns: {
        runs: [{ id: a }, { id: b }],
        metricNames: ['loss', 'val_auroc'],
        epochs: [
          {
            epoch: 1,
            metrics: [
              { name: 'loss', values: [0.9, 0.7] },
              { name: 'val_auroc', values: [0.6, null] },
            ],
          },
          {
            epoch: 2,
            metrics: [
              { name: 'loss', values: [0.5, null] },
              { name: 'val_auroc', values: [0.75, null] },
            ],
          },
        ],
        params: [
          { name: 'epochs', values: ['2', '1'] },
          { name: 'learningRate', values: ['0.001', '0.01'] },
          { name: 'config.filters', values: ['16', '32'] },
        ],
      },
    });
  });

  it('an id of no readable run is NOT_FOUND; too many ids is BAD_USER_INPUT', async () => {
    const ghost = '00000000-0000-4000-8000-00000000beef';
    const res = await server.request(COMPARE, { ids: [a, ghost] });
    expect(res.errors?.[0]).toMatchObject({
      message: `no run with id "${ghost}"`,
      extensions: { code: 'NOT_FOUND' },
    });
    const many = Array.from(
      { length: 11 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    const tooMany = await server.request(COMPARE, { ids: many });
    expect(tooMany.errors?.[0]).toMatchObject({
      message: 'ids must name 1–10 different runs; got 11',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
