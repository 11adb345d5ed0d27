/**
 * Runs that survive the process: a real API process is SIGKILLed in the middle of a run and
 * started again on the same data directory; the run resumes from its last checkpoint. Then a
 * SIGTERM: the process exits 0, the running run stays QUEUED and the next start finishes it.
 * Also: /health, /ready and /metrics without a token, and logs without sequence text.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoDataset, startStrand } from './strand-process.ts';
import type { StrandProcess } from './strand-process.ts';
import { TableReader } from '@strand/genomics';

const token = `strand_${randomBytes(32).toString('base64url')}`;
let dataDir: string;
const processes: StrandProcess[] = [];

interface RunView {
  status: string;
  currentEpoch: number;
  error: string | null;
  history: { epoch: number; metrics: { name: string; value: number }[] }[];
}

async function start(extra: Record<string, string> = {}): Promise<StrandProcess> {
  const strand = await startStrand({
    STRAND_DATA_DIR: dataDir,
    STRAND_ADMIN_TOKEN: token,
    ...extra,
  });
  processes.push(strand);
  return strand;
}

async function gql<T>(strand: StrandProcess, query: string, variables = {}): Promise<T> {
  const response = await fetch(`${strand.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const TRAIN = `mutation($input: StartTrainingInput!) {
  startTraining(input: $input) { run { id } userErrors { message } } }`;
const RUN = `query($id: ID!) { run(id: $id) {
  status currentEpoch error history { epoch metrics { name value } } } }`;

async function startRun(strand: StrandProcess, datasetId: string, epochs: number) {
  const { startTraining } = await gql<{
    startTraining: { run: { id: string } | null; userErrors: unknown[] };
  }>(strand, TRAIN, {
    input: {
      datasetId,
      architecture: 'deepbind',
      epochs,
      batchSize: 32,
      seed: 3,
      config: JSON.stringify({ filters: 8, kernelSize: 6, hiddenUnits: 8 }),
    },
  });
  if (!startTraining.run) throw new Error(JSON.stringify(startTraining.userErrors));
  return startTraining.run.id;
}

async function run(strand: StrandProcess, id: string): Promise<RunView> {
  return (await gql<{ run: RunView }>(strand, RUN, { id })).run;
}

async function until(
  strand: StrandProcess,
  id: string,
  done: (r: RunView) => boolean,
  ms = 120_000,
): Promise<RunView> {
  const deadline = Date.now() + ms;
  for (;;) {
    const r = await run(strand, id);
    if (done(r)) return r;
    if (Date.now() > deadline)
      throw new Error(`run ${id} still ${r.status} at epoch ${r.currentEpoch}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function exited(strand: StrandProcess): Promise<number | null> {
  if (strand.child.exitCode !== null) return Promise.resolve(strand.child.exitCode);
  return new Promise((resolve) => strand.child.once('exit', (code) => resolve(code)));
}

/** Same metric names, values within 1e-4 relative: see why in libs/jobs survival.spec.ts. */
function expectClose(actual: RunView['history'], expected: RunView['history']): void {
  expect(actual.map((e) => e.epoch)).toEqual(expected.map((e) => e.epoch));
  actual.forEach((epoch, i) => {
    const want = expected[i]!.metrics;
    expect(epoch.metrics.map((m) => m.name)).toEqual(want.map((m) => m.name));
    epoch.metrics.forEach((m, j) => {
      const diff = Math.abs(m.value - want[j]!.value);
      expect(diff, `epoch ${epoch.epoch} ${m.name}`).toBeLessThanOrEqual(
        1e-4 * Math.max(1, Math.abs(want[j]!.value)),
      );
    });
  });
}

let datasetId: string;
/** The process the first test leaves running for the second. */
let running: StrandProcess;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'strand-survival-'));
}, 60_000);

afterAll(async () => {
  for (const strand of processes) if (strand.child.exitCode === null) strand.child.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

describe('a run survives its process', () => {
  it('SIGKILL mid-run: the next start resumes from the checkpoint; epochs 1..8 stored once', async () => {
    const first = await start();
    datasetId = await createDemoDataset(first.url, token, { sequences: 300, length: 50, seed: 4 });
    const id = await startRun(first, datasetId, 8);
    const beforeKill = await until(first, id, (r) => r.history.length >= 2);
    first.child.kill('SIGKILL');
    expect(await exited(first)).toBeNull();
    const storedBeforeKill = beforeKill.history.map((e) => e.epoch);
    expect(storedBeforeKill.length).toBeLessThan(8);
    console.log(`survival: epochs stored before SIGKILL: ${storedBeforeKill.join(',')}`);

    const second = await start();
    const resumed = await until(second, id, (r) => !['QUEUED', 'RUNNING'].includes(r.status));
    expect(resumed).toMatchObject({ status: 'SUCCEEDED', error: null, currentEpoch: 8 });
    expect(resumed.history.map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    console.log(
      `survival: after restart, epochs stored: ${resumed.history.map((e) => e.epoch).join(',')}`,
    );

    // The same run without interruption, same seed, same backend.
    const other = await startRun(second, datasetId, 8);
    const uninterrupted = await until(second, other, (r) => r.status === 'SUCCEEDED');
    expectClose(resumed.history, uninterrupted.history);
    const drift = resumed.history.flatMap((e, i) =>
      e.metrics.map((m, j) => Math.abs(m.value - uninterrupted.history[i]!.metrics[j]!.value)),
    );
    console.log(
      `survival: largest metric difference resumed vs uninterrupted: ${Math.max(...drift)}`,
    );

    // It resumed (not restarted): from the checkpoint of an epoch stored before the kill.
    const logs = second.output();
    const resumedFrom = logs
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg: string; runId?: string; resumeEpoch?: number })
      .find((line) => line.msg === 'run resuming from checkpoint' && line.runId === id);
    expect(storedBeforeKill).toContain(resumedFrom?.resumeEpoch);
    console.log(`survival: resumed from the checkpoint of epoch ${resumedFrom?.resumeEpoch}`);

    // Logs: lifecycle lines with ids, never a sequence of the dataset.
    expect(logs).toContain(`"runId":"${id}"`);
    const datasetDir = join(dataDir, 'artifacts', 'datasets');
    const files = await readdir(datasetDir, { recursive: true });
    const table = await TableReader.open(
      join(
        datasetDir,
        files.find((f) => f.endsWith('.arrow'))!,
      ),
    );
    const sequences: string[] = [];
    for (let c = 0; c < table.chunks; c++) {
      const chunk = await table.chunk(c);
      for (let r = 0; r < chunk.rows; r++) sequences.push(chunk.textAt('sequence', r));
    }
    await table.close();
    expect(sequences).toHaveLength(300);
    for (const sequence of sequences) expect(logs.includes(sequence.slice(0, 24))).toBe(false);
    expect(logs).not.toContain(token);
    running = second;
  }, 300_000);

  it('SIGTERM: exits 0, the running run is left QUEUED and the next start finishes it', async () => {
    const id = await startRun(running, datasetId, 12);
    await until(running, id, (r) => r.history.length >= 1 && r.status === 'RUNNING');
    running.child.kill('SIGTERM');
    expect(await exited(running)).toBe(0);
    expect(running.output()).toContain(`"runId":"${id}","status":"QUEUED"`);

    const third = await start();
    const done = await until(third, id, (r) => !['QUEUED', 'RUNNING'].includes(r.status));
    expect(done.status).toBe('SUCCEEDED');
    expect(done.history.map((e) => e.epoch)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    third.child.kill('SIGTERM');
    expect(await exited(third)).toBe(0);
  }, 300_000);
});
