import { Worker } from 'node:worker_threads';

const bootstrap = new URL('./ts-worker-bootstrap.mjs', import.meta.url);

/**
 * Starts a worker thread on a TypeScript module through a bootstrap that registers tsx inside
 * the worker (a worker does not inherit its parent's loader hooks on Node 20).
 */
export function spawnTsWorker(entry: URL, workerData: Record<string, unknown>): Worker {
  return new Worker(bootstrap, { workerData: { ...workerData, entry: entry.href } });
}
