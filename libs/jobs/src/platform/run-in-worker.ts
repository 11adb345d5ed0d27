/**
 * Runs one exported function of a module in a worker thread, so heavy work (TensorFlow.js,
 * parsing) never blocks the API's event loop. The function has the shape of a WorkerFunction:
 * it gets its (structured-clonable) input, a progress callback and an abort signal, and returns a
 * structured-clonable result. A worker that ignores an abort for ABORT_GRACE_MS is terminated.
 */
import { spawnWorker } from '../worker/spawn-worker.ts';
import type { ProgressUpdate } from './job-kind.ts';
import { JobError } from './job-kind.ts';
import type { JobWorkerMessage } from './job.worker.ts';

export interface WorkerTools {
  progress(update: ProgressUpdate): void;
  signal: AbortSignal;
}

export type WorkerFunction<I, R> = (input: I, tools: WorkerTools) => Promise<R>;

/** How long an aborted worker may take to stop by itself before it is terminated. */
export const ABORT_GRACE_MS = 5_000;

const entry = new URL('./job.worker.ts', import.meta.url);

/** Thrown when the work was aborted before it finished. */
export class WorkerAbortedError extends Error {
  constructor() {
    super('aborted');
    this.name = 'WorkerAbortedError';
  }
}

export function runInWorker<I, R>(
  module: URL,
  name: string,
  input: I,
  tools: WorkerTools,
): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    if (tools.signal.aborted) {
      reject(new WorkerAbortedError());
      return;
    }
    const worker = spawnWorker(entry, { module: module.href, name, input });
    let settled = false;
    let grace: NodeJS.Timeout | undefined;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(grace);
      tools.signal.removeEventListener('abort', onAbort);
      outcome();
      void worker.terminate();
    };
    const onAbort = () => {
      worker.postMessage({ type: 'abort' });
      grace = setTimeout(() => settle(() => reject(new WorkerAbortedError())), ABORT_GRACE_MS);
      grace.unref();
    };
    tools.signal.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: JobWorkerMessage) => {
      switch (message.type) {
        case 'progress':
          tools.progress(message.update);
          return;
        case 'result':
          settle(() => resolve(message.result as R));
          return;
        case 'failed':
          settle(() =>
            reject(
              tools.signal.aborted
                ? new WorkerAbortedError()
                : message.expected
                  ? new JobError(message.message, message.code)
                  : new Error(message.message),
            ),
          );
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`job worker exited with code ${code} before a result`))),
    );
  });
}
