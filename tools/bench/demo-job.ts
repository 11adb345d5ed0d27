/**
 * The demo dataset as a job, against a real API process (issue 18: nothing heavy on the
 * request thread):
 *   node --import tsx tools/bench/demo-job.ts [--sequences 20000] [--length 10000] [--probe-ms 50]
 *
 * Starts a Strand API process (fresh data dir), asks createDemoDataset for sequences × length,
 * and reports: how long the mutation took to answer, the time until the job ended, the worst
 * and p99 /health latency while it ran (polled every --probe-ms), and the API process's peak RSS
 * (VmHWM, Linux). One JSON line on stdout. The API process is stopped at the end.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { graphql, startStrand } from '../e2e/strand-process.ts';
import { positiveInteger } from './bench-helpers.ts';

const { values } = parseArgs({
  options: {
    sequences: { type: 'string', default: '20000' },
    length: { type: 'string', default: '10000' },
    'probe-ms': { type: 'string', default: '50' },
  },
});
const sequences = positiveInteger('--sequences', values.sequences);
const length = positiveInteger('--length', values.length);
const probeMs = positiveInteger('--probe-ms', values['probe-ms']);

/** Peak resident set of a process in MB (VmHWM); null where /proc is not there. */
function peakRssMb(pid: number): number | null {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

const round = (n: number) => Math.round(n * 10) / 10;
const token = `strand_${randomBytes(32).toString('base64url')}`;
const strand = await startStrand({ STRAND_ADMIN_TOKEN: token });
try {
  const rssAtStart = peakRssMb(strand.child.pid!);
  const health: number[] = [];
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const t0 = performance.now();
      const res = await fetch(`${strand.url}/health`);
      await res.arrayBuffer();
      health.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, probeMs));
    }
  })();
  const t0 = performance.now();
  const started = await graphql<{
    createDemoDataset: { job: { id: string } | null; userErrors: { message: string }[] };
  }>(
    strand.url,
    token,
    `
      mutation ($input: CreateDemoDatasetInput!) {
        createDemoDataset(input: $input) {
          job {
            id
          }
          userErrors {
            message
          }
        }
      }
    `,
    { input: { sequences, length, seed: 1 } },
  );
  const answeredMs = performance.now() - t0;
  const job = started.createDemoDataset.job;
  if (!job) throw new Error(started.createDemoDataset.userErrors.map((e) => e.message).join('; '));
  let status = 'QUEUED';
  let error: string | null = null;
  while (status === 'QUEUED' || status === 'RUNNING') {
    await new Promise((r) => setTimeout(r, 100));
    ({ status, error } = (
      await graphql<{ job: { status: string; error: string | null } }>(
        strand.url,
        token,
        'query ($id: ID!) { job(id: $id) { status error } }',
        { id: job.id },
      )
    ).job);
  }
  const jobMs = performance.now() - t0;
  probing = false;
  await probe;
  const sorted = [...health].sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      sequences,
      length,
      status,
      error,
      mutationAnsweredMs: round(answeredMs),
      jobSeconds: round(jobMs / 1000),
      healthProbes: health.length,
      healthP99Ms: round(sorted[Math.floor(0.99 * (sorted.length - 1))] ?? 0),
      healthWorstMs: round(sorted.at(-1) ?? 0),
      peakRssMbAtStart: rssAtStart,
      peakRssMb: peakRssMb(strand.child.pid!),
    }),
  );
} finally {
  await strand.stop();
}
