import type { EntityManager } from '@mikro-orm/core';
import { Dataset as DatasetEntity, Run } from '@strand/data';
import type { Dataset, StrandDatabase } from '@strand/data';
import { createDemoDataset } from './datasets/create-demo-dataset.ts';
import type { CreateDemoDatasetInput } from './datasets/create-demo-dataset.ts';
import { userError } from './errors/user-error.ts';
import type { Outcome } from './errors/user-error.ts';
import type { EventBus } from './events/event-bus.ts';
import { InProcessQueue } from './queue/in-process-queue.ts';
import type { JobQueue } from './queue/in-process-queue.ts';
import { createTrainingRun } from './training/start-training.ts';
import type { StartTrainingInput } from './training/start-training.ts';
import { TrainingExecutor } from './training/training-executor.ts';

export interface JobsOptions {
  /** Training runs at once; each takes one core (default 1). */
  concurrency?: number;
  /** Recorded on every run (default: the package version). */
  codeVersion?: string;
  /** Where unexpected job failures go (never with sequence data). */
  onError?: (runId: string, error: unknown) => void;
}

/**
 * Strand's use cases: everything the API and the CLI do goes through here. Embedded mode runs
 * jobs in this process (worker threads); the scaled-out engine swaps the queue.
 */
export class Jobs {
  private readonly executor: TrainingExecutor;
  private readonly queue: JobQueue;

  constructor(
    private readonly db: StrandDatabase,
    readonly bus: EventBus,
    options: JobsOptions = {},
  ) {
    this.executor = new TrainingExecutor(db, bus, options.codeVersion ?? '0.1.0');
    this.queue = new InProcessQueue(
      (id) => this.executor.execute(id),
      options.concurrency ?? 1,
      options.onError,
    );
  }

  /** Runs waiting for a free worker. */
  get queueDepth(): number {
    return this.queue.waiting;
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
    const outcome = await createTrainingRun(em, input);
    if (outcome.ok) {
      this.bus.publish('RUN_STATUS', {
        runId: outcome.value.id,
        projectId: outcome.value.project.id,
        status: 'QUEUED',
      });
      this.queue.enqueue(outcome.value.id);
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
    return {
      ok: false,
      errors: [
        userError('id', 'NOT_CANCELLABLE', `run "${id}" is ${run.status} and cannot be cancelled`),
      ],
    };
  }

  /**
   * After a restart: runs left QUEUED are queued again; runs left RUNNING lost their worker and
   * are marked FAILED (resuming from checkpoints is a later capability).
   */
  async recover(): Promise<void> {
    const em = this.db.fork();
    const runs = await em.find(
      Run,
      { status: { $in: ['QUEUED', 'RUNNING'] } },
      { orderBy: { createdAt: 'asc' } },
    );
    for (const run of runs) {
      if (run.status === 'RUNNING') {
        run.status = 'FAILED';
        run.error = 'interrupted: the process running it stopped';
        run.finishedAt = new Date();
      } else {
        this.queue.enqueue(run.id);
      }
    }
    await em.flush();
  }

  /** Asks running jobs to stop and waits for them (graceful shutdown). */
  async close(): Promise<void> {
    // Waiting runs stay QUEUED in the database; recover() queues them again at the next start.
    this.queue.clear();
    this.executor.stopAll();
    await this.queue.idle();
  }
}
