/**
 * Fair use of the workers: STRAND_PROJECT_RUNNING_LIMIT. A project at its running limit waits
 * for its own runs, not for a free slot: its next run is held back (embedded: the in-process
 * queue; against a cluster: BullMQ's delayed set) while the slots stay free for others. Training
 * runs are TRAIN jobs, listed with the other jobs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../testing/test-server.ts';
import type { TestServer } from '../testing/test-server.ts';

const START = /* GraphQL */ `
  mutation ($input: StartTrainingInput!) {
    startTraining(input: $input) {
      run {
        id
      }
      userErrors {
        message
      }
    }
  }
`;
const STATUSES = /* GraphQL */ `
  query ($a: ID!, $b: ID!) {
    a: run(id: $a) {
      status
    }
    b: run(id: $b) {
      status
    }
    jobs(kind: TRAIN) {
      edges {
        node {
          status
          run {
            id
          }
          progress {
            done
            total
            unit
          }
        }
      }
    }
  }
`;

interface Statuses {
  a: { status: string };
  b: { status: string };
  jobs: {
    edges: {
      node: {
        status: string;
        run: { id: string } | null;
        progress: { done: number; total: number | null; unit: string };
      };
    }[];
  };
}

let server: TestServer;
beforeAll(async () => {
  // Two training slots, one running run per project.
  server = await startTestServer({ concurrency: 2, limits: { projectRunningLimit: 1 } });
});
afterAll(async () => {
  await server?.stop();
});

describe("a project's running limit", () => {
  it('runs a project’s two runs one after the other though two slots are free; each is a TRAIN job', async () => {
    const datasetId = await server.demoDataset({ sequences: 120, length: 30, seed: 4 });
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await server.request<{
        startTraining: { run: { id: string } | null; userErrors: { message: string }[] };
      }>(START, {
        input: {
          datasetId,
          architecture: 'deepbind',
          epochs: 3,
          batchSize: 32,
          config: JSON.stringify({ filters: 8, kernelSize: 6, hiddenUnits: 8 }),
        },
      });
      expect(res.errors ?? res.data?.startTraining.userErrors).toEqual([]);
      ids.push(res.data!.startTraining.run!.id);
    }
    let both = 0;
    let last: Statuses | null = null;
    for (let tries = 0; tries < 1200; tries++) {
      const res = await server.request<Statuses>(STATUSES, { a: ids[0], b: ids[1] });
      expect(res.errors).toBeUndefined();
      last = res.data!;
      if (last.a.status === 'RUNNING' && last.b.status === 'RUNNING') both++;
      if ([last.a.status, last.b.status].every((s) => s === 'SUCCEEDED' || s === 'FAILED')) {
        if (last.jobs.edges.every((j) => j.node.status === 'SUCCEEDED')) break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(both).toBe(0);
    expect([last!.a.status, last!.b.status]).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expect(last!.jobs.edges.map(({ node: j }) => [j.run?.id, j.status, j.progress]).sort()).toEqual(
      ids.map((id) => [id, 'SUCCEEDED', { done: 3, total: 3, unit: 'epochs' }]).sort(),
    );
  });
});
