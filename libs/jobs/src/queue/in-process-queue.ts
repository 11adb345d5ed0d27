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

export type JobHandler = (id: string) => Promise<void>;

export class InProcessQueue implements JobQueue {
  /** Waiting jobs, ordered by priority, FIFO among equals. */
  private readonly pending: { id: string; priority: number }[] = [];
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
    return this.pending.length;
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
    const at = this.pending.findIndex((p) => p.id === id);
    if (at < 0) return false;
    this.pending.splice(at, 1);
    this.settleIdle();
    return true;
  }

  clear(): string[] {
    const ids = this.pending.splice(0).map((p) => p.id);
    this.settleIdle();
    return ids;
  }

  idle(): Promise<void> {
    if (this.running === 0 && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.running < this.concurrency && this.pending.length > 0) {
      const { id } = this.pending.shift()!;
      this.running++;
      this.handler(id)
        .catch((error: unknown) => this.onError?.(id, error))
        .finally(() => {
          this.running--;
          this.pump();
          this.settleIdle();
        });
    }
  }

  private settleIdle(): void {
    if (this.running === 0 && this.pending.length === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      waiters.forEach((resolve) => resolve());
    }
  }
}
