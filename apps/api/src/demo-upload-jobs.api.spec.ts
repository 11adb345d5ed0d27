/**
 * Issue 18, "nothing heavy on the request thread": createDemoDataset and POST /upload answer
 * with a job at once; the work runs in the job queue, reports progress, can be cancelled, and
 * leaves nothing behind when it is.
 */
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const DEMO = `mutation ($input: CreateDemoDatasetInput!) {
  createDemoDataset(input: $input) { job { id kind status } userErrors { field code message } } }`;
const PROGRESS = `subscription ($id: ID!) {
  jobProgress(jobId: $id) { status done progress { done total unit } } }`;

interface ProgressEvent {
  jobProgress: {
    status: string;
    done: boolean;
    progress: { done: number; total: number | null; unit: string };
  };
}

async function startDemo(input: Record<string, unknown>): Promise<string> {
  const res = await server.request<{
    createDemoDataset: { job: { id: string; kind: string; status: string } | null };
  }>(DEMO, { input });
  expect(res.errors).toBeUndefined();
  const job = res.data!.createDemoDataset.job!;
  expect(job).toMatchObject({ kind: 'CREATE_DEMO_DATASET', status: 'QUEUED' });
  return job.id;
}

const upload = (name: string, body: string) =>
  fetch(`${server.url}/upload?kind=sequence-classification&filename=${name}&name=${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}` },
    body,
  });

const jobStatus = async (id: string) =>
  (
    await server.request<{ job: { status: string } }>(
      `query ($id: ID!) { job(id: $id) { status } }`,
      { id },
    )
  ).data!.job.status;

/** Entries of a directory of the artifact store ([] when it does not exist). */
const entries = (rel: string) => readdir(server.db.artifacts.resolve(rel)).catch(() => []);

const datasetCount = async () =>
  (
    await server.request<{ datasets: { totalCount: number } }>(
      '{ datasets(first: 1) { totalCount } }',
    )
  ).data!.datasets.totalCount;

describe('createDemoDataset as a job', () => {
  it('reports records written of the total, then the dataset is its output', async () => {
    const id = await startDemo({ name: 'demo-job', sequences: 3000, length: 200, seed: 4 });
    const events = await server.subscribe<ProgressEvent>(
      PROGRESS,
      { id },
      (e) => e.jobProgress.done,
    );
    const last = events.at(-1)!.jobProgress;
    expect(last).toMatchObject({
      status: 'SUCCEEDED',
      progress: { done: 3000, total: 3000, unit: 'records' },
    });
    const counts = events.map((e) => e.jobProgress.progress.done);
    expect([...counts].sort((a, b) => a - b)).toEqual(counts);
    const job = await server.waitForJob(id);
    expect(job.outputDataset).toMatchObject({ recordCount: 3000 });
    expect(JSON.parse(job.result!)).toMatchObject({
      datasetId: job.outputDataset!.id,
      records: 3000,
      checksum: job.outputDataset!.checksum,
    });
    const dataset = await server.request<{ dataset: { name: string; status: string } }>(
      'query ($id: ID!) { dataset(id: $id) { name status } }',
      { id: job.outputDataset!.id },
    );
    expect(dataset.data!.dataset).toEqual({ name: 'demo-job', status: 'READY' });
  });

  it('refuses a request that cannot succeed before queueing anything', async () => {
    const jobsBefore = (
      await server.request<{ jobs: { totalCount: number } }>('{ jobs(first: 1) { totalCount } }')
    ).data!.jobs.totalCount;
    const res = await server.request<{
      createDemoDataset: { job: null; userErrors: { field: string; code: string }[] };
    }>(DEMO, { input: { sequences: 200_000, length: 10_000 } });
    expect(res.data!.createDemoDataset).toMatchObject({
      job: null,
      userErrors: [{ field: 'sequences', code: 'OUT_OF_RANGE' }],
    });
    const jobsAfter = (
      await server.request<{ jobs: { totalCount: number } }>('{ jobs(first: 1) { totalCount } }')
    ).data!.jobs.totalCount;
    expect(jobsAfter).toBe(jobsBefore);
  });
});

describe('uploads and demo generation beside requests', () => {
  it(
    'while a big demo generates: /health answers, an upload answers 202 at once and waits; a cancelled demo leaves nothing, then the upload imports',
    { timeout: 120_000 },
    async () => {
      const before = await datasetCount();
      // At the cap (200,000,000 bases): seconds of generating, on this process's event loop.
      const demo = await startDemo({ sequences: 20_000, length: 10_000, seed: 2 });
      let worstHealth = 0;
      let probing = true;
      const probe = (async () => {
        while (probing) {
          const t0 = performance.now();
          expect((await fetch(`${server.url}/health`)).status).toBe(200);
          worstHealth = Math.max(worstHealth, performance.now() - t0);
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      // Well into the generation (a few thousand records written).
      await server.subscribe<ProgressEvent>(
        PROGRESS,
        { id: demo },
        (e) => e.jobProgress.done || e.jobProgress.progress.done >= 3000,
      );
      expect(await jobStatus(demo)).toBe('RUNNING');

      const kept = await upload('kept.tsv', 'id\tlabel\tsequence\na\tx\tACGT\nb\ty\tGGCC\n');
      expect(kept.status).toBe(202);
      const keptJob = ((await kept.json()) as { job: { id: string; kind: string; status: string } })
        .job;
      expect(keptJob).toMatchObject({ kind: 'IMPORT_UPLOAD', status: 'QUEUED' });
      const dropped = await upload('dropped.tsv', 'id\tlabel\tsequence\na\tx\tACGT\n');
      expect(dropped.status).toBe(202);
      const droppedJob = ((await dropped.json()) as { job: { id: string } }).job;
      // The demo holds the job slot: both imports wait, their files in the scratch directory.
      expect(await jobStatus(keptJob.id)).toBe('QUEUED');
      expect(await entries('tmp')).toHaveLength(2);

      // A queued upload cancelled: its files go at once.
      const cancelUpload = await server.request<{ cancelJob: { userErrors: unknown[] } }>(
        'mutation ($id: ID!) { cancelJob(id: $id) { userErrors { code } } }',
        { id: droppedJob.id },
      );
      expect(cancelUpload.data!.cancelJob.userErrors).toEqual([]);
      expect(await entries('tmp')).toHaveLength(1);

      const cancel = await server.request<{ cancelJob: { userErrors: unknown[] } }>(
        'mutation ($id: ID!) { cancelJob(id: $id) { userErrors { code } } }',
        { id: demo },
      );
      expect(cancel.data!.cancelJob.userErrors).toEqual([]);
      const cancelled = await server.waitForJob(demo);
      expect(cancelled).toMatchObject({ status: 'CANCELLED', outputDataset: null });

      const imported = await server.waitForJob(keptJob.id);
      probing = false;
      await probe;
      expect(imported).toMatchObject({
        status: 'SUCCEEDED',
        error: null,
        outputDataset: { recordCount: 2 },
      });
      expect(await datasetCount()).toBe(before + 1);
      // Nothing of the cancelled demo, no upload left: only READY datasets own a directory.
      const ready = await server.request<{ datasets: { edges: { node: { id: string } }[] } }>(
        '{ datasets(first: 100) { edges { node { id } } } }',
      );
      expect((await entries('datasets')).sort()).toEqual(
        ready.data!.datasets.edges.map((e) => e.node.id).sort(),
      );
      expect(await entries('tmp')).toEqual([]);
      // Generation yields every 10 ms: /health is never held long (generous for a loaded
      // machine; generating in one go holds it for the whole job, seconds).
      expect(worstHealth).toBeLessThan(500);
    },
  );

  it('a malformed upload fails its job with file:line: reason; nothing is stored', async () => {
    const before = await datasetCount();
    const res = await upload('bad.tsv', 'id\tlabel\tsequence\na\tx\tAC!T\n');
    expect(res.status).toBe(202);
    const { job } = (await res.json()) as { job: { id: string } };
    const failed = await server.waitForJob(job.id);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatch(/^bad\.tsv:2: /);
    expect(await datasetCount()).toBe(before);
    expect(await entries('tmp')).toEqual([]);
  });
});
