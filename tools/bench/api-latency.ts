/**
 * API latency under training load, measured from a second process on loopback:
 *   node --import tsx tools/bench/api-latency.ts [--clients 100] [--requests 2000] [--subscribers 1000]
 *
 * Starts a real Strand API process (fresh data dir), starts a DeepBind training run on the demo
 * dataset (2,000 × 101 bp), then while it trains:
 *  1. `--clients` concurrent clients query `runs(first: 20)` until `--requests` answers; prints p50/p95/p99.
 *  2. `--subscribers` graphql-ws subscribers to that run's progress; for each epoch event the
 *     delay from the server's publish (the event carries no timestamp, so the reference is the
 *     first subscriber's receipt) to every other subscriber's receipt; prints p50/p99.
 * Reference in the same run: the same `runs` query with no training going on.
 * Bounded: every phase has a time limit and the process stops by itself.
 */
import { performance } from 'node:perf_hooks';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startStrand } from '../e2e/strand-process.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const CLIENTS = Number(args.get('clients') ?? 100);
const REQUESTS = Number(args.get('requests') ?? 2000);
const SUBSCRIBERS = Number(args.get('subscribers') ?? 1000);
const TOKEN = process.env.STRAND_ADMIN_TOKEN ?? `strand_bench_${'x'.repeat(40)}`;
const headers = { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` };

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: +pct(s, 50).toFixed(2),
    p95: +pct(s, 95).toFixed(2),
    p99: +pct(s, 99).toFixed(2),
    max: +s.at(-1)!.toFixed(2),
  };
};

const strand = await startStrand({ STRAND_ADMIN_TOKEN: TOKEN });
const gql = async (query: string, variables?: Record<string, unknown>) => {
  const res = await fetch(`${strand.url}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
};
const RUNS = `{ runs(first: 20) { edges { node { id status currentEpoch metrics { name value } } } totalCount } }`;

async function queryLoad(deadline: number): Promise<number[]> {
  const times: number[] = [];
  let issued = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (issued < REQUESTS && performance.now() < deadline) {
        issued++;
        const t0 = performance.now();
        await gql(RUNS);
        times.push(performance.now() - t0);
      }
    }),
  );
  return times;
}

try {
  const made = await gql(
    `mutation { createDemoDataset(input: { sequences: 2000, length: 101, seed: 1 }) { dataset { id } userErrors { message } } }`,
  );
  const datasetId = made.createDemoDataset.dataset.id;
  const reference = await queryLoad(performance.now() + 60_000);

  const started = await gql(
    `mutation ($d: ID!) { startTraining(input: { datasetId: $d, architecture: "deepbind", epochs: 20 }) { run { id } } }`,
    { d: datasetId },
  );
  const runId: string = started.startTraining.run.id;
  // Wait until the worker is training before loading the API.
  for (let i = 0; i < 200; i++) {
    const r = await gql(`query ($id: ID!) { run(id: $id) { status } }`, { id: runId });
    if (r.run.status === 'RUNNING') break;
    await new Promise((res) => setTimeout(res, 100));
  }
  const loaded = await queryLoad(performance.now() + 60_000);

  // Subscribers: SUBSCRIBERS sockets, one subscription each.
  const receipts = new Map<number, number[]>();
  const clients = Array.from({ length: SUBSCRIBERS }, () =>
    createClient({
      url: `${strand.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${TOKEN}` },
    }),
  );
  const ready: Promise<void>[] = [];
  const done = clients.map(
    (client) =>
      new Promise<void>((resolve) => {
        let first = true;
        ready.push(new Promise<void>((r) => client.on('connected', () => r())));
        client.subscribe<{
          trainingProgress: { epoch: number; batch: number | null; done: boolean };
        }>(
          {
            query: `subscription ($id: ID!) { trainingProgress(runId: $id) { epoch batch done } }`,
            variables: { id: runId },
          },
          {
            next: ({ data }) => {
              const p = data!.trainingProgress;
              if (first) first = false;
              if (p.batch === null && !p.done) {
                const list = receipts.get(p.epoch) ?? [];
                list.push(performance.now());
                receipts.set(p.epoch, list);
              }
            },
            error: () => resolve(),
            complete: () => resolve(),
          },
        );
      }),
  );
  await Promise.race([Promise.all(ready), new Promise((r) => setTimeout(r, 60_000))]);
  const connectedAt = performance.now();
  await Promise.race([Promise.all(done), new Promise((r) => setTimeout(r, 180_000))]);
  const delays: number[] = [];
  let epochsSeen = 0;
  for (const [, times] of receipts) {
    if (times[0] < connectedAt || times.length < SUBSCRIBERS) continue;
    epochsSeen++;
    const t0 = Math.min(...times);
    for (const t of times) delays.push(t - t0);
  }
  await Promise.all(clients.map((c) => c.dispose()));

  const result = {
    runs_query_idle_ms: summary(reference),
    runs_query_while_training_ms: summary(loaded),
    ratio_p99_training_vs_idle: +(summary(loaded).p99 / summary(reference).p99).toFixed(2),
    subscribers: SUBSCRIBERS,
    epochs_fully_delivered: epochsSeen,
    fanout_delay_ms: delays.length ? summary(delays) : null,
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  await strand.stop();
}
