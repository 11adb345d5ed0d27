import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '@strand/genomics';
import { seedModelRun } from './testing/model-run.ts';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

const WIDTH = 51;

const DISCOVER = /* GraphQL */ `
  mutation ($input: DiscoverMotifsInput!) {
    discoverMotifs(input: $input) {
      job {
        id
        kind
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`;
type Payload = {
  discoverMotifs: {
    job: { id: string; kind: string } | null;
    userErrors: { field: string; code: string; message: string }[];
  };
};

let server: TestServer;
let importDir: string;
let runId: string;
let datasetId: string;
const random = createRng(5);
const sequence = () => Array.from({ length: WIDTH }, () => 'ACGT'[random.int(4)]).join('');

async function discover(input: Record<string, unknown>) {
  const res = await server.request<Payload>(DISCOVER, { input: { runId, ...input } });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.discoverMotifs;
}

beforeAll(async () => {
  importDir = await mkdtemp(join(tmpdir(), 'strand-modisco-api-'));
  const rows = Array.from(
    { length: 60 },
    (_, i) => `s${i}\t${i % 2 ? 'yes' : 'no'}\t${sequence()}`,
  );
  await writeFile(join(importDir, 'seqs.tsv'), `id\tlabel\tsequence\n${rows.join('\n')}\n`);
  process.env.STRAND_IMPORT_DIR = importDir;
  server = await startTestServer();
  runId = await seedModelRun(server.db, server.defaultProjectId, WIDTH);
  const imported = await server.request<{ importDataset: { job: { id: string } } }>(
    `mutation { importDataset(input: { kind: "sequence-classification", path: "seqs.tsv" }) { job { id } } }`,
  );
  datasetId = (await server.waitForJob(imported.data!.importDataset.job.id)).outputDataset!.id;
}, 60_000);
afterAll(async () => {
  delete process.env.STRAND_IMPORT_DIR;
  await server?.close();
  await rm(importDir, { recursive: true, force: true });
});

describe('discoverMotifs', () => {
  it('runs as a job over the records of one label; motifDiscovery reads the result', async () => {
    const started = await discover({ datasetId, label: 'yes', shuffles: 2 });
    expect(started.userErrors).toEqual([]);
    expect(started.job!.kind).toBe('DISCOVER_MOTIFS');
    const jobId = started.job!.id;
    expect(await server.waitForJob(jobId)).toMatchObject({ status: 'SUCCEEDED', error: null });
    const res = await server.request<{
      motifDiscovery: {
        jobId: string;
        sequences: number;
        seqletsCalled: number;
        seqletsClustered: number;
        motifs: {
          name: string;
          seqlets: number;
          pwm: number[][];
          matches: { id: string; p: number }[];
        }[];
      };
    }>(
      `query ($jobId: ID!) { motifDiscovery(jobId: $jobId) { jobId sequences seqletsCalled seqletsClustered motifs { name seqlets pwm matches { id p } } } }`,
      { jobId },
    );
    expect(res.errors).toBeUndefined();
    const result = res.data!.motifDiscovery;
    expect(result.jobId).toBe(jobId);
    // 30 of the 60 records are labelled "yes".
    expect(result.sequences).toBe(30);
    expect(result.seqletsClustered).toBeLessThanOrEqual(result.seqletsCalled);
    const support = result.motifs.map((m) => m.seqlets);
    expect(support).toEqual([...support].sort((a, b) => b - a));
  });

  it('refuses a missing dataset, a bad shuffles count and an unknown label', async () => {
    const bad = await discover({ datasetId: 'nope', shuffles: 0 });
    expect(bad.job).toBeNull();
    expect(bad.userErrors.map((e) => [e.field, e.code])).toEqual([
      ['shuffles', 'OUT_OF_RANGE'],
      ['datasetId', 'NOT_FOUND'],
    ]);
    const started = await discover({ datasetId, label: 'maybe' });
    const job = await server.waitForJob(started.job!.id);
    expect(job.status).toBe('FAILED');
    expect(job.error).toContain('the dataset has no label "maybe"; its labels are no, yes');
  });
});
