/**
 * The embedded job queue: a fixed number of jobs at once, in this process, by priority (1 first,
 * BullMQ's convention) and FIFO among equals. Jobs do their heavy work in worker threads, so the
 * queue itself only waits. The scaled-out engine (BullMQ on Redis) implements the same JobQueue
 * interface. Jobs sets the priority to the item's turn in its project (platform/project-quota.ts),
 * which makes projects take turns on either engine.
 */
export interface EnqueueOptions {
  /** 1 is served first; a larger number waits behind every smaller one. Default 1. */
  priority?: number;
}

export interface JobQueue {
  /** Adds a job; it starts when a slot is free and no job of a smaller priority waits. */
  enqueue(id: string, options?: EnqueueOptions): void;
  /** Removes a waiting job; returns false if it is not waiting (running or unknown). */
  dequeue(id: string): boolean;
  /** Removes every waiting job (shutdown); returns their ids. */
  clear(): string[];
  /** Number of jobs waiting (not running). */
  readonly waiting: number;
  /**
   * Jobs that run at once, wherever they run: this queue's concurrency in process; scaled out,
   * every worker's that consumes the lane (a sweep starts as many trials at once).
   */
  readonly slots: number;
  /** Resolves when no job is waiting or running. */
  idle(): Promise<void>;
}

/** A handler's answer that the job may not start yet: offer it again after `laterMs`. */
export interface Later {
  laterMs: number;
}

/**
 * Runs one job. It may answer Later (its project is at its running limit): the queue frees the
 * slot at once and offers the job again after the delay, at the same priority.
 */
export type JobHandler = (id: string) => Promise<void | Later>;

export class InProcessQueue implements JobQueue {
  /** Waiting jobs, ordered by priority, FIFO among equals. */
  private readonly pending: { id: string; priority: number }[] = [];
  /** Jobs that answered Later, until their delay has passed (they count as waiting). */
  private readonly deferred = new Map<string, NodeJS.Timeout>();
  private running = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly handler: JobHandler,
    private readonly concurrency = 1,
    private readonly onError?: (id: string, error: unknown) => void,
  ) {}

  get slots(): number {
    return this.concurrency;
  }

  get waiting(): number {
    return this.pending.length + this.deferred.size;
  }

  enqueue(id: string, options: EnqueueOptions = {}): void {
    const priority = options.priority ?? 1;
    // After the last job of the same or a smaller priority (queues are short: ≤ the project
    // limit per project, so a linear scan from the end is enough).
    let at = this.pending.length;
    while (at > 0 && this.pending[at - 1].priority > priority) at--;
    this.pending.splice(at, 0, { id, priority });
    this.pump();
  }

  dequeue(id: string): boolean {
    const timer = this.deferred.get(id);
    if (timer) {
      clearTimeout(timer);
      this.deferred.delete(id);
      this.settleIdle();
      return true;
    }
    const at = this.pending.findIndex((p) => p.id === id);
    if (at < 0) return false;
    this.pending.splice(at, 1);
    this.settleIdle();
    return true;
  }

  clear(): string[] {
    for (const timer of this.deferred.values()) clearTimeout(timer);
    const ids = [...this.deferred.keys(), ...this.pending.splice(0).map((p) => p.id)];
    this.deferred.clear();
    this.settleIdle();
    return ids;
  }

  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.running < this.concurrency && this.pending.length > 0) {
      const { id, priority } = this.pending.shift()!;
      this.running++;
      this.handler(id)
        .then((answer) => {
          if (!answer) return;
          const timer = setTimeout(() => {
            this.deferred.delete(id);
            this.enqueue(id, { priority });
          }, answer.laterMs);
          timer.unref();
          this.deferred.set(id, timer);
        })
        .catch((error: unknown) => this.onError?.(id, error))
        .finally(() => {
          this.running--;
          this.pump();
          this.settleIdle();
        });
    }
  }

  private isIdle(): boolean {
    return this.running === 0 && this.pending.length === 0 && this.deferred.size === 0;
  }

  private settleIdle(): void {
    if (this.isIdle()) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      waiters.forEach((resolve) => resolve());
    }
  }
}
