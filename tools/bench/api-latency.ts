/**
 * API latency under training load, measured from a second process on loopback:
 *   node --import tsx tools/bench/api-latency.ts [--clients 100] [--interval 1000] [--seconds 20] [--subscribers 1000]
 *
 * Starts a real Strand API process (fresh data dir, rate limit raised for the benchmark), makes
 * the demo dataset, then:
 *  0. warm-up (3 s of the same load, not measured);
 *  1. reference, no training: `--clients` clients each query `runs(first: 20)` every
 *     `--interval` ms (random phase) for `--seconds`; p50/p95/p99 of the answers;
 *  2. the same while a DeepBind run trains (in the API's worker thread);
 *  3. one client querying back-to-back while it trains (the single-user view);
 *  4. `--subscribers` graphql-ws subscribers to that run's progress; per epoch event, the delay
 *     from the first subscriber's receipt to each other's (the event carries no server
 *     timestamp; the first receipt is the reference); p50/p99.
 * Bounded: every phase has a time limit; the API process is stopped at the end.
 */
import { performance } from 'node:perf_hooks';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createDemoDataset, startStrand } from '../e2e/strand-process.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const CLIENTS = Number(args.get('clients') ?? 100);
const INTERVAL = Number(args.get('interval') ?? 1000);
const SECONDS = Number(args.get('seconds') ?? 20);
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
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const strand = await startStrand({
  STRAND_ADMIN_TOKEN: TOKEN,
  STRAND_RATE_LIMIT: '100000',
  STRAND_RATE_BURST: '100000',
  STRAND_USER_RATE_LIMIT: '100000',
  STRAND_USER_RATE_BURST: '100000',
  // Every subscriber is one socket of the same user from the same address.
  STRAND_WS_MAX_PER_ADDRESS: String(SUBSCRIBERS + 100),
  STRAND_WS_MAX_PER_USER: String(SUBSCRIBERS + 100),
});
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

/** `clients` clients, each querying every INTERVAL ms (open loop) for `seconds`. */
async function openLoop(clients: number, seconds = SECONDS): Promise<number[]> {
  const times: number[] = [];
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      await sleep(Math.random() * INTERVAL);
      while (performance.now() < end) {
        const t0 = performance.now();
        await gql(RUNS);
        const took = performance.now() - t0;
        times.push(took);
        await sleep(Math.max(0, INTERVAL - took));
      }
    }),
  );
  return times;
}

/** One client, back to back, for SECONDS. */
async function closedLoop(): Promise<number[]> {
  const times: number[] = [];
  const end = performance.now() + SECONDS * 1000;
  while (performance.now() < end) {
    const t0 = performance.now();
    await gql(RUNS);
    times.push(performance.now() - t0);
  }
  return times;
}

try {
  const datasetId = await createDemoDataset(strand.url, TOKEN, {
    sequences: 2000,
    length: 101,
    seed: 1,
  });
  // Warm-up, not measured: the server's first requests compile resolvers and fill caches.
  await openLoop(CLIENTS, 3);
  const reference = await openLoop(CLIENTS);

  const started = await gql(
    `mutation ($d: ID!) { startTraining(input: { datasetId: $d, architecture: "deepbind", epochs: 1000 }) { run { id } } }`,
    { d: datasetId },
  );
  const runId: string = started.startTraining.run.id;
  // Wait until the worker is training before loading the API.
  for (let i = 0; i < 200; i++) {
    const r = await gql(`query ($id: ID!) { run(id: $id) { status } }`, { id: runId });
    if (r.run.status === 'RUNNING') break;
    await new Promise((res) => setTimeout(res, 100));
  }
  const loaded = await openLoop(CLIENTS);
  const single = await closedLoop();

  // Subscribers: SUBSCRIBERS sockets, one subscription each, to a fresh 6-epoch run that waits
  // in the queue behind the first run until all are connected and the first is cancelled.
  const second = await gql(
    `mutation ($d: ID!) { startTraining(input: { datasetId: $d, architecture: "deepbind", epochs: 6 }) { run { id } } }`,
    { d: datasetId },
  );
  const watchedRun: string = second.startTraining.run.id;
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
        ready.push(new Promise<void>((r) => client.on('connected', () => r())));
        client.subscribe<{
          trainingProgress: { epoch: number; batch: number | null; done: boolean };
        }>(
          {
            query: `subscription ($id: ID!) { trainingProgress(runId: $id) { epoch batch done } }`,
            variables: { id: watchedRun },
          },
          {
            next: ({ data }) => {
              const p = data!.trainingProgress;
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
  // Only now free the worker: the watched run starts with every subscriber listening.
  await gql(`mutation ($id: ID!) { cancelRun(id: $id) { userErrors { message } } }`, { id: runId });
  await Promise.race([Promise.all(done), new Promise((r) => setTimeout(r, 180_000))]);
  const delays: number[] = [];
  let epochsSeen = 0;
  for (const [, times] of receipts) {
    // Only epochs that reached every subscriber after all had connected are comparable.
    if (times[0] < connectedAt || times.length < SUBSCRIBERS) continue;
    epochsSeen++;
    const t0 = Math.min(...times);
    for (const t of times) delays.push(t - t0);
  }
  await Promise.all(clients.map((c) => c.dispose()));

  const result = {
    clients: CLIENTS,
    interval_ms: INTERVAL,
    runs_query_idle_ms: summary(reference),
    runs_query_while_training_ms: summary(loaded),
    ratio_p99_training_vs_idle: +(summary(loaded).p99 / summary(reference).p99).toFixed(2),
    one_client_back_to_back_while_training_ms: summary(single),
    subscribers: SUBSCRIBERS,
    epochs_fully_delivered: epochsSeen,
    fanout_delay_ms: delays.length ? summary(delays) : null,
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  await strand.stop();
}
