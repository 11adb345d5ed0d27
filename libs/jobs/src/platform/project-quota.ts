import type { EntityManager } from '@mikro-orm/core';
import { Job, Run } from '@strand/data';
import { userError } from '../errors/user-error.ts';
import type { UserError } from '../errors/user-error.ts';

/**
 * Fair use of the queues, in one place: how much one project may have waiting or running. With
 * the fair turn-taking of the queue (in-process-queue.ts) this keeps one project from starving
 * the others. Counted in the database, so it holds whichever engine runs the jobs.
 */
export const DEFAULT_PROJECT_QUEUE_LIMIT = 50;

/**
 * QUEUE_FULL when `projectId` already has `limit` training runs (or background jobs) queued or
 * running; runs a job started itself (sweep trials, CV folds) do not count, their job does.
 */
export async function projectQueueFull(
  em: EntityManager,
  projectId: string,
  what: 'run' | 'job',
  limit: number,
): Promise<UserError | null> {
  const active = { $in: ['QUEUED', 'RUNNING'] as ('QUEUED' | 'RUNNING')[] };
  const count =
    what === 'run'
      ? await em.count(Run, { project: projectId, status: active, parentJob: null })
      : await em.count(Job, { project: projectId, status: active });
  if (count < limit) return null;
  const noun = what === 'run' ? 'training runs' : 'jobs';
  return userError(
    'projectId',
    'QUEUE_FULL',
    `this project has ${count} ${noun} queued or running, the most it may have at once (${limit}); wait for some to finish or cancel some`,
  );
}
