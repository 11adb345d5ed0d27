/**
 * `npm run bench:cluster`: throughput of the scaled-out mode and the API's latency under it.
 *   node --import tsx tools/bench/cluster.ts [--trials 8] [--epochs 3] [--clients 10]
 *     [--interval 200] [--rounds 2]
 *
 * For 1 worker and 2 workers (in the order 1, 2, 2, 1, … over `--rounds`, so that a load that
 * drifts during the benchmark weighs on both alike), a throwaway cluster (tools/cluster/throwaway-cluster.ts: real
 * PostgreSQL and Redis, two API replicas) trains one hyperparameter sweep of `--trials` small
 * DeepBind trainings (a GRID over the learning rate, started with startSweep through replica A;
 * the worker running the sweep starts as many trials at once as the cluster has training slots).
 * Measured from startSweep until the sweep job is final: trials/s (a trial is one training job).
 * Meanwhile `--clients` clients, half on each replica, query `runs(first: 20)` every
 * `--interval` ms; p50/p99 of those answers, against the same query with no training (measured
 * first, 10 s, after 3 s of warm-up). Prints a line per cluster and one JSON line last: per worker
 * count, all its trials over all its seconds, the p99 of all its answers; the 2-vs-1 ratio.
 * A ratio is bounded by the machine's cores: on 2 cores, 2 workers cannot be more than 2× one,
 * and the API replicas and PostgreSQL share the same cores. Not part of CI (timing).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { startThrowawayCluster } from '../cluster/throwaway-cluster.ts';
import { createDemoDataset } from '../e2e/strand-process.ts';
import type { ThrowawayCluster } from '../cluster/throwaway-cluster.ts';
import { positiveInteger, round } from './bench-helpers.ts';

const flag = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? positiveInteger(name, process.argv[at + 1]) : fallback;
};
const TRIALS = flag('trials', 8);
const EPOCHS = flag('epochs', 3);
const CLIENTS = flag('clients', 10);
const INTERVAL = flag('interval', 200);
const ROUNDS = flag('rounds', 2);
const RUNS = `{ runs(first: 20) { edges { node { id status currentEpoch } } totalCount } }`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const latency = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: round(percentile(s, 50), 1), p99: round(percentile(s, 99), 1) };
};

/** Open-loop clients (half per replica) querying every INTERVAL ms until `stop` resolves. */
async function load(cluster: ThrowawayCluster, stop: Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  let done = false;
  const end = () => (done = true);
  stop.then(end, end);
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, i) => {
      const url = cluster.urls[i % 2];
      await sleep(Math.random() * INTERVAL);
      while (!done) {
        const t0 = performance.now();
        await cluster.gql(url, RUNS);
        const took = performance.now() - t0;
        times.push(took);
        await sleep(Math.max(0, INTERVAL - took));
      }
    }),
  );
  return times;
}

interface Measured {
  workers: number;
  trials: number;
  seconds: number;
  jobs_per_s: number;
  /** Most trials training at the same moment (from their startedAt/finishedAt). */
  max_parallel_trials: number;
  idle: ReturnType<typeof latency>;
  loaded: ReturnType<typeof latency>;
  idleMs: number[];
  loadedMs: number[];
  /** The machine's 1-minute load average when the sweep ended (other users' work included). */
  loadavg: number;
}

/** The most intervals open at once. */
function maxOverlap(runs: { startedAt: string | null; finishedAt: string | null }[]): number {
  const events = runs
    .flatMap((r) =>
      r.startedAt && r.finishedAt
        ? [
            [Date.parse(r.startedAt), 1],
            [Date.parse(r.finishedAt), -1],
          ]
        : [],
    )
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let open = 0;
  let most = 0;
  for (const [, step] of events) most = Math.max(most, (open += step));
  return most;
}

async function measure(workers: number): Promise<Measured> {
  const cluster = await startThrowawayCluster({
    workers,
    // The load clients are one user from one address: the rate limits are not what is measured.
    env: {
      STRAND_RATE_LIMIT: '100000',
      STRAND_RATE_BURST: '100000',
      STRAND_USER_RATE_LIMIT: '100000',
      STRAND_USER_RATE_BURST: '100000',
    },
  });
  try {
    const [a] = cluster.urls;
    const datasetId = await createDemoDataset(a, cluster.state.adminToken, {
      sequences: 400,
      length: 50,
      motifs: ['CTCF'],
      seed: 3,
    });
    await load(cluster, sleep(3_000)); // warm-up (first queries of each replica), not measured
    const idle = await load(cluster, sleep(10_000));
    const rates = Array.from({ length: TRIALS }, (_, i) => round(0.02 / 1.3 ** i, 6));
    const t0 = performance.now();
    const started = await cluster.gql<{
      startSweep: { job: { id: string } | null; userErrors: { message: string }[] };
    }>(
      a,
      `mutation($d: ID!, $space: String!, $e: Int!) { startSweep(input: { datasetId: $d, architecture: "deepbind", epochs: $e, batchSize: 32, space: $space }) { job { id } userErrors { message } } }`,
      {
        d: datasetId,
        space: JSON.stringify({ learningRate: rates }),
        e: EPOCHS,
      },
    );
    const jobId = started.startSweep.job?.id;
    if (!jobId) throw new Error(JSON.stringify(started.startSweep.userErrors));
    const finished = (async () => {
      for (;;) {
        const { job } = await cluster.gql<{ job: { status: string; error: string | null } }>(
          a,
          `query($id: ID!) { job(id: $id) { status error } }`,
          { id: jobId },
        );
        if (['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(job.status)) return job;
        await sleep(500);
      }
    })();
    const [loaded, job] = await Promise.all([load(cluster, finished), finished]);
    const seconds = (performance.now() - t0) / 1000;
    if (job.status !== 'SUCCEEDED') throw new Error(`the sweep ended ${job.status}: ${job.error}`);
    const trials = await cluster.gql<{
      job: { runs: { startedAt: string | null; finishedAt: string | null }[] };
    }>(a, `query($id: ID!) { job(id: $id) { runs { startedAt finishedAt } } }`, { id: jobId });
    return {
      workers,
      trials: TRIALS,
      seconds: round(seconds, 1),
      jobs_per_s: round(TRIALS / seconds, 4),
      max_parallel_trials: maxOverlap(trials.job.runs),
      loadavg: round(os.loadavg()[0], 1),
      idle: latency(idle),
      loaded: latency(loaded),
      idleMs: idle,
      loadedMs: loaded,
    };
  } finally {
    cluster.down();
  }
}

const results: Measured[] = [];
for (let r = 0; r < ROUNDS; r++) {
  for (const workers of r % 2 === 0 ? [1, 2] : [2, 1]) {
    const m = await measure(workers);
    results.push(m);
    console.log(
      `${workers} worker(s): ${m.trials} trainings in ${m.seconds} s = ${m.jobs_per_s} jobs/s ` +
        `(${m.max_parallel_trials} at once at most); API runs(first: 20) p50/p99 ` +
        `${m.loaded.p50}/${m.loaded.p99} ms under load (${m.idle.p50}/${m.idle.p99} ms idle); ` +
        `load average ${m.loadavg}`,
    );
  }
}
/** Every cluster with `workers` workers, together. */
function total(workers: number) {
  const of = results.filter((m) => m.workers === workers);
  const seconds = of.reduce((sum, m) => sum + m.seconds, 0);
  return {
    jobs_per_s: round((TRIALS * of.length) / seconds, 4),
    max_parallel_trials: Math.max(...of.map((m) => m.max_parallel_trials)),
    loaded: latency(of.flatMap((m) => m.loadedMs)),
    loadavg: of.map((m) => m.loadavg),
  };
}
const [one, two] = [total(1), total(2)];
console.log(
  JSON.stringify({
    cores: os.availableParallelism(),
    rounds: ROUNDS,
    loadavg_1m: { '1_worker': one.loadavg, '2_workers': two.loadavg },
    trials: TRIALS,
    epochs: EPOCHS,
    clients: CLIENTS,
    jobs_per_s_1_worker: one.jobs_per_s,
    jobs_per_s_2_workers: two.jobs_per_s,
    ratio_2_vs_1: round(two.jobs_per_s / one.jobs_per_s, 2),
    max_parallel_trials_1_worker: one.max_parallel_trials,
    max_parallel_trials_2_workers: two.max_parallel_trials,
    api_p99_ms_1_worker: one.loaded.p99,
    api_p99_ms_2_workers: two.loaded.p99,
    api_p99_ms_idle: latency(results.flatMap((m) => m.idleMs)).p99,
  }),
);
