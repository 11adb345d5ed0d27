import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRun } from '../testing/seed-run.ts';
import { startTestServer } from '../testing/test-server.ts';
import type { TestServer } from '../testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

interface Answer {
  runs: {
    edges: {
      node: {
        id: string;
        bestEpoch: {
          monitor: string;
          mode: string;
          epoch: number;
          metrics: { name: string; value: number }[];
        } | null;
      };
    }[];
  };
}

describe('Run.bestEpoch', () => {
  it('is the epoch of lowest val_loss (loss without validation) for every run of a list', async () => {
    const projectId = server.defaultProjectId;
    const overfit = await seedRun(server.db, {
      projectId,
      history: [
        { loss: 0.9, val_loss: 0.7, val_auroc: 0.7 },
        { loss: 0.5, val_loss: 0.4, val_auroc: 0.85 },
        { loss: 0.2, val_loss: 0.6, val_auroc: 0.8 },
      ],
    });
    const noValidation = await seedRun(server.db, {
      projectId,
      history: [{ loss: 0.9 }, { loss: 0.3 }, { loss: 0.4 }, { loss: 0.5 }],
    });
    const queued = await seedRun(server.db, { projectId, status: 'QUEUED', history: [] });
    const answer = await server.request<Answer>(
      `{ runs(first: 10) { edges { node { id bestEpoch { monitor mode epoch metrics { name value } } } } } }`,
    );
    expect(answer.errors).toBeUndefined();
    const byId = new Map(answer.data!.runs.edges.map((e) => [e.node.id, e.node.bestEpoch]));
    expect(byId.get(overfit.runId)).toEqual({
      monitor: 'val_loss',
      mode: 'min',
      epoch: 2,
      metrics: [
        { name: 'loss', value: 0.5 },
        { name: 'val_loss', value: 0.4 },
        { name: 'val_auroc', value: 0.85 },
      ],
    });
    expect(byId.get(noValidation.runId)).toMatchObject({ monitor: 'loss', epoch: 2 });
    expect(byId.get(queued.runId)).toBeNull();
  });
});
