import { Worker } from 'node:worker_threads';

const bootstrap = new URL('./ts-worker-bootstrap.mjs', import.meta.url);

/**
 * Starts a worker thread on a module given by URL. Strand runs its TypeScript source directly;
 * a worker's entry is not seen by the loader hooks of its parent on Node 20, so a `.ts` entry
 * goes through a small bootstrap that registers tsx inside the worker first.
 */
export function spawnWorker(entry: URL, workerData: Record<string, unknown>): Worker {
  if (entry.pathname.endsWith('.ts')) {
    return new Worker(bootstrap, { workerData: { ...workerData, entry: entry.href } });
  }
  return new Worker(entry, { workerData });
}
