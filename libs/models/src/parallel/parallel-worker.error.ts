/** A gradient worker failed or exited early; the message names the worker and its reason. */
export class ParallelWorkerError extends Error {
  readonly code = 'PARALLEL_WORKER';

  constructor(message: string) {
    super(message);
    this.name = 'ParallelWorkerError';
  }
}
