/**
 * The job worker thread (see run-in-worker.ts): imports the given module, calls the named
 * function with the input, and reports progress, the result or the failure as messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ProgressUpdate } from './job-kind.ts';
import type { WorkerFunction } from './run-in-worker.ts';

export type JobWorkerMessage =
  | { type: 'progress'; update: ProgressUpdate }
  | { type: 'result'; result: unknown }
  /**
   * expected: the error is Strand's own (a JobError or a named input error), safe to show; code:
   * its `code` (e.g. ScoringError's PREFLIGHT_FAILED) when it has one.
   */
  | { type: 'failed'; message: string; expected: boolean; code: string | null };

if (!parentPort) throw new Error('job.worker.ts runs only as a worker thread');
const port = parentPort;
const data = workerData as { module: string; name: string; input: unknown };
const post = (message: JobWorkerMessage) => port.postMessage(message);
const controller = new AbortController();
port.on('message', (message: { type: string }) => {
  if (message.type === 'abort') controller.abort();
});

/** Errors whose messages Strand writes itself (with file:line or a reason, never data). */
function expected(error: unknown): boolean {
  return (
    error instanceof Error &&
    error.name !== 'Error' &&
    !(error instanceof TypeError) &&
    !(error instanceof RangeError) &&
    !(error instanceof ReferenceError)
  );
}

try {
  const module = (await import(data.module)) as Record<string, unknown>;
  const fn = module[data.name];
  if (typeof fn !== 'function') throw new Error(`${data.module} has no function "${data.name}"`);
  const result = await (fn as WorkerFunction<unknown, unknown>)(data.input, {
    progress: (update) => post({ type: 'progress', update }),
    signal: controller.signal,
  });
  post({ type: 'result', result });
} catch (error) {
  const isExpected = expected(error);
  const code = isExpected ? (error as { code?: unknown }).code : undefined;
  post({
    type: 'failed',
    message: error instanceof Error ? error.message : String(error),
    expected: isExpected,
    code: typeof code === 'string' ? code : null,
  });
}
