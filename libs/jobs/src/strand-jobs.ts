import type { EntityManager } from '@mikro-orm/core';
import { Dataset as DatasetEntity, Job, ModelVersion, Project, Run } from '@strand/data';
import type { Dataset, JobKindName, JsonObject, StrandDatabase } from '@strand/data';
import { createDemoDataset } from './datasets/create-demo-dataset.ts';
import type { CreateDemoDatasetInput } from './datasets/create-demo-dataset.ts';
import { userError } from './errors/user-error.ts';
import type { Outcome } from './errors/user-error.ts';
import type { EventBus } from './events/event-bus.ts';
import { JobExecutor } from './platform/job-executor.ts';
import type { JobKind, JobServices } from './platform/job-kind.ts';
import { JOB_KIND_REGISTRY } from './platform/registry.ts';
import { sweepLeftovers } from './platform/sweep-leftovers.ts';
import {
  DEFAULT_PROJECT_QUEUE_LIMIT,
  projectQueueFull,
  projectTurn,
} from './platform/project-quota.ts';
import { InProcessQueue } from './queue/in-process-queue.ts';
import type { JobHandler, JobQueue } from './queue/in-process-queue.ts';
import type { Lane, QueueEngine } from './cluster/engine.ts';
import { createTrainingRun } from './training/start-training.ts';
import type { StartTrainingInput } from './training/start-training.ts';
import { SILENT_JOB_LOG } from './training/job-log.ts';
import type { JobLog } from './training/job-log.ts';
import { TrainingExecutor } from './training/training-executor.ts';

export interface JobsOptions {
  /** Training runs at once; each takes one core (default 1). */
  concurrency?: number;
  /** Recorded on every run (default: the package version). */
  codeVersion?: string;
  /** Where unexpected job failures go (never with sequence data). */
  onError?: (runId: string, error: unknown) => void;
  /** A run with no progress for this long is STALLED and its worker terminated (default 300). */
  stallSeconds?: number;
  /** Job lifecycle logs (ids, statuses, epochs; default: none). */
  log?: JobLog;
  /** Background jobs at once (default 1). */
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
  /** Test-only hooks; never set in production. */
  testing?: { hangAfterEpoch?: number };
}

/** Default of JobsOptions.stallSeconds (STRAND_STALL_SECONDS). */
export const DEFAULT_STALL_SECONDS = 300;

/**
 * Strand's use cases: everything the API and the CLI do goes through here. Embedded mode runs
 * jobs in this process (worker threads); the scaled-out engine swaps the queue.
 */
export class Jobs {
  private readonly executor: TrainingExecutor;
  private readonly queue: JobQueue;
  private readonly jobExecutor: JobExecutor;
  /** Background jobs (imports, scoring, …): one at a time, beside the training queue. */
  private readonly jobQueue: JobQueue;
  private readonly kinds: ReadonlyMap<string, JobKind>;
  private readonly watchdog: NodeJS.Timeout;
  private readonly log: JobLog;
  private readonly trainingSlots: number;
  private readonly projectQueueLimit: number;
  private closing = false;
  private readonly engine: QueueEngine | null;
  private cancelRequests: AsyncIterator<unknown> | null = null;

  constructor(
    private readonly db: StrandDatabase,
    readonly bus: EventBus,
    options: JobsOptions = {},
  ) {
    this.log = options.log ?? SILENT_JOB_LOG;
    this.executor = new TrainingExecutor(db, bus, {
      codeVersion: options.codeVersion ?? '0.1.0',
      log: this.log,
      ...(options.testing?.hangAfterEpoch !== undefined
        ? { hangAfterEpoch: options.testing.hangAfterEpoch }
        : {}),
    });
    this.trainingSlots = options.concurrency ?? 1;
    this.projectQueueLimit = options.projectQueueLimit ?? DEFAULT_PROJECT_QUEUE_LIMIT;
    this.engine = options.engine ?? null;
    this.queue = this.makeQueue(
      'training',
      (id) => this.runItem('training', id),
      this.trainingSlots,
      options.onError,
    );
    this.kinds = new Map(
      [...JOB_KIND_REGISTRY, ...(options.jobKinds ?? [])].map((kind) => [kind.name, kind]),
    );
    this.jobExecutor = new JobExecutor(
      db,
      bus,
      this.kinds,
      (jobId, projectId) => this.jobServices(jobId, projectId),
      this.log,
    );
    this.jobQueue = this.makeQueue(
      'jobs',
      (id) => this.runItem('jobs', id),
      options.jobConcurrency ?? 1,
      options.onError,
    );
    if (this.engine?.consumes) this.listenForCancels();
    const stallMs = (options.stallSeconds ?? DEFAULT_STALL_SECONDS) * 1000;
    // Sweep often enough that a stall is seen within ~10% of the threshold (and ≤ 5 s late).
    this.watchdog = setInterval(
      () => this.executor.checkStalls(stallMs),
      Math.min(5_000, Math.max(100, stallMs / 10)),
    );
    this.watchdog.unref();
  }

  private makeQueue(
    lane: Lane,
    handler: JobHandler,
    concurrency: number,
    onError?: (id: string, error: unknown) => void,
  ): JobQueue {
    if (this.engine) return this.engine.create(lane, handler, concurrency, onError);
    return new InProcessQueue(handler, concurrency, onError);
  }

  /**
   * Runs one queued item (a training run or a background job). Scaled out, an item may come
   * again after its worker died (at-least-once delivery): a row still RUNNING then belongs to
   * nobody, since the queue gives an item to one worker at a time, so it goes back to QUEUED and
   * resumes from its checkpoint. An item that a shutdown left QUEUED throws, so that the queue
   * hands it to another worker (embedded mode: recover() queues it at the next start).
   */
  private async runItem(lane: Lane, id: string): Promise<void> {
    const entity = lane === 'training' ? Run : Job;
    if (this.engine) {
      const em = this.db.fork();
      const takenOver = await em.nativeUpdate(
        entity as typeof Run,
        { id, status: 'RUNNING' },
        { status: 'QUEUED' },
      );
      if (takenOver > 0) this.log.info({ id, lane }, 'taking over from a lost worker');
    }
    if (lane === 'training') await this.executor.execute(id);
    else await this.jobExecutor.execute(id);
    if (this.engine) {
      const row = await this.db
        .fork()
        .findOne(entity as typeof Run, { id }, { fields: ['status'] });
      if (row?.status === 'QUEUED' && this.closing) {
        throw new Error(`${lane} item left queued by a shutdown: another worker resumes it`);
      }
    }
  }

  /** A worker stops what it runs when any API replica asks (cancelRun / cancelJob there). */
  private listenForCancels(): void {
    const iterator = this.bus.subscribe('CANCEL_REQUEST')[Symbol.asyncIterator]();
    this.cancelRequests = iterator;
    void (async () => {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        const request = next.value;
        if (request.lane === 'training') this.executor.requestStop(request.id);
        else this.jobExecutor.requestStop(request.id, 'cancel');
      }
    })();
  }

  /** Runs and jobs waiting for a free worker. */
  get queueDepth(): number {
    return this.queue.waiting + this.jobQueue.waiting;
  }

  /** The kind of background job called `name`, if this server runs it. */
  jobKind(name: string): JobKind | undefined {
    return this.kinds.get(name);
  }

  /**
   * Validates and queues a background job of `kind` in a project (see platform/job-kind.ts). The
   * caller has checked the role the kind needs (JobKind.role).
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
    const full = await projectQueueFull(em, input.projectId, 'job', this.projectQueueLimit);
    if (full) return { ok: false, errors: [full] };
    const prepared = await kind.prepare(em, this.db, input.projectId, input.params);
    if (!prepared.ok) return prepared;
    const { params, lineage } = prepared.value;
    const job = new Job(em.getReference(Project, input.projectId), kind.name, params, '');
    job.artifactPath = `jobs/${job.id}`;
    if (lineage.datasetId)
      job.dataset = em.getReference(DatasetEntity, lineage.datasetId, { wrapped: true });
    if (lineage.runId) job.run = em.getReference(Run, lineage.runId, { wrapped: true });
    if (lineage.modelVersionId) {
      job.modelVersion = em.getReference(ModelVersion, lineage.modelVersionId, { wrapped: true });
    }
    job.lineage = lineage.details ?? {};
    em.persist(job);
    await em.flush();
    this.bus.publish('JOB_STATUS', { jobId: job.id, projectId: input.projectId, status: 'QUEUED' });
    const priority = await projectTurn(em, input.projectId, 'job');
    if (!this.closing) this.jobQueue.enqueue(job.id, { priority });
    return { ok: true, value: job };
  }

  /** Cancels a queued job at once, or asks a running one to stop. */
  async cancelJob(em: EntityManager, id: string): Promise<Outcome<Job>> {
    const job = await em.findOne(Job, { id });
    if (!job)
      return { ok: false, errors: [userError('id', 'NOT_FOUND', `no job with id "${id}"`)] };
    if (job.status === 'QUEUED' && this.jobQueue.dequeue(id)) {
      await this.jobExecutor.finish(em, job, 'CANCELLED');
      await this.kinds.get(job.kind)?.discard?.(this.db, job.params);
      return { ok: true, value: job };
    }
    if (job.status === 'RUNNING' && this.jobExecutor.requestStop(id, 'cancel')) {
      return { ok: true, value: job };
    }
    if (job.status === 'RUNNING' && this.engine) {
      // Running on a worker somewhere: every worker hears it; the one running it stops.
      this.bus.publish('CANCEL_REQUEST', { lane: 'jobs', id });
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
    const trainingQueue = this.queue;
    return {
      startChildRun: async (input, groupLabel) => {
        const em = this.db.fork();
        const outcome = await createTrainingRun(
          em,
          { ...(input as unknown as StartTrainingInput), projectId },
          this.db,
        );
        if (!outcome.ok) return outcome;
        const run = outcome.value;
        run.parentJob = em.getReference(Job, jobId, { wrapped: true });
        run.groupLabel = groupLabel;
        await em.flush();
        this.bus.publish('RUN_STATUS', { runId: run.id, projectId, status: 'QUEUED' });
        const priority = await projectTurn(em, projectId, 'run');
        if (!this.closing) this.queue.enqueue(run.id, { priority });
        return { ok: true, value: run.id };
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

  /** Validates and queues a training run. */
  async startTraining(em: EntityManager, input: StartTrainingInput): Promise<Outcome<Run>> {
    const full = await projectQueueFull(em, input.projectId, 'run', this.projectQueueLimit);
    if (full) return { ok: false, errors: [full] };
    const outcome = await createTrainingRun(em, input, this.db);
    if (outcome.ok) {
      this.bus.publish('RUN_STATUS', {
        runId: outcome.value.id,
        projectId: outcome.value.project.id,
        status: 'QUEUED',
      });
      const priority = await projectTurn(em, input.projectId, 'run');
      // During shutdown the run stays QUEUED in the database: recover() queues it at next start.
      if (!this.closing) this.queue.enqueue(outcome.value.id, { priority });
    }
    return outcome;
  }

  /** Cancels a queued run at once, or asks a running one to stop after its current batch. */
  async cancelRun(em: EntityManager, id: string): Promise<Outcome<Run>> {
    const run = await em.findOne(Run, { id });
    if (!run)
      return { ok: false, errors: [userError('id', 'NOT_FOUND', `no run with id "${id}"`)] };
    if (run.status === 'QUEUED' && this.queue.dequeue(id)) {
      run.status = 'CANCELLED';
      run.finishedAt = new Date();
      await em.flush();
      this.bus.publish('RUN_STATUS', { runId: id, projectId: run.project.id, status: 'CANCELLED' });
      return { ok: true, value: run };
    }
    if (run.status === 'RUNNING' && this.executor.requestStop(id)) return { ok: true, value: run };
    if (run.status === 'RUNNING' && this.engine) {
      this.bus.publish('CANCEL_REQUEST', { lane: 'training', id });
      return { ok: true, value: run };
    }
    return {
      ok: false,
      errors: [
        userError('id', 'NOT_CANCELLABLE', `run "${id}" is ${run.status} and cannot be cancelled`),
      ],
    };
  }

  /**
   * After a restart: runs left QUEUED are queued again; runs left RUNNING lost their worker (the
   * process was killed) and go back to QUEUED, to resume from their last checkpoint (an epoch
   * stored after it is trained again and its row replaced, so history has no gap or duplicate).
   * Before that, what interrupted writes left is swept (sweep-leftovers.ts): nothing
   * half-imported survives a restart.
   */
  async recover(): Promise<void> {
    const swept = await sweepLeftovers(this.db);
    if (swept.temporary + swept.datasetDirs + swept.datasetRows > 0)
      this.log.info({ ...swept }, 'swept what interrupted writes left');
    const em = this.db.fork();
    const runs = await em.find(
      Run,
      { status: { $in: ['QUEUED', 'RUNNING'] } },
      { orderBy: { createdAt: 'asc' } },
    );
    // Scaled out, a RUNNING row may be running on another worker: the queue's stalled check
    // (not a restart) decides that a worker is lost. Queuing an id twice is a no-op there.
    for (const run of runs) {
      if (run.status === 'RUNNING' && !this.engine) run.status = 'QUEUED';
    }
    await em.flush();
    // Each project's items take their turns again in the order they were made (see projectTurn).
    const runTurns = new Map<string, number>();
    for (const run of runs) {
      if (run.status !== 'QUEUED') continue;
      this.log.info(
        { runId: run.id, status: run.status, checkpointEpoch: run.checkpointEpoch },
        'run recovered',
      );
      const priority = (runTurns.get(run.project.id) ?? 0) + 1;
      runTurns.set(run.project.id, priority);
      this.queue.enqueue(run.id, { priority });
    }
    const jobs = await em.find(
      Job,
      { status: { $in: ['QUEUED', 'RUNNING'] } },
      { orderBy: { createdAt: 'asc' } },
    );
    for (const job of jobs) if (job.status === 'RUNNING' && !this.engine) job.status = 'QUEUED';
    await em.flush();
    const jobTurns = new Map<string, number>();
    for (const job of jobs) {
      if (job.status !== 'QUEUED') continue;
      this.log.info({ jobId: job.id, kind: job.kind }, 'job recovered');
      const priority = (jobTurns.get(job.project.id) ?? 0) + 1;
      jobTurns.set(job.project.id, priority);
      this.jobQueue.enqueue(job.id, { priority });
    }
  }

  /**
   * Graceful shutdown: takes no new work, asks running jobs to stop after their current batch
   * (they go back to QUEUED, keeping their last epoch's checkpoint) and waits for them.
   */
  async close(): Promise<void> {
    this.closing = true;
    // Waiting runs stay QUEUED in the database; recover() queues them again at the next start.
    this.queue.clear();
    this.jobQueue.clear();
    this.executor.stopAll();
    this.jobExecutor.stopAll();
    // The watchdog keeps running meanwhile: a hung worker never sees the stop flag.
    await Promise.all([this.queue.idle(), this.jobQueue.idle()]);
    clearInterval(this.watchdog);
    await this.cancelRequests?.return?.();
    for (const queue of [this.queue, this.jobQueue]) {
      if ('close' in queue) await (queue as { close(): Promise<void> }).close();
    }
  }
}
