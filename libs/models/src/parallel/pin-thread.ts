import { spawnSync } from 'node:child_process';
import { readlinkSync } from 'node:fs';

/**
 * Pins the calling thread to one CPU (Linux, with util-linux's `taskset`): a worker thread is a
 * kernel task of its own, found through /proc/thread-self, and `taskset -p` sets that task's
 * affinity only. Keeps each gradient worker on its core (no migrations emptying its caches).
 * Returns whether the thread is now pinned; anywhere else it does nothing.
 */
export function pinThread(cpu: number): boolean {
  if (process.platform !== 'linux') return false;
  let task: string;
  try {
    task = readlinkSync('/proc/thread-self'); // "<pid>/task/<tid>"
  } catch {
    return false;
  }
  const tid = task.split('/').at(-1);
  if (tid === undefined || !/^\d+$/.test(tid)) return false;
  const run = spawnSync('taskset', ['-p', '-c', String(cpu), tid], { stdio: 'ignore' });
  return run.status === 0;
}
