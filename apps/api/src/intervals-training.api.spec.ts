import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDataPath } from '@strand/genomics/testing';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

// Issue 10: "Over GraphQL: an intervals import as a job with progress; training on it". The
// E. coli genome (../shared/data) with BED regions labelled by three task BEDs, imported as an
// IMPORT_DATASET job, then trained on with startTraining, every epoch streamed.
const ECOLI = sharedDataPath('reference', 'ecoli536_NC_008253.fa.gz');
const CHROM = 'NC_008253.1';
const REGIONS = 240;
const EPOCHS = 2;

interface ImportJob {
  status: string;
  error: string | null;
  progress: { done: number; total: number | null; unit: string; fraction: number | null };
  outputDataset: {
    id: string;
    kind: string;
    recordCount: number;
    sequenceLength: number;
    labelCounts: { label: string; count: number }[];
  } | null;
}

interface Progress {
  trainingProgress: {
    status: string;
    epoch: number;
    batch: number | null;
    done: boolean;
    metrics: { name: string; value: number }[];
  };
}

let server: TestServer;
let importDir: string;

describe.skipIf(!existsSync(ECOLI))(
  `training on an intervals dataset over GraphQL${existsSync(ECOLI) ? '' : ` (skipped: ${ECOLI} not found)`}`,
  () => {
    beforeAll(async () => {
      importDir = await mkdtemp(join(tmpdir(), 'strand-intervals-api-'));
      // The genome under its accession (NCBI's `gi|…|ref|NC_008253.1|` header names it otherwise).
      const genome = gunzipSync(await readFile(ECOLI)).toString('latin1');
      await writeFile(
        join(importDir, 'ecoli.fa'),
        `>${CHROM}\n${genome.slice(genome.indexOf('\n') + 1)}`,
      );
      // 240 regions of 50 bp every 4 kb; task i's peaks cover every (i + 2)-th region.
      const start = (r: number) => 10_000 + r * 4_000;
      await writeFile(
        join(importDir, 'regions.bed'),
        Array.from({ length: REGIONS }, (_, r) => `${CHROM}\t${start(r)}\t${start(r) + 50}\n`).join(
          '',
        ),
      );
      for (const task of [0, 1, 2]) {
        const peaks = Array.from({ length: REGIONS }, (_, r) => r).filter(
          (r) => r % (task + 2) === 0,
        );
        await writeFile(
          join(importDir, `task${task + 1}.bed`),
          peaks.map((r) => `${CHROM}\t${start(r) + 10}\t${start(r) + 30}\n`).join(''),
        );
      }
      process.env.STRAND_IMPORT_DIR = importDir;
      server = await startTestServer();
    }, 60_000);
    afterAll(async () => {
      delete process.env.STRAND_IMPORT_DIR;
      await server?.stop();
      if (importDir) await rm(importDir, { recursive: true, force: true });
    });

    it('imports E. coli windows with three tasks as a job with progress, then trains on them', async () => {
      const imported = await server.request<{
        importDataset: { job: { id: string } | null; userErrors: unknown[] };
      }>(
        `mutation ($input: ImportDatasetInput!) { importDataset(input: $input) { job { id } userErrors { field code message } } }`,
        {
          input: {
            kind: 'intervals',
            path: 'regions.bed',
            referencePath: 'ecoli.fa',
            taskPaths: ['task1.bed', 'task2.bed', 'task3.bed'],
            windowWidth: 100,
            name: 'ecoli-windows',
          },
        },
      );
      expect(imported.data!.importDataset.userErrors).toEqual([]);
      const jobId = imported.data!.importDataset.job!.id;
      const events = await server.subscribe<{
        jobProgress: { done: boolean; status: string; progress: { done: number; unit: string } };
      }>(
        `subscription ($id: ID!) { jobProgress(jobId: $id) { done status progress { done unit } } }`,
        { id: jobId },
        (e) => e.jobProgress.done,
      );
      expect(events.at(-1)!.jobProgress).toMatchObject({ done: true, status: 'SUCCEEDED' });
      const read = await server.request<{ job: ImportJob }>(
        `query ($id: ID!) { job(id: $id) { status error progress { done total unit fraction } outputDataset { id kind recordCount sequenceLength labelCounts { label count } } } }`,
        { id: jobId },
      );
      const job = read.data!.job;
      expect(job).toMatchObject({
        status: 'SUCCEEDED',
        error: null,
        // The last phase reports the stored table's bytes (storing), all of them.
        progress: { unit: 'bytes', fraction: 1 },
        outputDataset: {
          kind: 'sequence-classification',
          recordCount: REGIONS,
          sequenceLength: 100,
        },
      });
      expect(job.progress.done).toBe(job.progress.total);
      // One 0/1 column a task: the windows overlapping its peaks (every 2nd, 3rd, 4th region).
      expect(
        [...job.outputDataset!.labelCounts].sort((a, b) => a.label.localeCompare(b.label)),
      ).toEqual([
        { label: 'task1', count: REGIONS / 2 },
        { label: 'task2', count: REGIONS / 3 },
        { label: 'task3', count: REGIONS / 4 },
      ]);
      expect(events.length).toBeGreaterThan(1);
      const datasetId = job.outputDataset!.id;

      const started = await server.request<{
        startTraining: { run: { id: string; status: string } | null; userErrors: unknown[] };
      }>(
        `mutation ($input: StartTrainingInput!) { startTraining(input: $input) { run { id status } userErrors { field code message } } }`,
        {
          input: {
            datasetId,
            architecture: 'deepbind',
            epochs: EPOCHS,
            batchSize: 32,
            seed: 5,
            config: JSON.stringify({ filters: 8 }),
          },
        },
      );
      expect(started.data!.startTraining.userErrors).toEqual([]);
      const run = started.data!.startTraining.run!;
      expect(run.status).toBe('QUEUED');
      const progress = await server.subscribe<Progress>(
        `subscription ($runId: ID!) { trainingProgress(runId: $runId) { status epoch batch done metrics { name value } } }`,
        { runId: run.id },
        (e) => e.trainingProgress.done,
      );
      const epochs = progress
        .map((e) => e.trainingProgress)
        .filter((p) => p.batch === null && !p.done);
      expect(epochs.map((p) => p.epoch)).toEqual([1, 2]);
      for (const p of epochs) expect(p.metrics.map((m) => m.name)).toContain('val_loss');
      expect(progress.at(-1)!.trainingProgress).toMatchObject({
        done: true,
        status: 'SUCCEEDED',
        epoch: EPOCHS,
      });
      const stored = await server.request<{
        run: { status: string; dataset: { id: string }; history: { epoch: number }[] };
      }>(`query ($id: ID!) { run(id: $id) { status dataset { id } history { epoch } } }`, {
        id: run.id,
      });
      expect(stored.data!.run).toEqual({
        status: 'SUCCEEDED',
        dataset: { id: datasetId },
        history: [{ epoch: 1 }, { epoch: 2 }],
      });
    }, 120_000);
  },
);
