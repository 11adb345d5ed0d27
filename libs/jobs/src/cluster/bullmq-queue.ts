/**
 * The scaled-out job queue: BullMQ on Redis, implementing the same JobQueue interface as the
 * in-process queue. One BullMQ queue per lane (`training`, `jobs`); an item is a database id,
 * and the database row stays the record of the work (status, progress, results).
 *
 * - at-least-once: an item is removed from Redis only after its handler returned; a worker that
 *   dies (SIGKILL, machine lost) stops renewing its lock, BullMQ's stalled-job check moves the
 *   item back to waiting, and another worker takes it (the handler then resumes from the row's
 *   checkpoint, see Jobs.takeOver). Handlers are idempotent on the row, so a second delivery
 *   finishes the work once in the database.
 * - retries with exponential backoff: a handler that throws (or leaves its row QUEUED, as a
 *   worker's SIGTERM does) is retried up to ATTEMPTS times.
 * - priorities: `enqueue(id, { priority })` (1 is the highest, BullMQ's convention); Jobs passes
 *   the item's turn in its project, so projects take turns across the cluster.
 * - the same id is never queued twice at once (the BullMQ job id is the row id).
 * - a handler that answers Later (its project runs as many as it may) puts the item back
 *   delayed (moveToDelayed + DelayedError, BullMQ's way), with no attempt spent.
 *
 * An API replica makes the queue with `consume: false` (it only adds); an apps/worker process
 * with `consume: true` and a handler.
 */
import { DelayedError, Queue, Worker } from 'bullmq';
import type { ConnectionOptions, Job as BullJob } from 'bullmq';
import type { EnqueueOptions, JobHandler, JobQueue, Later } from '../queue/in-process-queue.ts';

export const ATTEMPTS = 5;
/** A worker that has not renewed an item's lock for this long is presumed dead. */
export const LOCK_MS = 10_000;
/** How often workers look for items whose lock expired. */
export const STALLED_CHECK_MS = 3_000;

export interface BullMqQueueOptions {
  /** Redis to use (`redis://host:port/db` parsed into options by the caller, or ioredis options). */
  connection: ConnectionOptions;
  /** The lane: `training` or `jobs`. */
  name: string;
  /** Take items and run them here (apps/worker); false: only add them (an API replica). */
  consume: boolean;
  handler?: JobHandler;
  /** Items at once in this process. */
  concurrency?: number;
  onError?: (id: string, error: unknown) => void;
  /** Redis key prefix (tests and several clusters on one Redis). */
  prefix?: string;
}

export class BullMqQueue implements JobQueue {
  readonly queue: Queue;
  readonly worker: Worker | null;
  private running = 0;
  private waitingCount = 0;
  private workerCount = 0;
  private idleWaiters: Array<() => void> = [];
  private readonly refresh: NodeJS.Timeout;

  constructor(private readonly options: BullMqQueueOptions) {
    const prefix = options.prefix ?? 'strand';
    this.queue = new Queue(options.name, { connection: options.connection, prefix });
    this.worker = null;
    if (options.consume) {
      const handler = options.handler;
      if (!handler) throw new Error('a consuming BullMqQueue needs a handler');
      this.worker = new Worker(
        options.name,
        async (job: BullJob<{ id: string }>, token?: string) => {
          this.running++;
          let answer: Later | void = undefined;
          try {
            answer = await handler(job.data.id);
          } catch (error) {
            options.onError?.(job.data.id, error);
            throw error;
          } finally {
            this.running--;
            this.settleIdle();
          }
          if (answer) {
            // Not yet (its project is at its running limit): back in Redis, delayed, with no
            // attempt spent; any worker may take it when the delay has passed.
            await job.moveToDelayed(Date.now() + answer.laterMs, token);
            throw new DelayedError();
          }
        },
        {
          connection: options.connection,
          prefix,
          concurrency: options.concurrency ?? 1,
          lockDuration: LOCK_MS,
          stalledInterval: STALLED_CHECK_MS,
          maxStalledCount: ATTEMPTS,
        },
      );
      this.worker.on('error', () => undefined);
    }
    const refresh = () => {
      this.queue.getWaitingCount().then(
        (n) => (this.waitingCount = n),
        () => undefined,
      );
      // Workers of this lane connected to Redis now (CLIENT LIST: each BullMQ Worker names its
      // blocking connection after the queue), this process's included.
      if (this.worker) {
        this.queue.getWorkersCount().then(
          (n) => (this.workerCount = n),
          () => undefined,
        );
      }
    };
    refresh();
    this.refresh = setInterval(refresh, 2_000);
    this.refresh.unref();
  }

  get waiting(): number {
    return this.waitingCount;
  }

  /**
   * Items the cluster runs at once on this lane: the workers consuming it (as of the last
   * refresh, ≤ 2 s old) times this process's concurrency, taken as every worker's (a worker
   * started with another STRAND_TRAINING_CONCURRENCY makes this an estimate). At least this
   * process's own concurrency.
   */
  get slots(): number {
    const own = this.options.concurrency ?? 1;
    return Math.max(1, this.workerCount) * own;
  }

  enqueue(id: string, options: EnqueueOptions = {}): void {
    this.waitingCount++;
    void this.queue
      .add(
        'item',
        { id },
        {
          jobId: id,
          attempts: ATTEMPTS,
          backoff: { type: 'exponential', delay: 1_000 },
          removeOnComplete: true,
          removeOnFail: 1_000,
          // BullMQ takes priorities up to 2^21; beyond that order no longer matters here.
          ...(options.priority !== undefined
            ? { priority: Math.min(Math.max(1, Math.round(options.priority)), 2 ** 21) }
            : {}),
        },
      )
      .catch((error: unknown) => this.options.onError?.(id, error));
  }

  /**
   * Removes a waiting item. Redis answers later, so this returns true at once: the database row
   * (set CANCELLED by the caller) is what a worker checks before it runs an item anyway.
   */
  dequeue(id: string): boolean {
    void this.queue.remove(id).catch(() => undefined);
    return true;
  }

  /** Stops taking new items here (shutdown); waiting items stay in Redis for other workers. */
  clear(): string[] {
    if (this.worker) void this.worker.pause(true).catch(() => undefined);
    return [];
  }

  /** Resolves when no item is running in this process. */
  idle(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    clearInterval(this.refresh);
    if (this.worker) await this.worker.close();
    await this.queue.close();
  }

  private settleIdle(): void {
    if (this.running !== 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((resolve) => resolve());
  }
}
