import type { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './parallel-messages.ts';
import { ParallelWorkerError } from './parallel-worker.error.ts';

/**
 * One gradient worker seen from the main thread: at most one request in flight, answered by the
 * worker's next `ready`/`done`, failed by an `error` message, a crash or an early exit.
 */
export class WorkerHandle {
  private pending:
    { resolve: (message: FromWorker) => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;
  private readonly exited: Promise<number>;
  private onFailure: (() => void) | undefined;

  /** Resolves when the worker fails (error, crash, early exit); never rejects. */
  readonly failed: Promise<void> = new Promise((resolve) => (this.onFailure = resolve));

  constructor(
    readonly index: number,
    private readonly worker: Worker,
  ) {
    const ready = this.expect();
    void ready.catch(() => undefined); // observed through whenReady
    this.whenReady = ready;
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'error') this.settle(this.fail(message.message));
      else this.settle(message);
    });
    worker.on('error', (error) => this.settle(this.fail(error.message)));
    this.exited = new Promise((resolve) =>
      worker.once('exit', (code) => {
        if (this.pending !== undefined) this.settle(this.fail(`exited with code ${code}`));
        resolve(code);
      }),
    );
  }

  /** Resolves when the worker has built its replica. */
  readonly whenReady: Promise<FromWorker>;

  /** Sends a message and waits for the worker's answer. */
  request(message: ToWorker): Promise<FromWorker> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const answer = this.expect();
    this.worker.postMessage(message);
    return answer;
  }

  /** Asks the worker to dispose its replica and exit; throws unless it exits with code 0. */
  async close(): Promise<void> {
    this.worker.postMessage({ type: 'close' } satisfies ToWorker);
    const code = await this.exited;
    if (code !== 0)
      throw new ParallelWorkerError(`gradient worker ${this.index} exited with code ${code}`);
  }

  /** Ends the worker at once (after a failure elsewhere). */
  async terminate(): Promise<void> {
    await this.worker.terminate();
  }

  private expect(): Promise<FromWorker> {
    return new Promise((resolve, reject) => (this.pending = { resolve, reject }));
  }

  private fail(reason: string): Error {
    this.failure = new ParallelWorkerError(`gradient worker ${this.index}: ${reason}`);
    this.onFailure?.();
    return this.failure;
  }

  private settle(outcome: FromWorker | Error): void {
    const pending = this.pending;
    this.pending = undefined;
    if (pending === undefined) return;
    if (outcome instanceof Error) pending.reject(outcome);
    else pending.resolve(outcome);
  }
}
