/**
 * Runs queued jobs (see job-kind.ts): marks them RUNNING, gives their kind a context, stores and
 * publishes progress (throttled; a TRAIN job's batches and epochs each at once), and stores the
 * outcome. Cancel ends a job CANCELLED; shutdown leaves it QUEUED so that recovery runs it again
 * (kinds resume from their work directory).
 */
import { mkdir } from 'node:fs/promises';
import type { EntityManager } from '@mikro-orm/core';
import { DataError, Dataset, Job } from '@strand/data';
import type { JobProgress, JobStatus, StrandDatabase } from '@strand/data';
import type { EventBus, TrainingDetail } from '../events/event-bus.ts';
import type { JobLog } from '../training/job-log.ts';
import type { JobKind, JobServices, ProgressUpdate } from './job-kind.ts';
import { JobError } from './job-kind.ts';
import { WorkerAbortedError } from './run-in-worker.ts';

/** Progress is published at most this often per job (the last update is never lost). */
export const PROGRESS_PUBLISH_MS = 200;
/** …and stored (with the heartbeat) at most this often. */
export const PROGRESS_STORE_MS = 2_000;

type StopReason = 'cancel' | 'shutdown';

interface ActiveJob {
  controller: AbortController;
  reason: StopReason | null;
}

export class JobExecutor {
  private readonly active = new Map<string, ActiveJob>();

  constructor(
    private readonly db: StrandDatabase,
    private readonly bus: EventBus,
    private readonly kinds: ReadonlyMap<string, JobKind>,
    private readonly services: (jobId: string, projectId: string) => JobServices,
    private readonly log: JobLog,
  ) {}

  /** Asks a running job to stop; false if it is not running here. */
  requestStop(jobId: string, reason: StopReason): boolean {
    const job = this.active.get(jobId);
    if (!job) return false;
    job.reason ??= reason;
    // The reason tells a kind whether to wind its work down (cancel) or leave it to resume.
    job.controller.abort(job.reason);
    return true;
  }

  stopAll(): void {
    for (const id of this.active.keys()) this.requestStop(id, 'shutdown');
  }

  /**
   * Runs a QUEUED job. `admit`, when given, may refuse to start it now (its project runs as many
   * as it may; see Jobs.admit): the job stays QUEUED and this answers 'later'.
   */
  async execute(jobId: string, admit?: (job: Job) => Promise<boolean>): Promise<void | 'later'> {
    const em = this.db.fork();
    const job = await em.findOne(Job, jobId);
    if (!job || job.status !== 'QUEUED') return;
    const kind = this.kinds.get(job.kind);
    if (!kind) {
      await this.finish(em, job, 'FAILED', { error: `no job kind "${job.kind}" here` });
      return;
    }
    const active: ActiveJob = { controller: new AbortController(), reason: null };
    this.active.set(jobId, active);
    if (admit && !(await admit(job).catch(() => false))) {
      this.active.delete(jobId);
      return 'later';
    }
    const projectId = job.project.id;
    const workDir = this.db.artifacts.resolve(job.artifactPath);
    try {
      // What an earlier attempt published (a job may resume from it), then a place to write.
      await this.db.artifacts.pull(job.artifactPath, { optional: true });
      await mkdir(workDir, { recursive: true });
      job.status = 'RUNNING';
      job.startedAt ??= new Date();
      job.heartbeatAt = new Date();
      await em.flush();
      this.publishStatus(job);
      this.log.info({ jobId, kind: job.kind }, 'job starting');
      const reporter = this.progressReporter(job);
      let outcome;
      try {
        outcome = await kind.run({
          jobId,
          projectId,
          params: job.params,
          db: this.db,
          em: this.db.fork(),
          workDir,
          progress: reporter.update,
          signal: active.controller.signal,
          services: this.services(jobId, projectId),
        });
      } finally {
        await reporter.close();
      }
      if (active.reason && !outcome.complete) throw new WorkerAbortedError();
      // The job's files reach the store before the row says they are there.
      await this.db.artifacts.push(job.artifactPath);
      job.result = outcome.result;
      if (outcome.outputDatasetId)
        job.outputDataset = em.getReference(Dataset, outcome.outputDatasetId, { wrapped: true });
      if (job.progress.total !== null) job.progress = { ...job.progress, done: job.progress.total };
      await this.finish(em, job, 'SUCCEEDED');
    } catch (error) {
      // What it wrote so far, for the next attempt to resume from (or a failure to show).
      await this.db.artifacts.push(job.artifactPath).catch((e: unknown) => {
        this.log.error({ jobId, err: e }, 'job files not published');
      });
      if (active.reason === 'shutdown') {
        job.status = 'QUEUED';
        await em.flush();
        this.log.info({ jobId }, 'job left queued for the next start');
      } else if (active.reason === 'cancel') {
        await this.finish(em, job, 'CANCELLED');
      } else {
        const expected =
          error instanceof JobError || (error instanceof DataError && error.code === 'NOT_FOUND');
        const message = expected
          ? (error as Error).message
          : `the job failed unexpectedly (${error instanceof Error ? error.name : 'error'}); see the server log`;
        if (!expected) this.log.error({ jobId, err: error }, 'job failed');
        await this.finish(em, job, 'FAILED', {
          error: message,
          errorCode: error instanceof JobError ? error.code : null,
        });
      }
    } finally {
      this.active.delete(jobId);
    }
  }

  /**
   * Ends a job: stores its final status (and error), then tells subscribers (the status event
   * and the last progress event). Also used for a job cancelled while still queued.
   */
  async finish(
    em: EntityManager,
    job: Job,
    status: JobStatus,
    { error, errorCode }: { error?: string; errorCode?: string | null } = {},
  ): Promise<void> {
    job.status = status;
    job.finishedAt = new Date();
    job.error = error ?? null;
    job.errorCode = errorCode ?? null;
    await em.flush();
    this.publishStatus(job);
    const training = await this.finalTrainingOf(job);
    this.bus.publish('JOB_PROGRESS', job.id, {
      jobId: job.id,
      status,
      progress: job.progress,
      done: true,
      ...(training ? { training } : {}),
    });
    this.log.info({ jobId: job.id, status }, 'job finished');
  }

  /** A TRAIN job's run's final state, for its last event; null for other kinds or if unreadable. */
  private async finalTrainingOf(job: Job): Promise<TrainingDetail | null> {
    const kind = this.kinds.get(job.kind);
    if (!kind?.finalTraining) return null;
    try {
      return await kind.finalTraining(this.db, job.params);
    } catch (error) {
      // The last event still goes out: a subscriber reads the final state from the stored run.
      this.log.error({ jobId: job.id, err: error }, 'final training state not read');
      return null;
    }
  }

  private publishStatus(job: Job): void {
    this.bus.publish('JOB_STATUS', {
      jobId: job.id,
      projectId: job.project.id,
      status: job.status,
    });
  }

  /** Throttled progress: published every PROGRESS_PUBLISH_MS, stored every PROGRESS_STORE_MS. */
  private progressReporter(job: Job) {
    const em = this.db.fork();
    let latest: JobProgress = job.progress;
    let publishedAt = 0;
    let storedAt = Date.now();
    let pending: NodeJS.Timeout | null = null;
    let storing: Promise<void> = Promise.resolve();
    const publish = (training?: TrainingDetail) => {
      if (pending) clearTimeout(pending);
      pending = null;
      publishedAt = Date.now();
      this.bus.publish('JOB_PROGRESS', job.id, {
        jobId: job.id,
        status: 'RUNNING',
        progress: latest,
        done: false,
        ...(training ? { training } : {}),
      });
      if (publishedAt - storedAt >= PROGRESS_STORE_MS) store();
    };
    const store = () => {
      storedAt = Date.now();
      const progress = latest;
      storing = storing
        .then(() => em.nativeUpdate(Job, { id: job.id }, { progress, heartbeatAt: new Date() }))
        .then(
          () => undefined,
          (error: unknown) => this.log.error({ jobId: job.id, err: error }, 'progress not stored'),
        );
    };
    return {
      update: (update: ProgressUpdate) => {
        latest = {
          done: update.done,
          total: update.total === undefined ? latest.total : update.total,
          unit: update.unit ?? latest.unit,
          message: update.message === undefined ? latest.message : update.message,
        };
        job.progress = latest;
        // A batch or an epoch of a run is an event of its own (it carries the latest progress).
        if (update.training) return publish(update.training);
        if (pending) return;
        const wait = PROGRESS_PUBLISH_MS - (Date.now() - publishedAt);
        if (wait <= 0) publish();
        else pending = setTimeout(publish, wait);
      },
      close: async () => {
        if (pending) publish();
        await storing;
      },
    };
  }
}
