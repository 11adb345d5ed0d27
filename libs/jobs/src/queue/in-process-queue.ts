/**
 * The embedded job queue: FIFO, a fixed number of jobs at once, in this process. Jobs do their
 * heavy work in worker threads, so the queue itself only waits. The scaled-out engine (BullMQ on
 * Redis) implements the same JobQueue interface.
 */
export interface JobQueue {
  /** Adds a job; it starts when a slot is free. */
  enqueue(id: string): void;
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
  private readonly pending: string[] = [];
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

  enqueue(id: string): void {
    this.pending.push(id);
    this.pump();
  }

  dequeue(id: string): boolean {
    const at = this.pending.indexOf(id);
    if (at < 0) return false;
    this.pending.splice(at, 1);
    this.settleIdle();
    return true;
  }

  clear(): string[] {
    const ids = this.pending.splice(0);
    this.settleIdle();
    return ids;
  }

  idle(): Promise<void> {
    if (this.running === 0 && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.running < this.concurrency && this.pending.length > 0) {
      const id = this.pending.shift()!;
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
