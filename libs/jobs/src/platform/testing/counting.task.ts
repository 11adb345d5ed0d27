/** A worker function for the platform spec: counts with progress, honours abort, fails on demand. */
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JobError } from '../job-kind.ts';
import type { WorkerTools } from '../run-in-worker.ts';

export interface CountingInput {
  steps: number;
  stepMs: number;
  workDir: string;
  /** Throw a JobError (expected, its message shown) at this step. */
  failAt?: number;
  /** Throw a TypeError (unexpected, its message hidden) at this step. */
  crashAt?: number;
}

export async function countSteps(input: CountingInput, { progress, signal }: WorkerTools) {
  for (let step = 1; step <= input.steps; step++) {
    if (signal.aborted) throw new JobError('aborted');
    await new Promise((resolve) => setTimeout(resolve, input.stepMs));
    if (step === input.failAt) throw new JobError(`input.txt:${step}: bad record`);
    if (step === input.crashAt) throw new TypeError('secret detail');
    // Each attempt leaves a trace, so a test can tell a resumed job ran again.
    await appendFile(join(input.workDir, 'steps.log'), `${step}\n`);
    progress({ done: step, total: input.steps, unit: 'steps', message: `step ${step}` });
  }
  return { counted: input.steps };
}
