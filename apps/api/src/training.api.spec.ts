import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '@strand/models';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

const CREATE = /* GraphQL */ `
  mutation ($input: CreateDemoDatasetInput!) {
    createDemoDataset(input: $input) {
      job {
        id
        kind
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;
const START = /* GraphQL */ `
  mutation ($input: StartTrainingInput!) {
    startTraining(input: $input) {
      run {
        id
        status
        backend
        epochs
        trainingJob {
          id
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;
const PROGRESS = /* GraphQL */ `
  subscription ($runId: ID!) {
    trainingProgress(runId: $runId) {
      runId
      status
      epoch
      epochs
      batch
      batches
      loss
      samplesPerSecond
      done
      metrics {
        name
        value
      }
    }
  }
`;

const JOB_PROGRESS = /* GraphQL */ `
  subscription ($jobId: ID!) {
    jobProgress(jobId: $jobId) {
      status
      done
      progress {
        done
        total
        unit
      }
      training {
        runId
        status
        epoch
        batch
        loss
        done
        metrics {
          name
          value
        }
      }
    }
  }
`;

interface JobProgressEvents {
  jobProgress: {
    status: string;
    done: boolean;
    progress: { done: number; total: number | null; unit: string };
    training: {
      runId: string;
      status: string;
      epoch: number;
      batch: number | null;
      loss: number | null;
      done: boolean;
      metrics: { name: string; value: number }[];
    } | null;
  };
}

interface Progress {
  trainingProgress: {
    status: string;
    epoch: number;
    epochs: number;
    batch: number | null;
    loss: number | null;
    done: boolean;
    samplesPerSecond: number | null;
    metrics: { name: string; value: number }[];
  };
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

async function demoDataset(sequences: number, length: number): Promise<string> {
  return server.demoDataset({ sequences, length, motifs: ['CTCF'], seed: 7 });
}

describe('training over GraphQL', () => {
  it('trains DeepBind on a 2,000 × 101 bp planted-motif dataset to val_auroc ≥ 0.9, every epoch streamed', async () => {
    const created = await server.request<{
      createDemoDataset: {
        job: { id: string; kind: string; status: string };
        userErrors: unknown[];
      };
    }>(CREATE, {
      input: { name: 'ctcf', sequences: 2000, length: 101, motifs: ['CTCF'], seed: 3 },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createDemoDataset.userErrors).toEqual([]);
    expect(created.data!.createDemoDataset.job).toMatchObject({ kind: 'CREATE_DEMO_DATASET' });
    const job = await server.waitForJob(created.data!.createDemoDataset.job.id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', error: null });
    const dataset = (
      await server.request<{ dataset: Record<string, unknown> & { id: string } }>(
        `query ($id: ID!) { dataset(id: $id) { id name recordCount sequenceLength status
           labelCounts { label count } checksum } }`,
        { id: job.outputDataset!.id },
      )
    ).data!.dataset;
    expect(dataset).toMatchObject({
      name: 'ctcf',
      recordCount: 2000,
      sequenceLength: 101,
      status: 'READY',
    });
    expect(dataset.labelCounts).toEqual([
      { label: '0', count: 1000 },
      { label: '1', count: 1000 },
    ]);
    expect(dataset.checksum).toMatch(/^[0-9a-f]{64}$/);

    const started = await server.request<{
      startTraining: {
        run: { id: string; status: string; backend: string; trainingJob: { id: string } };
      };
    }>(START, {
      input: { datasetId: dataset.id, architecture: 'deepbind', epochs: 6, seed: 11 },
    });
    const run = started.data!.startTraining.run;
    expect(run.status).toBe('QUEUED');

    // One stream: the run's progress and its TRAIN job's, followed side by side.
    const [events, jobEvents] = await Promise.all([
      server.subscribe<Progress>(PROGRESS, { runId: run.id }, (e) => e.trainingProgress.done),
      server.subscribe<JobProgressEvents>(
        JOB_PROGRESS,
        { jobId: run.trainingJob.id },
        (e) => e.jobProgress.done,
      ),
    ]);
    const epochs = events.map((e) => e.trainingProgress).filter((p) => p.batch === null && !p.done);
    expect(epochs.map((p) => p.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const p of epochs) {
      expect(p.metrics.map((m) => m.name).sort()).toEqual([
        'loss',
        'val_accuracy',
        'val_auprc',
        'val_auroc',
        'val_loss',
      ]);
      expect(p.samplesPerSecond).toBeGreaterThan(0);
    }
    expect(events.some((e) => e.trainingProgress.batch !== null)).toBe(true);
    const last = events.at(-1)!.trainingProgress;
    expect(last).toMatchObject({ done: true, status: 'SUCCEEDED', epoch: 6 });
    const auroc = last.metrics.find((m) => m.name === 'val_auroc')!.value;
    expect(auroc).toBeGreaterThanOrEqual(0.9);

    // The job's events carry the same training: its epochs, each counted as done, and its end.
    const trainJob = jobEvents.map((e) => e.jobProgress);
    expect(trainJob.every((e) => e.training?.runId === run.id)).toBe(true);
    const jobEpochs = trainJob.filter((e) => e.training!.batch === null && !e.done);
    expect(jobEpochs.map((e) => [e.training!.epoch, e.progress.done])).toEqual(
      epochs.map((p) => [p.epoch, p.epoch]),
    );
    expect(jobEpochs.map((e) => e.training!.metrics)).toEqual(epochs.map((p) => p.metrics));
    const jobBatches = trainJob.filter((e) => e.training!.batch !== null);
    expect(jobBatches.length).toBeGreaterThan(0);
    // A batch is inside its epoch: the epochs before it are done.
    expect(jobBatches.every((e) => e.progress.done === e.training!.epoch - 1)).toBe(true);
    expect(trainJob.at(-1)).toMatchObject({
      status: 'SUCCEEDED',
      done: true,
      progress: { done: 6, total: 6, unit: 'epochs' },
      training: { status: 'SUCCEEDED', epoch: 6, batch: null, done: true, metrics: last.metrics },
    });

    const stored = await server.request<{
      run: {
        status: string;
        backend: string;
        history: { epoch: number }[];
        metrics: { name: string; value: number }[];
        dataset: { id: string };
      };
    }>(
      `query ($id: ID!) { run(id: $id) { status backend dataset { id } history { epoch } metrics { name value } } }`,
      { id: run.id },
    );
    const r = stored.data!.run;
    expect(r.status).toBe('SUCCEEDED');
    expect(['wasm', 'tensorflow', 'cpu']).toContain(r.backend);
    expect(r.history.map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.dataset.id).toBe(dataset.id);
    expect(r.metrics.find((m) => m.name === 'val_auroc')!.value).toBe(auroc);
  });

  it('reports bad input as userErrors, not as a crash', async () => {
    const datasetId = await demoDataset(50, 30);
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ datasetId: 'nope', architecture: 'deepbind', epochs: 1 }, 'datasetId', 'NOT_FOUND'],
      [{ datasetId, architecture: 'deepbind', epochs: 0 }, 'epochs', 'OUT_OF_RANGE'],
      [
        { datasetId, architecture: 'transformer9000', epochs: 1 },
        'architecture',
        'UNKNOWN_ARCHITECTURE',
      ],
      [{ datasetId, architecture: 'mlp', epochs: 1 }, 'architecture', 'INCOMPATIBLE_ARCHITECTURE'],
      [
        { datasetId, architecture: 'deepbind', epochs: 1, learningRate: -1 },
        'learningRate',
        'OUT_OF_RANGE',
      ],
      [
        { datasetId, architecture: 'deepbind', epochs: 1, config: '[1]' },
        'config',
        'INVALID_CONFIG',
      ],
      [
        { datasetId, architecture: 'deepbind', epochs: 1, classWeights: 'tumour=2' },
        'classWeights',
        'INVALID_VALUE',
      ],
      [
        { datasetId, architecture: 'deepbind', epochs: 1, lrSchedule: 'step' },
        'lrSchedule',
        'INVALID_VALUE',
      ],
      [
        { datasetId, architecture: 'deepbind', epochs: 1, weightDecay: -0.1 },
        'weightDecay',
        'OUT_OF_RANGE',
      ],
      [
        { datasetId, architecture: 'deepbind', epochs: 1, selectFeatures: 10 },
        'selectFeatures',
        'INVALID_VALUE',
      ],
    ];
    for (const [input, field, code] of cases) {
      const res = await server.request<{
        startTraining: {
          run: null;
          userErrors: { field: string; code: string; message: string }[];
        };
      }>(START, { input });
      expect(res.errors).toBeUndefined();
      expect(res.data!.startTraining.run).toBeNull();
      expect(res.data!.startTraining.userErrors).toContainEqual(
        expect.objectContaining({ field, code }),
      );
    }
    const bad = await server.request<{
      createDemoDataset: { userErrors: { field: string; code: string }[] };
    }>(CREATE, {
      input: { sequences: 5, length: 101, motifs: ['NOPE'] },
    });
    expect(bad.data!.createDemoDataset.userErrors.map((e) => [e.field, e.code])).toEqual([
      ['sequences', 'OUT_OF_RANGE'],
      ['motifs', 'UNKNOWN_MOTIF'],
    ]);
  });

  it('cancels a running run; it ends CANCELLED and the subscription says so', async () => {
    const datasetId = await demoDataset(2000, 101);
    const started = await server.request<{ startTraining: { run: { id: string } } }>(START, {
      input: { datasetId, architecture: 'deepbind', epochs: 50 },
    });
    const runId = started.data!.startTraining.run.id;
    const events = await server.subscribe<Progress>(PROGRESS, { runId }, (e) => {
      if (e.trainingProgress.batch !== null && e.trainingProgress.status === 'RUNNING') {
        void server.request(`mutation ($id: ID!) { cancelRun(id: $id) { userErrors { code } } }`, {
          id: runId,
        });
      }
      return e.trainingProgress.done;
    });
    expect(events.at(-1)!.trainingProgress).toMatchObject({ done: true, status: 'CANCELLED' });
    const again = await server.request<{ cancelRun: { userErrors: { code: string }[] } }>(
      `mutation ($id: ID!) { cancelRun(id: $id) { userErrors { code } } }`,
      { id: runId },
    );
    expect(again.data!.cancelRun.userErrors).toEqual([{ code: 'NOT_CANCELLABLE' }]);
  });

  it('pages runs with Relay cursors', async () => {
    const page = await server.request<{
      runs: {
        edges: { cursor: string; node: { id: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
        totalCount: number;
      };
    }>(
      `{ runs(first: 1) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount } }`,
    );
    const runs = page.data!.runs;
    expect(runs.totalCount).toBe(2);
    expect(runs.edges).toHaveLength(1);
    expect(runs.pageInfo.hasNextPage).toBe(true);
    const next = await server.request<{
      runs: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean } };
    }>(
      `query ($after: String) { runs(first: 1, after: $after) { edges { node { id } } pageInfo { hasNextPage } } }`,
      { after: runs.pageInfo.endCursor },
    );
    expect(next.data!.runs.edges[0].node.id).not.toBe(runs.edges[0].node.id);
    expect(next.data!.runs.pageInfo.hasNextPage).toBe(false);
  });

  it('trains with the options it was started with and keeps them on the run', async () => {
    const datasetId = await demoDataset(60, 30);
    const started = await server.request<{
      startTraining: { run: { id: string } | null; userErrors: unknown[] };
    }>(START, {
      input: {
        datasetId,
        architecture: 'deepbind',
        config: '{"filters":4,"kernelSize":6,"hiddenUnits":4}',
        epochs: 2,
        reverseComplement: true,
        rcAverage: true,
        classWeights: 'auto',
        lrSchedule: 'plateau',
        plateauPatience: 1,
        weightDecay: 0.001,
      },
    });
    expect(started.data!.startTraining.userErrors).toEqual([]);
    const runId = started.data!.startTraining.run!.id;
    const events = await server.subscribe<Progress>(
      PROGRESS,
      { runId },
      (e) => e.trainingProgress.done,
    );
    expect(events.at(-1)!.trainingProgress).toMatchObject({ done: true, status: 'SUCCEEDED' });
    const stored = await server.request<{ run: { trainingOptions: string } }>(
      `query ($id: ID!) { run(id: $id) { trainingOptions } }`,
      { id: runId },
    );
    expect(JSON.parse(stored.data!.run.trainingOptions)).toEqual({
      reverseComplement: true,
      rcAverage: true,
      classWeights: 'auto',
      lrSchedule: 'plateau',
      plateauPatience: 1,
      weightDecay: 0.001,
    });
    // The worker trained with them: the saved model averages both strands when it scores.
    const meta = JSON.parse(
      await readFile(server.db.artifacts.resolve(`models/${runId}/strand.json`), 'utf8'),
    );
    expect(meta.rcAverage).toBe(true);
  });

  it('fine-tunes a run from another with the trunk frozen, records the source, and refuses a bad initFrom', async () => {
    const datasetId = await demoDataset(60, 30);
    const trained = async (input: Record<string, unknown>): Promise<string> => {
      const started = await server.request<{
        startTraining: { run: { id: string } | null; userErrors: unknown[] };
      }>(START, { input: { datasetId, epochs: 2, architecture: 'deepbind', ...input } });
      expect(started.data!.startTraining.userErrors).toEqual([]);
      const runId = started.data!.startTraining.run!.id;
      const events = await server.subscribe<Progress>(
        PROGRESS,
        { runId },
        (e) => e.trainingProgress.done,
      );
      expect(events.at(-1)!.trainingProgress).toMatchObject({ status: 'SUCCEEDED' });
      return runId;
    };
    const source = await trained({ config: '{"filters":4,"kernelSize":6,"hiddenUnits":4}' });
    const tuned = await trained({ initFrom: source, freeze: '1', seed: 3 });
    const stored = await server.request<{ run: { config: string; trainingOptions: string } }>(
      `query ($id: ID!) { run(id: $id) { config trainingOptions } }`,
      { id: tuned },
    );
    // The source's trunk config, and the run records what it started from.
    expect(JSON.parse(stored.data!.run.config)).toMatchObject({ filters: 4, hiddenUnits: 4 });
    expect(JSON.parse(stored.data!.run.trainingOptions)).toEqual({
      initFrom: {
        model: source,
        runId: source,
        modelVersionId: null,
        architecture: 'deepbind',
        modelSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        path: `models/${source}`,
      },
      freeze: 1,
    });
    const weights = async (runId: string) => {
      const { model } = await loadModel(server.db.artifacts.resolve(`models/${runId}`));
      const bytes = (layer: string) =>
        model
          .getLayer(layer)
          .getWeights()
          .map((w) => Buffer.from((w.dataSync() as Float32Array).buffer.slice(0)));
      const out = { conv1: bytes('conv1'), dense1: bytes('dense1') };
      model.dispose();
      return out;
    };
    const [a, b] = [await weights(source), await weights(tuned)];
    expect(b.conv1).toEqual(a.conv1); // frozen: bit-identical after two epochs
    expect(b.dense1[0]!.equals(a.dense1[0]!)).toBe(false); // not frozen: trained on

    const refused = async (input: Record<string, unknown>, data = datasetId) => {
      const res = await server.request<{
        startTraining: {
          run: unknown;
          userErrors: { field: string; code: string; message: string }[];
        };
      }>(START, { input: { datasetId: data, epochs: 1, architecture: 'deepbind', ...input } });
      expect(res.data!.startTraining.run).toBeNull();
      return res.data!.startTraining.userErrors;
    };
    expect(await refused({ initFrom: 'nobody@prod' })).toEqual([
      { field: 'initFrom', code: 'NOT_FOUND', message: 'model "nobody" has no alias "prod"' },
    ]);
    expect(await refused({ freeze: 'conv' })).toEqual([
      {
        field: 'freeze',
        code: 'INVALID_VALUE',
        message: 'freeze needs initFrom (the model to start from)',
      },
    ]);
    expect(await refused({ initFrom: source, freeze: 'head' })).toEqual([
      expect.objectContaining({ field: 'freeze', code: 'INVALID_VALUE' }),
    ]);
    expect(await refused({ initFrom: source, architecture: 'basset' })).toContainEqual(
      expect.objectContaining({ field: 'initFrom', code: 'INCOMPATIBLE_ARCHITECTURE' }),
    );
    const longer = await demoDataset(60, 40);
    expect(await refused({ initFrom: source }, longer)).toEqual([
      {
        field: 'initFrom',
        code: 'INCOMPATIBLE_INPUT',
        message: expect.stringMatching(/reads sequences of 30 × 4; dataset ".*" has 40 × 4$/),
      },
    ]);
    // Another project's model is not found from this one.
    const other = await server.createProject('transfer elsewhere');
    const outsider = await server.createUser('transfer outsider', { [other]: 'admin' });
    const elsewhere = await server.demoDataset(
      { projectId: other, sequences: 60, length: 30, motifs: ['CTCF'], seed: 7 },
      outsider.token,
    );
    const across = await server.request<{
      startTraining: { run: unknown; userErrors: { field: string; code: string }[] };
    }>(
      START,
      {
        input: {
          projectId: other,
          datasetId: elsewhere,
          epochs: 1,
          architecture: 'deepbind',
          initFrom: source,
        },
      },
      outsider.token,
    );
    expect(across.data!.startTraining.userErrors).toEqual([
      expect.objectContaining({ field: 'initFrom', code: 'NOT_FOUND' }),
    ]);
  });

  it('attributes the probes after every epoch in the worker: progress events, stored per epoch', async () => {
    const datasetId = await demoDataset(80, 30);
    const probes = ['ACGTACGTACGTACGTACGTACGTACGTAC', 'ttttggggccccaaaattttggggccccaa'];
    const bad = await server.request<{
      startTraining: { run: unknown; userErrors: { field: string; code: string }[] };
    }>(START, {
      input: { datasetId, architecture: 'deepbind', epochs: 1, probes: ['ACGU', ...probes] },
    });
    expect(bad.data!.startTraining.run).toBeNull();
    expect(bad.data!.startTraining.userErrors).toEqual([
      expect.objectContaining({ field: 'probes[0]', code: 'INVALID_VALUE' }),
      expect.objectContaining({ field: 'probes[0]', code: 'INVALID_LENGTH' }),
    ]);
    const started = await server.request<{
      startTraining: { run: { id: string } | null; userErrors: unknown[] };
    }>(START, {
      input: {
        datasetId,
        architecture: 'deepbind',
        config: '{"filters":4,"kernelSize":6,"hiddenUnits":4}',
        epochs: 2,
        probes,
      },
    });
    expect(started.data!.startTraining.userErrors).toEqual([]);
    const runId = started.data!.startTraining.run!.id;
    const events = await server.subscribe<{
      trainingProgress: {
        epoch: number;
        batch: number | null;
        done: boolean;
        probeAttributions: { probe: number; sequence: string; scores: number[] }[] | null;
      };
    }>(
      `subscription ($runId: ID!) { trainingProgress(runId: $runId) {
         epoch batch done probeAttributions { probe sequence output scores } } }`,
      { runId },
      (e) => e.trainingProgress.done,
    );
    const epochs = events.map((e) => e.trainingProgress).filter((p) => p.batch === null && !p.done);
    expect(epochs.map((p) => p.epoch)).toEqual([1, 2]);
    for (const p of epochs) {
      expect(p.probeAttributions!.map((a) => [a.probe, a.sequence])).toEqual([
        [0, probes[0]],
        [1, probes[1].toUpperCase()],
      ]);
      for (const a of p.probeAttributions!) expect(a.scores).toHaveLength(30 * 4);
    }
    const batches = events.map((e) => e.trainingProgress).filter((p) => p.batch !== null);
    expect(batches.every((p) => p.probeAttributions === null)).toBe(true);
    const stored = await server.request<{
      run: {
        probes: string[];
        first: { scores: number[] }[];
        latest: { scores: number[] }[];
        missing: unknown[];
      };
    }>(
      `query ($id: ID!) { run(id: $id) { probes
         first: probeAttributions(epoch: 1) { scores }
         latest: probeAttributions { scores }
         missing: probeAttributions(epoch: 9) { scores } } }`,
      { id: runId },
    );
    const run = stored.data!.run;
    expect(run.probes).toEqual([probes[0], probes[1].toUpperCase()]);
    expect(run.first.map((a) => a.scores)).toEqual(
      epochs[0].probeAttributions!.map((a) => a.scores),
    );
    expect(run.latest.map((a) => a.scores)).toEqual(
      epochs[1].probeAttributions!.map((a) => a.scores),
    );
    expect(run.missing).toEqual([]);
  });
  it('ends the stream of a run cancelled while queued: its TRAIN job says CANCELLED', async () => {
    const datasetId = await demoDataset(2000, 101);
    const start = async (epochs: number) =>
      (
        await server.request<{ startTraining: { run: { id: string } } }>(START, {
          input: { datasetId, architecture: 'deepbind', epochs },
        })
      ).data!.startTraining.run.id;
    const runningId = await start(50);
    // The second waits behind the first (one training slot) and is cancelled while queued.
    const queuedId = await start(1);
    const queuedEvents = server.subscribe<Progress>(
      PROGRESS,
      { runId: queuedId },
      (e) => e.trainingProgress.done,
    );
    const cancel = (id: string) =>
      server.request(`mutation ($id: ID!) { cancelRun(id: $id) { userErrors { code } } }`, { id });
    let cancelling = false;
    await server.subscribe<Progress>(PROGRESS, { runId: runningId }, (e) => {
      if (!cancelling && e.trainingProgress.batch !== null) {
        cancelling = true;
        void cancel(queuedId).then(() => cancel(runningId));
      }
      return e.trainingProgress.done;
    });
    expect((await queuedEvents).map((e) => e.trainingProgress)).toEqual([
      expect.objectContaining({ done: true, status: 'CANCELLED', epoch: 0, batch: null }),
    ]);
  });
});
