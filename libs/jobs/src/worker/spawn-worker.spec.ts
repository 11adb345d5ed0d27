import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spawnWorker } from './spawn-worker.ts';

const linux = existsSync('/proc/thread-self/stat');

function niceOf(stat: string): number {
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

async function workerNice(): Promise<number> {
  const worker = spawnWorker(new URL('./testing/thread-nice.ts', import.meta.url), {});
  try {
    return await new Promise<number>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  } finally {
    await worker.terminate();
  }
}

describe.skipIf(!linux)('worker threads', () => {
  it('run background work below the priority of the thread that answers requests', async () => {
    const main = niceOf(readFileSync('/proc/thread-self/stat', 'utf8'));
    const worker = await workerNice();
    // STRAND_WORKER_NICE defaults to 10; the calling thread keeps its own priority.
    expect(worker).toBe(Math.min(19, main + 10));
    expect(niceOf(readFileSync('/proc/thread-self/stat', 'utf8'))).toBe(main);
  });
});
