import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Dataset as DatasetEntity, Job, ModelVersion, Project, Run } from '@strand/data';
import type { Dataset, JobKindName, JsonObject, StrandDatabase } from '@strand/data';
import { createDemoDataset } from './datasets/create-demo-dataset.ts';
import type { CreateDemoDatasetInput } from './datasets/create-demo-dataset.ts';
import { userError } from './errors/user-error.ts';
import type { Outcome } from './errors/user-error.ts';
import type { EventBus } from './events/event-bus.ts';
import { JobExecutor } from './platform/job-executor.ts';
import type { JobKind, JobLineage, JobServices } from './platform/job-kind.ts';
import { JOB_KIND_REGISTRY } from './platform/registry.ts';
import { sweepLeftovers } from './platform/sweep-leftovers.ts';
import {
  DEFAULT_PROJECT_QUEUE_LIMIT,
  projectQueueFull,
  projectTurn,
} from './platform/project-quota.ts';
import { InProcessQueue } from './queue/in-process-queue.ts';
import type { JobHandler, JobQueue, Later } from './queue/in-process-queue.ts';
import type { Lane, QueueEngine } from './cluster/engine.ts';
import { trainKind } from './kinds/train.kind.ts';
import type { StartTrainingInput } from './training/start-training.ts';
import { SILENT_JOB_LOG } from './training/job-log.ts';
import type { JobLog } from './training/job-log.ts';
import { TrainingExecutor } from './training/training-executor.ts';

export interface JobsOptions {
  /** Training runs (TRAIN jobs) at once; each takes one core (default 1). */
  concurrency?: number;
  /** Recorded on every run (default: the package version). */
  codeVersion?: string;
  /** Where unexpected job failures go (never with sequence data). */
  onError?: (runId: string, error: unknown) => void;
  /** A run with no progress for this long is STALLED and its worker terminated (default 300). */
  stallSeconds?: number;
  /** Job lifecycle logs (ids, statuses, epochs; default: none). */
  log?: JobLog;
  /** Other jobs at once (default 1). */
  jobConcurrency?: number;
  /** Job kinds besides the built-in ones (tests). */
  jobKinds?: JobKind[];
  /**
   * Scaled-out mode: the queues come from this engine (BullMQ on Redis, see cluster/engine.ts)
   * and the bus must be the cluster's. Absent: embedded mode, in-process queues.
   */
  engine?: QueueEngine;
  /**
   * Training runs (or background jobs) one project may have queued or running at once; more are
   * refused with QUEUE_FULL (default 50; platform/project-quota.ts).
   */
  projectQueueLimit?: number;
  /**
   * Jobs of one lane (training runs; or the other jobs) one project may have RUNNING at once;
   * more wait in the queue, in their turn, without holding a slot (default 0: no limit). Checked
   * where jobs start: scaled out, give every worker the same value.
   */
  projectRunningLimit?: number;
  /** Test-only hooks; never set in production. */
  testing?: { hangAfterEpoch?: number };
}

/** A job its project's running limit holds back is offered again after this long. */
const ADMIT_RETRY_MS = 1_000;

/** Default of JobsOptions.stallSeconds (STRAND_STALL_SECONDS). */
export const DEFAULT_STALL_SECONDS = 300;

/**
 * Strand's use cases: everything the API and the CLI do goes through here. Training is a job kind
 * (TRAIN, kinds/train.kind.ts) like every other: one executor runs every job, from one queue
 * interface with two lanes (training, one slot per core; and the rest), so a sweep or a CV never
 * holds the slot its trials need. Embedded mode runs jobs in this process (worker threads); the
 * scaled-out engine swaps the queues for BullMQ.
 */
export class Jobs {
  private readonly training: TrainingExecutor;
  private readonly executor: JobExecutor;
  private readonly queues: Record<Lane, JobQueue>;
  private readonly kinds: ReadonlyMap<string, JobKind>;
  private readonly watchdog: NodeJS.Timeout;
  private readonly log: JobLog;
  private readonly projectQueueLimit: number;
  private readonly projectRunningLimit: number;
  /** Admissions run one at a time in this process (SQLite has one connection). */
  private admissions: Promise<unknown> = Promise.resolve();
  private closing = false;
  private readonly engine: QueueEngine | null;
  private cancelRequests: AsyncIterator<unknown> | null = null;

  constructor(
    private readonly db: StrandDatabase,
    readonly bus: EventBus,
    options: JobsOptions = {},
  ) {
    this.log = options.log ?? SILENT_JOB_LOG;
    this.training = new TrainingExecutor(db, bus, {
      codeVersion: options.codeVersion ?? '0.1.0',
      log: this.log,
      ...(options.testing?.hangAfterEpoch !== undefined
        ? { hangAfterEpoch: options.testing.hangAfterEpoch }
        : {}),
    });
    this.projectQueueLimit = options.projectQueueLimit ?? DEFAULT_PROJECT_QUEUE_LIMIT;
    this.projectRunningLimit = options.projectRunningLimit ?? 0;
    this.engine = options.engine ?? null;
    this.kinds = new Map(
      [
        trainKind(this.training, bus) as unknown as JobKind,
        ...JOB_KIND_REGISTRY,
        ...(options.jobKinds ?? []),
      ].map((kind) => [kind.name, kind]),
    );
    this.executor = new JobExecutor(
      db,
      bus,
      this.kinds,
      (jobId, projectId) => this.jobServices(jobId, projectId),
      this.log,
    );
    this.queues = {
      training: this.makeQueue('training', options.concurrency ?? 1, options.onError),
      jobs: this.makeQueue('jobs', options.jobConcurrency ?? 1, options.onError),
    };
    if (this.engine?.consumes) this.listenForCancels();
    const stallMs = (options.stallSeconds ?? DEFAULT_STALL_SECONDS) * 1000;
    // Sweep often enough that a stall is seen within ~10% of the threshold (and ≤ 5 s late).
    this.watchdog = setInterval(
      () => this.training.checkStalls(stallMs),
      Math.min(5_000, Math.max(100, stallMs / 10)),
    );
    this.watchdog.unref();
  }

  private makeQueue(
    lane: Lane,
    concurrency: number,
    onError?: (id: string, error: unknown) => void,
  ): JobQueue {
    const handler: JobHandler = (id) => this.runItem(lane, id);
    if (this.engine) return this.engine.create(lane, handler, concurrency, onError);
    return new InProcessQueue(handler, concurrency, onError);
  }

  private laneOf(kind: string): Lane {
    return this.kinds.get(kind)?.lane ?? 'jobs';
  }

  /**
   * Runs one queued job. Scaled out, a job may come again after its worker died (at-least-once
   * delivery): a row still RUNNING then belongs to nobody, since the queue gives an item to one
   * worker at a time, so it goes back to QUEUED and resumes (a TRAIN job from its run's last
   * checkpoint). A job that a shutdown left QUEUED throws, so that the queue hands it to another
   * worker (embedded mode: recover() queues it at the next start).
   */
  private async runItem(lane: Lane, id: string): Promise<void | Later> {
    if (this.engine) {
      const takenOver = await this.db
        .fork()
        .nativeUpdate(Job, { id, status: 'RUNNING' }, { status: 'QUEUED' });
      if (takenOver > 0) this.log.info({ id, lane }, 'taking over from a lost worker');
    }
    const limit = this.projectRunningLimit;
    const admit = limit > 0 ? (job: Job) => this.admit(lane, job, limit) : undefined;
    if ((await this.executor.execute(id, admit)) === 'later') return { laterMs: ADMIT_RETRY_MS };
    if (this.engine) {
      const row = await this.db.fork().findOne(Job, { id }, { fields: ['status'] });
      if (row?.status === 'QUEUED' && this.closing) {
        throw new Error(`${lane} job left queued by a shutdown: another worker resumes it`);
      }
    }
  }

  /**
   * Claims a running place for `job` in its project, in one transaction: the project's row
   * locked (PostgreSQL: workers of a cluster admit one at a time per project), its RUNNING jobs
   * of the lane counted, and the job marked RUNNING if under the limit. False: not now (or no
   * longer QUEUED); the queue offers it again later.
   */
  private admit(lane: Lane, job: Job, limit: number): Promise<boolean> {
    const projectId = job.project.id;
    const kinds = [...this.kinds.values()]
      .filter((kind) => (kind.lane ?? 'jobs') === lane)
      .map((kind) => kind.name);
    const admitted = this.admissions.then(() =>
      this.db.fork().transactional(async (em) => {
        if (this.engine) {
          await em.findOne(Project, projectId, { lockMode: LockMode.PESSIMISTIC_WRITE });
        }
        const running = await em.count(Job, {
          project: projectId,
          status: 'RUNNING',
          kind: { $in: kinds },
        });
        if (running >= limit) return false;
        const claimed = await em.nativeUpdate(
          Job,
          { id: job.id, status: 'QUEUED' },
          { status: 'RUNNING' },
        );
        return claimed === 1;
      }),
    );
    this.admissions = admitted.catch(() => undefined);
    return admitted;
  }

  /** A worker stops what it runs when any API replica asks (cancelRun / cancelJob there). */
  private listenForCancels(): void {
    const iterator = this.bus.subscribe('CANCEL_REQUEST')[Symbol.asyncIterator]();
    this.cancelRequests = iterator;
    void (async () => {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        this.executor.requestStop(next.value.id, 'cancel');
      }
    })();
  }

  /** Jobs waiting for a free worker, training included. */
  get queueDepth(): number {
    return this.queues.training.waiting + this.queues.jobs.waiting;
  }

  /** The kind of job called `name`, if this server runs it. */
  jobKind(name: string): JobKind | undefined {
    return this.kinds.get(name);
  }

  /**
   * Validates and queues a job of `kind` in a project (see platform/job-kind.ts). The caller has
   * checked the role the kind needs (JobKind.role).
   */
  async startJob(
    em: EntityManager,
    input: { projectId: string; kind: JobKindName; params: JsonObject },
  ): Promise<Outcome<Job>> {
    const kind = this.kinds.get(input.kind);
    if (!kind) {
      return {
        ok: false,
        errors: [userError('kind', 'UNKNOWN_JOB_KIND', `no job kind "${input.kind}" here`)],
      };
    }
    const what = kind.lane === 'training' ? 'run' : 'job';
    const full = await projectQueueFull(em, input.projectId, what, this.projectQueueLimit);
    if (full) return { ok: false, errors: [full] };
    return this.submit(em, kind, input.projectId, input.params);
  }

  /** prepare, then store and queue the job (no quota check: the caller's). */
  private async submit(
    em: EntityManager,
    kind: JobKind,
    projectId: string,
    raw: JsonObject,
    child?: { jobId: string; groupLabel: string },
  ): Promise<Outcome<Job>> {
    const prepared = await kind.prepare(em, this.db, projectId, raw);
    if (!prepared.ok) return prepared;
    const { params, lineage } = prepared.value;
    if (child && lineage.runId) {
      // A run a job started itself (a sweep's trial): counted as its parent's, shown in its group.
      const run = await em.findOneOrFail(Run, { id: lineage.runId });
      run.parentJob = em.getReference(Job, child.jobId, { wrapped: true });
      run.groupLabel = child.groupLabel;
    }
    const job = this.newJob(em, kind, projectId, params, lineage);
    em.persist(job);
    await em.flush();
    await this.enqueue(em, job);
    return { ok: true, value: job };
  }

  private newJob(
    em: EntityManager,
    kind: JobKind,
    projectId: string,
    params: JsonObject,
    lineage: JobLineage,
    id?: string,
  ): Job {
    const job = new Job(em.getReference(Project, projectId), kind.name, params, '');
    if (id) job.id = id;
    job.artifactPath = `jobs/${job.id}`;
    if (lineage.datasetId)
      job.dataset = em.getReference(DatasetEntity, lineage.datasetId, { wrapped: true });
    if (lineage.runId) job.run = em.getReference(Run, lineage.runId, { wrapped: true });
    if (lineage.modelVersionId) {
      job.modelVersion = em.getReference(ModelVersion, lineage.modelVersionId, { wrapped: true });
    }
    job.lineage = lineage.details ?? {};
    return job;
  }

  /** Tells subscribers a job (and a TRAIN job's run) is QUEUED, then queues it in its turn. */
  private async enqueue(em: EntityManager, job: Job): Promise<void> {
    const projectId = job.project.id;
    this.bus.publish('JOB_STATUS', { jobId: job.id, projectId, status: 'QUEUED' });
    const lane = this.laneOf(job.kind);
    if (job.kind === 'TRAIN') {
      this.bus.publish('RUN_STATUS', {
        runId: String(job.params.runId),
        projectId,
        status: 'QUEUED',
      });
    }
    const priority = await projectTurn(em, projectId, lane === 'training' ? 'run' : 'job');
    // During shutdown the job stays QUEUED in the database: recover() queues it at next start.
    if (!this.closing) this.queues[lane].enqueue(job.id, { priority });
  }

  /** Cancels a queued job at once, or asks a running one to stop. */
  async cancelJob(em: EntityManager, id: string): Promise<Outcome<Job>> {
    const job = await em.findOne(Job, { id });
    if (!job)
      return { ok: false, errors: [userError('id', 'NOT_FOUND', `no job with id "${id}"`)] };
    if (job.status === 'QUEUED' && this.queues[this.laneOf(job.kind)].dequeue(id)) {
      // Discarded first: the job's last event tells what it leaves (a TRAIN job's run CANCELLED).
      await this.kinds.get(job.kind)?.discard?.(this.db, job.params);
      await this.executor.finish(em, job, 'CANCELLED');
      return { ok: true, value: job };
    }
    if (job.status === 'RUNNING' && this.executor.requestStop(id, 'cancel')) {
      return { ok: true, value: job };
    }
    if (job.status === 'RUNNING' && this.engine) {
      // Running on a worker somewhere: every worker hears it; the one running it stops.
      this.bus.publish('CANCEL_REQUEST', { id });
      return { ok: true, value: job };
    }
    return {
      ok: false,
      errors: [
        userError('id', 'NOT_CANCELLABLE', `job "${id}" is ${job.status} and cannot be cancelled`),
      ],
    };
  }

  /** What a running job may do besides its own work: start and stop child training runs. */
  private jobServices(jobId: string, projectId: string): JobServices {
    const trainingQueue = this.queues.training;
    return {
      startChildRun: async (input, groupLabel) => {
        const em = this.db.fork();
        const outcome = await this.submit(em, this.kinds.get('TRAIN')!, projectId, input, {
          jobId,
          groupLabel,
        });
        return outcome.ok ? { ok: true, value: String(outcome.value.params.runId) } : outcome;
      },
      cancelChildRun: async (runId) => {
        await this.cancelRun(this.db.fork(), runId);
      },
      // Scaled out, every worker's training slots: a sweep's trials spread over the workers.
      get trainingSlots() {
        return trainingQueue.slots;
      },
    };
  }

  /** Makes a planted-motif demo dataset (see createDemoDataset). */
  createDemoDataset(em: EntityManager, input: CreateDemoDatasetInput): Promise<Outcome<Dataset>> {
    return createDemoDataset(em, this.db.artifacts, input);
  }

  /**
   * Embedded mode's first start: a demo dataset (2,000 × 101 bp, one planted motif) so there is
   * something to train on at once, in `projectId`. Returns it when made; null when that project
   * has a dataset already.
   */
  async ensureDemoDataset(em: EntityManager, projectId: string): Promise<Dataset | null> {
    if ((await em.count(DatasetEntity, { project: projectId })) > 0) return null;
    const outcome = await this.createDemoDataset(em, {
      projectId,
      name: 'demo: planted motif',
      sequences: 2000,
      length: 101,
      seed: 1,
    });
    if (!outcome.ok) throw new Error(outcome.errors.map((e) => e.message).join('; '));
    return outcome.value;
  }

  /** Validates a training run, stores it QUEUED and queues its TRAIN job. */
  async startTraining(em: EntityManager, input: StartTrainingInput): Promise<Outcome<Run>> {
    const { projectId, ...params } = input;
    const started = await this.startJob(em, {
      projectId,
      kind: 'TRAIN',
      params: params as unknown as JsonObject,
    });
    if (!started.ok) return started;
    return {
      ok: true,
      value: await em.findOneOrFail(Run, { id: String(started.value.params.runId) }),
    };
  }

  /** Cancels a queued run at once, or asks a running one to stop after its current batch. */
  async cancelRun(em: EntityManager, id: string): Promise<Outcome<Run>> {
    const run = await em.findOne(Run, { id });
    if (!run)
      return { ok: false, errors: [userError('id', 'NOT_FOUND', `no run with id "${id}"`)] };
    const job = await em.findOne(Job, {
      kind: 'TRAIN',
      run: id,
      status: { $in: ['QUEUED', 'RUNNING'] },
    });
    if (job && (run.status === 'QUEUED' || run.status === 'RUNNING')) {
      const cancelled = await this.cancelJob(em, job.id);
      if (!cancelled.ok) return cancelled;
      return { ok: true, value: await em.findOneOrFail(Run, { id }, { refresh: true }) };
    }
    return {
      ok: false,
      errors: [
        userError('id', 'NOT_CANCELLABLE', `run "${id}" is ${run.status} and cannot be cancelled`),
      ],
    };
  }

  /**
   * After a restart: jobs left QUEUED are queued again; jobs left RUNNING lost their worker (the
   * process was killed) and go back to QUEUED, to resume (a TRAIN job from its run's last
   * checkpoint: an epoch stored after it is trained again and its row replaced, so history has no
   * gap or duplicate). Runs left QUEUED or RUNNING that no active TRAIN job carries (stored before
   * training was a job, or marked RUNNING after their job ended) get one. Before that, what
   * interrupted writes left is swept (sweep-leftovers.ts): nothing half-imported survives.
   */
  async recover(): Promise<void> {
    const swept = await sweepLeftovers(this.db);
    if (swept.temporary + swept.datasetDirs + swept.datasetRows > 0)
      this.log.info({ ...swept }, 'swept what interrupted writes left');
    const em = this.db.fork();
    await this.adoptRuns(em);
    const jobs = await em.find(
      Job,
      { status: { $in: ['QUEUED', 'RUNNING'] } },
      { orderBy: { createdAt: 'asc' } },
    );
    // Scaled out, a RUNNING row may be running on another worker: the queue's stalled check
    // (not a restart) decides that a worker is lost. Queuing an id twice is a no-op there.
    for (const job of jobs) if (job.status === 'RUNNING' && !this.engine) job.status = 'QUEUED';
    await em.flush();
    // Each project's jobs take their turns again in the order they were made (see projectTurn).
    const turns = new Map<string, number>();
    for (const job of jobs) {
      if (job.status !== 'QUEUED') continue;
      this.log.info({ jobId: job.id, kind: job.kind }, 'job recovered');
      const lane = this.laneOf(job.kind);
      const key = `${lane}:${job.project.id}`;
      const priority = (turns.get(key) ?? 0) + 1;
      turns.set(key, priority);
      this.queues[lane].enqueue(job.id, { priority });
    }
  }

  /**
   * A TRAIN job for every run left QUEUED or RUNNING without an active one. Its id is derived
   * from the run and the number of TRAIN jobs it had, so two API replicas starting at once make
   * it once (the second insert is refused by the primary key).
   */
  private async adoptRuns(em: EntityManager): Promise<void> {
    const runs = await em.find(
      Run,
      { status: { $in: ['QUEUED', 'RUNNING'] } },
      { orderBy: { createdAt: 'asc' } },
    );
    const kind = this.kinds.get('TRAIN')!;
    for (const run of runs) {
      const trainJobs = await em.find(Job, { kind: 'TRAIN', run: run.id }, { fields: ['status'] });
      if (trainJobs.some((j) => j.status === 'QUEUED' || j.status === 'RUNNING')) continue;
      const id = adoptionId(run.id, trainJobs.length);
      const own = this.db.fork();
      const lineage = { datasetId: run.dataset.id, runId: run.id };
      own.persist(this.newJob(own, kind, run.project.id, { runId: run.id }, lineage, id));
      try {
        await own.flush();
        this.log.info({ runId: run.id, jobId: id }, 'run adopted by a TRAIN job');
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
      }
    }
  }

  /**
   * Graceful shutdown: takes no new work, asks running jobs to stop soon (a training run after
   * its current batch, keeping its last epoch's checkpoint); they go back to QUEUED. Waits.
   */
  async close(): Promise<void> {
    this.closing = true;
    const queues = [this.queues.training, this.queues.jobs];
    // Waiting jobs stay QUEUED in the database; recover() queues them again at the next start.
    for (const queue of queues) queue.clear();
    this.executor.stopAll();
    // The watchdog keeps running meanwhile: a hung worker never sees the stop flag.
    await Promise.all(queues.map((queue) => queue.idle()));
    clearInterval(this.watchdog);
    await this.cancelRequests?.return?.();
    for (const queue of queues) {
      if ('close' in queue) await (queue as { close(): Promise<void> }).close();
    }
  }
}

/** A UUID-shaped id that is a function of a run and its count of earlier TRAIN jobs. */
function adoptionId(runId: string, earlier: number): string {
  const hex = createHash('sha256').update(`train:${runId}:${earlier}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
