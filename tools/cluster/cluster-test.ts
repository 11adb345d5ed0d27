/**
 * `npm run cluster:test`: the scaled-out mode end to end on real servers. Starts a throwaway
 * cluster (tools/scripts/cluster.mjs: PostgreSQL, Redis, API replicas A and B, two workers) in a
 * temp dir on its own ports, then through replica A's GraphQL API: a demo dataset, JOBS mixed
 * items of three kinds (training runs; cross-validation jobs, 2 folds; explainSequence jobs on
 * the first finished run), about 1/6 each of the two job kinds. A subscription on replica B
 * follows a run started through A. Once a run is mid-training on a worker, that worker is
 * SIGKILLed: BullMQ's stalled check hands the run's TRAIN job to the other worker, which resumes
 * from the run's checkpoint (checked in its log: resumeEpoch ≥ 1). At the end, from PostgreSQL:
 * every item finished once (SUCCEEDED; a run with one model artifact and one SUCCEEDED TRAIN job;
 * a CV result per fold), no epoch lost or stored twice. Prints one JSON line last:
 * { jobs, finished_once, retried, lost, duplicated_epochs, cross_replica_ok, ... }; exit 1 if
 * wrong. Phases and their elapsed seconds go to stderr.
 * Options: --jobs N (default 20, at least 3), --epochs N (default 4), --keep (leave it up),
 * --artifacts s3: artifacts in a bucket of an S3-compatible server (s3rver, started here), every
 * API replica and worker with its own local artifact directory, so nothing is shared but the
 * bucket; the result then also counts the bucket's objects and checks no process read another's
 * directory.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import {
  EpochMetric,
  Job,
  ModelArtifact,
  openArtifactRemote,
  openDatabase,
  readArtifactRemote,
  Run,
} from '@strand/data';
import type { ArtifactObjectStore } from '@strand/data';
import { startTestS3Server, TEST_S3_CREDENTIALS } from '@strand/data/testing';
import type { TestS3Server } from '@strand/data/testing';
import { createDemoDataset } from '../e2e/strand-process.ts';
import { startThrowawayCluster } from './throwaway-cluster.ts';
import type { ThrowawayCluster } from './throwaway-cluster.ts';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const JOBS = arg('jobs', 20);
const ARTIFACTS = process.argv.includes('--artifacts')
  ? process.argv[process.argv.indexOf('--artifacts') + 1]
  : 'directory';
if (ARTIFACTS !== 's3' && ARTIFACTS !== 'directory') {
  throw new Error(`--artifacts must be s3 or directory; got "${ARTIFACTS}"`);
}
const EPOCHS = arg('epochs', 4);
if (!(JOBS >= 3) || !(EPOCHS >= 2))
  throw new Error('--jobs must be at least 3, --epochs at least 2');
const CROSS_VALIDATIONS = Math.max(1, Math.floor(JOBS / 6));
const EXPLAINS = Math.max(1, Math.floor(JOBS / 6));
const TRAININGS = JOBS - CROSS_VALIDATIONS - EXPLAINS;
const startedAt = Date.now();
const phase = (what: string) =>
  console.error(`cluster-test: ${((Date.now() - startedAt) / 1000).toFixed(0)} s: ${what}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString()) || 100;
/** CPU seconds a process (its threads included) has used so far; 0 once it is gone. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

async function main(
  cluster: ThrowawayCluster,
  bucketEnv: NodeJS.ProcessEnv | null,
): Promise<Record<string, unknown>> {
  phase('cluster up');
  const { dir, state, gql } = cluster;
  const [a, b] = cluster.urls;
  const auth = { authorization: `Bearer ${state.adminToken}` };
  // Made by a job, which a worker runs: the dataset is there once the job has succeeded.
  const datasetId = await createDemoDataset(a, state.adminToken, {
    sequences: 400,
    length: 50,
    motifs: ['CTCF'],
    seed: 3,
  });
  const startRun = async (seed: number) =>
    (
      await gql<{ startTraining: { run: { id: string } } }>(
        a,
        `mutation($d: ID!, $e: Int!, $s: Int!) { startTraining(input: { datasetId: $d, architecture: "deepbind", epochs: $e, seed: $s, batchSize: 32 }) { run { id } userErrors { message } } }`,
        { d: datasetId, e: EPOCHS, s: seed },
      )
    ).startTraining.run.id;

  // The run followed from replica B: subscribe before it starts.
  const wsClient = createClient({
    url: `${b.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: auth,
  });
  const runs: string[] = [];
  const first = await startRun(1);
  runs.push(first);
  const seenEpochs = new Set<number>();
  const followed = new Promise<void>((resolve, reject) => {
    wsClient.subscribe<{
      trainingProgress: { epoch: number; batch: number | null; done: boolean };
    }>(
      {
        query: `subscription($r: ID!) { trainingProgress(runId: $r) { epoch batch done } }`,
        variables: { r: first },
      },
      {
        next: ({ data }) => {
          const event = data?.trainingProgress;
          if (event && event.batch === null && event.epoch > 0) seenEpochs.add(event.epoch);
          if (event?.done) resolve();
        },
        error: reject,
        complete: () => resolve(),
      },
    );
  });
  for (let i = 2; i <= TRAININGS; i++) runs.push(await startRun(i));
  // Cross-validations go to the jobs lane, beside the trainings on the same workers.
  const jobs: string[] = [];
  const crossValidations: string[] = [];
  for (let i = 1; i <= CROSS_VALIDATIONS; i++) {
    const out = await gql<{
      startCrossValidation: { job: { id: string } | null; userErrors: { message: string }[] };
    }>(
      a,
      `mutation($d: ID!, $s: Int!) { startCrossValidation(input: { datasetId: $d, architecture: "deepbind", folds: 2, epochs: 2, batchSize: 32, seed: $s }) { job { id } userErrors { message } } }`,
      { d: datasetId, s: i },
    );
    if (!out.startCrossValidation.job) {
      throw new Error(JSON.stringify(out.startCrossValidation.userErrors));
    }
    crossValidations.push(out.startCrossValidation.job.id);
  }
  jobs.push(...crossValidations);
  phase(`${TRAININGS} trainings and ${CROSS_VALIDATIONS} cross-validations queued`);

  // Kill the worker running a run that has stored at least one epoch, mid-training.
  const bucketSettings = bucketEnv ? readArtifactRemote(bucketEnv) : undefined;
  const remote: ArtifactObjectStore | undefined =
    bucketSettings && (await openArtifactRemote(bucketSettings, TEST_S3_CREDENTIALS));
  const db = await openDatabase({
    dataDir: join(dir, 'checker'),
    databaseUrl: state.databaseUrl,
    artifactDir: state.artifactDir ?? undefined,
    artifactRemote: remote,
  });
  let killed: string | null = null;
  let killedCpu = 0;
  for (let tries = 0; tries < 600 && !killed; tries++) {
    await sleep(500);
    const em = db.fork();
    const running = await em.find(Run, {
      id: { $in: runs },
      status: 'RUNNING',
      checkpointEpoch: { $gte: 1 },
    });
    for (const run of running) {
      if (run.checkpointEpoch >= run.epochs) continue;
      const worker = state.processes.find(
        (p) =>
          p.name.startsWith('worker') &&
          readFileSync(join(dir, 'logs', `${p.name}.log`), 'utf8').includes(
            `"runId":"${run.id}","epochs"`,
          ),
      );
      if (worker) {
        killedCpu = cpuSeconds(worker.pid);
        process.kill(worker.pid, 'SIGKILL');
        killed = run.id;
        phase(
          `SIGKILLed ${worker.name} (pid ${worker.pid}) during run ${run.id} at epoch ${run.checkpointEpoch}`,
        );
        break;
      }
    }
  }

  // The rest of the mix: explain jobs on the first run once it has a model.
  for (let tries = 0; tries < 1200; tries++) {
    const run = await db.fork().findOne(Run, first);
    if (run && ['SUCCEEDED', 'FAILED', 'CANCELLED', 'STALLED'].includes(run.status)) break;
    await sleep(500);
  }
  phase('first run final');
  for (let i = 0; i < EXPLAINS; i++) {
    const out = await gql<{
      explainSequence: { job: { id: string } | null; userErrors: { message: string }[] };
    }>(
      a,
      `mutation($r: ID!) { explainSequence(input: { runId: $r, method: SALIENCY, sequences: ["${'ACGT'.repeat(12)}AC"] }) { job { id } userErrors { message } } }`,
      { r: first },
    );
    if (!out.explainSequence.job) throw new Error(JSON.stringify(out.explainSequence.userErrors));
    jobs.push(out.explainSequence.job.id);
  }

  // Wait until every item is final.
  const final = ['SUCCEEDED', 'FAILED', 'CANCELLED', 'STALLED'];
  for (let tries = 0; tries < 2400; tries++) {
    const em = db.fork();
    const open =
      (await em.count(Run, { id: { $in: runs }, status: { $nin: final as never } })) +
      (await em.count(Job, { id: { $in: jobs }, status: { $nin: final as never } })) +
      // A run is stored final just before its TRAIN job is.
      (await em.count(Job, {
        kind: 'TRAIN',
        run: { $in: runs },
        status: { $nin: final as never },
      }));
    if (open === 0) break;
    await sleep(500);
  }
  phase('every item final');
  await Promise.race([followed, sleep(10_000)]);
  await wsClient.dispose();

  const em = db.fork();
  let finishedOnce = 0;
  let lost = 0;
  let duplicated = 0;
  for (const id of runs) {
    const run = await em.findOneOrFail(Run, id);
    const epochs = await em.find(EpochMetric, { run: id });
    const distinct = new Set(epochs.map((e) => e.epoch)).size;
    duplicated += epochs.length - distinct;
    lost += run.epochs - distinct;
    const artifacts = await em.count(ModelArtifact, { run: id });
    // Training is a job kind: one TRAIN job per run, however often it was delivered.
    const trainJobs = await em.find(Job, { kind: 'TRAIN', run: id });
    const jobOnce = trainJobs.length === 1 && trainJobs[0]!.status === 'SUCCEEDED';
    if (run.status === 'SUCCEEDED' && artifacts === 1 && distinct === run.epochs && jobOnce) {
      finishedOnce++;
    } else {
      const what = trainJobs.map((j) => j.status).join(',');
      phase(
        `run ${id}: ${run.status}, ${artifacts} models, ${distinct} epochs, TRAIN jobs ${what}`,
      );
    }
  }
  for (const id of jobs) {
    const job = await em.findOneOrFail(Job, id);
    // A cross-validation finished once has one result per fold (2), whatever its retries.
    const folds = crossValidations.includes(id)
      ? ((job.result as { folds?: unknown[] } | null)?.folds?.length ?? 0)
      : 2;
    if (job.status === 'SUCCEEDED' && folds === 2) finishedOnce++;
    else lost++;
  }
  const workerLogs = state.processes
    .filter((p) => p.name.startsWith('worker'))
    .map((p) => readFileSync(join(dir, 'logs', `${p.name}.log`), 'utf8'));
  const retried = workerLogs
    .map((log) => log.split('taking over from a lost worker').length - 1)
    .reduce((x, y) => x + y, 0);
  // Where the killed run started again on the other worker: its checkpoint, not epoch 0.
  let resumedFrom: number | null = null;
  for (const line of workerLogs.join('\n').split('\n')) {
    if (!killed || !line.includes(killed) || !line.includes('run resuming from checkpoint')) {
      continue;
    }
    const entry = JSON.parse(line) as { runId?: string; resumeEpoch?: number };
    if (entry.runId === killed) resumedFrom = Math.max(resumedFrom ?? 0, entry.resumeEpoch ?? 0);
  }
  const killedRun = killed ? await em.findOneOrFail(Run, killed) : null;
  // What the API replicas and workers used (PostgreSQL and Redis left out): with the wall time,
  // how much of it was waiting for a CPU on a shared machine.
  const cpu = state.processes.reduce((sum, p) => sum + cpuSeconds(p.pid), killedCpu);
  const bucket = remote ? await bucketReport(remote, dir, state) : {};
  await db.close();
  return {
    jobs: runs.length + jobs.length,
    finished_once: finishedOnce,
    retried,
    lost,
    duplicated_epochs: duplicated,
    cross_replica_ok: seenEpochs.size === EPOCHS,
    killed_run_status: killedRun?.status ?? null,
    killed_run_resumed_from_epoch: resumedFrom,
    kinds: { training: runs.length, cross_validation: crossValidations.length, explain: EXPLAINS },
    seconds: Math.round((Date.now() - startedAt) / 1000),
    cluster_cpu_seconds: Math.round(cpu),
    artifacts: ARTIFACTS,
    ...bucket,
  };
}

function filesIn(path: string): number {
  if (!existsSync(path)) return 0;
  return readdirSync(path, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .length;
}

/**
 * With a bucket: its objects by top-level folder, and that nothing went through a shared
 * directory (no process's local copy is another's, no `artifacts/` in the cluster dir).
 */
async function bucketReport(
  remote: ArtifactObjectStore,
  dir: string,
  state: ThrowawayCluster['state'],
): Promise<Record<string, unknown>> {
  const byFolder: Record<string, number> = {};
  let bytes = 0;
  for await (const object of remote.list('')) {
    const folder = object.key.split('/')[0]!;
    byFolder[folder] = (byFolder[folder] ?? 0) + 1;
    bytes += object.size;
  }
  const localFiles = Object.fromEntries(
    state.processes.map((p) => [p.name, filesIn(join(dir, p.name, 'artifact-cache'))]),
  );
  return {
    bucket_objects: byFolder,
    bucket_mb: Math.round(bytes / 1e5) / 10,
    local_copy_files: localFiles,
    shared_dir_used: existsSync(join(dir, 'artifacts')),
  };
}

let result: Record<string, unknown> | null = null;
let cluster: ThrowawayCluster | null = null;
let s3: TestS3Server | null = null;
try {
  let bucketEnv: NodeJS.ProcessEnv | null = null;
  if (ARTIFACTS === 's3') {
    s3 = await startTestS3Server('strand-cluster');
    bucketEnv = {
      STRAND_ARTIFACT_URL: `s3://${s3.bucket}/cluster-test`,
      STRAND_S3_ENDPOINT: s3.endpoint,
      AWS_ACCESS_KEY_ID: TEST_S3_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_S3_CREDENTIALS.secretAccessKey,
    };
    phase(`s3rver at ${s3.endpoint}`);
  }
  cluster = await startThrowawayCluster(bucketEnv ? { env: bucketEnv } : {});
  result = await main(cluster, bucketEnv);
} catch (error) {
  console.error(`cluster-test: ${(error as Error).stack ?? error}`);
} finally {
  cluster?.down(process.argv.includes('--keep'));
  // With --keep the server stays only while this process lives: it ends with it.
  await s3?.close();
}
const ok =
  !!result &&
  result.finished_once === result.jobs &&
  result.lost === 0 &&
  result.duplicated_epochs === 0 &&
  (result.retried as number) >= 1 &&
  (result.killed_run_resumed_from_epoch as number) >= 1 &&
  result.cross_replica_ok === true &&
  (ARTIFACTS !== 's3' ||
    (result.shared_dir_used === false &&
      // Every worker still alive worked on local copies of what it pulled.
      Object.entries(result.local_copy_files as Record<string, number>).every(
        ([name, files]) => !name.startsWith('worker') || files > 0,
      )));
console.log(JSON.stringify(result ?? { error: 'the cluster test did not complete' }));
process.exit(ok ? 0 : 1);
