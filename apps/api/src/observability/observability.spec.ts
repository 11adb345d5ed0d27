import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dataset } from '@strand/data';
import { startTestServer } from '../testing/test-server.ts';
import type { TestServer } from '../testing/test-server.ts';
import { tokenPrefixOf } from './token-prefix.ts';
import { TableReader } from '@strand/genomics';

let server: TestServer;
const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString().trim().split('\n'));
    done();
  },
});

beforeAll(async () => {
  server = await startTestServer({ logger: pino({ level: 'info' }, sink) });
});
afterAll(async () => {
  await server?.stop();
});

const get = (path: string) => fetch(`${server.url}${path}`);

async function train(epochs: number): Promise<{ runId: string; datasetId: string }> {
  const datasetId = await server.demoDataset({ sequences: 60, length: 30, seed: 9 });
  const started = await server.request<{ startTraining: { run: { id: string } } }>(
    `mutation($input: StartTrainingInput!) { startTraining(input: $input) { run { id } } }`,
    {
      input: {
        datasetId,
        architecture: 'deepbind',
        epochs,
        batchSize: 16,
        config: JSON.stringify({ filters: 4, kernelSize: 5, hiddenUnits: 4 }),
      },
    },
  );
  return { runId: started.data!.startTraining.run.id, datasetId };
}

describe('health, readiness, metrics and logs', () => {
  it('/health and /ready answer 200 without a token', async () => {
    const health = await get('/health');
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await get('/ready');
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
  });

  it('logs requests with a token prefix, and jobs by id, status and epoch, never sequences', async () => {
    const { runId, datasetId } = await train(2);
    // The status is stored before its log line is written: wait for the line.
    const final = `"runId":"${runId}","status":"SUCCEEDED"`;
    await expect
      .poll(() => lines.some((line) => line.includes(final)), { timeout: 60_000, interval: 200 })
      .toBe(true);
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toContainEqual(
      expect.objectContaining({
        component: 'http',
        msg: 'request',
        method: 'POST',
        path: '/graphql',
        status: 200,
        token: server.adminToken.slice(0, 15),
        durationMs: expect.any(Number),
      }),
    );
    for (const epoch of [1, 2]) {
      expect(records).toContainEqual(
        expect.objectContaining({ component: 'jobs', msg: 'epoch stored', runId, epoch }),
      );
    }
    expect(records).toContainEqual(
      expect.objectContaining({ msg: 'run status', runId, status: 'SUCCEEDED', epoch: 2 }),
    );
    const text = lines.join('\n');
    expect(text).not.toContain(server.adminToken);
    const dataset = await server.db.fork().findOneOrFail(Dataset, { id: datasetId });
    const table = await TableReader.open(server.db.artifacts.resolve(dataset.artifactPath!));
    const chunk = await table.chunk(0);
    const sequences = Array.from({ length: chunk.rows }, (_, r) => chunk.textAt('sequence', r));
    await table.close();
    expect(sequences).toHaveLength(60);
    for (const sequence of sequences) expect(text).not.toContain(sequence);
  });

  it('/metrics: runs by state, queue depth, requests and latency, no project data', async () => {
    await get('/health');
    const response = await get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    let text = await response.text();
    expect(text).toContain('# TYPE strand_runs gauge\n');
    expect(text).toContain('strand_runs{state="SUCCEEDED"} 1\n');
    expect(text).toContain('strand_runs{state="STALLED"} 0\n');
    // Scaled out, the depth is the cluster's BullMQ waiting count, refreshed every 2 s: the run's
    // job may still count as waiting for a moment after it finished.
    await expect
      .poll(
        async () => {
          text = await (await get('/metrics')).text();
          return text.includes('strand_queue_depth 0\n');
        },
        { timeout: 10_000, interval: 200 },
      )
      .toBe(true);
    expect(text).toMatch(
      /strand_http_requests_total\{method="POST",route="graphql",status="200"\} \d+/,
    );
    expect(text).toContain('strand_http_requests_total{method="GET",route="health",status="200"}');
    expect(text).toMatch(
      /strand_http_request_duration_seconds_bucket\{route="graphql",le="\+Inf"\} \d+/,
    );
    expect(text).not.toContain(server.defaultProjectId);
    expect(text).not.toContain('demo');
  });

  it("/metrics shows a running run's samples/s; /ready answers 503 once shutdown began", async () => {
    const { runId } = await train(50);
    const throughput = new RegExp(
      `^strand_training_samples_per_second\\{run_id="${runId}"\\} \\d`,
      'm',
    );
    await expect
      .poll(async () => throughput.test(await (await get('/metrics')).text()), {
        timeout: 60_000,
        interval: 100,
      })
      .toBe(true);
    const closing = server.close();
    const ready = await get('/ready');
    expect([ready.status, await ready.json()]).toEqual([503, { status: 'unavailable' }]);
    expect((await get('/health')).status).toBe(200);
    await closing;
    expect(lines.some((line) => line.includes(`"runId":"${runId}","status":"QUEUED"`))).toBe(true);
  });
});

describe('tokenPrefixOf', () => {
  it('keeps `strand_` and 8 characters; never more', () => {
    const token = `strand_${'a'.repeat(43)}`;
    expect(tokenPrefixOf(`Bearer ${token}`)).toBe('strand_aaaaaaaa');
    expect(tokenPrefixOf(undefined)).toBe('none');
    expect(tokenPrefixOf('Bearer nope')).toBe('malformed');
    expect(tokenPrefixOf('Basic abc')).toBe('malformed');
  });
});
