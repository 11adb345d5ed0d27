import type { EntityManager } from '@mikro-orm/core';
import { Job, Run } from '@strand/data';
import { userError } from '../errors/user-error.ts';
import type { UserError } from '../errors/user-error.ts';

/**
 * Fair use of the queues, in one place: how much one project may have waiting or running, and
 * whose turn it is. Both are counted in the database, so they hold whichever engine runs the jobs
 * (the in-process queue or BullMQ on every worker).
 */
export const DEFAULT_PROJECT_QUEUE_LIMIT = 50;

const ACTIVE = { $in: ['QUEUED', 'RUNNING'] as ('QUEUED' | 'RUNNING')[] };
/** Jobs other than training: a TRAIN job is counted as its run. */
const NOT_TRAINING = { $ne: 'TRAIN' as const };

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
  const count =
    what === 'run'
      ? await em.count(Run, { project: projectId, status: ACTIVE, parentJob: null })
      : await em.count(Job, { project: projectId, status: ACTIVE, kind: NOT_TRAINING });
  if (count < limit) return null;
  const noun = what === 'run' ? 'training runs' : 'jobs';
  return userError(
    'projectId',
    'QUEUE_FULL',
    `this project has ${count} ${noun} queued or running, the most it may have at once (${limit}); wait for some to finish or cancel some`,
  );
}

/**
 * The queue priority of an item just saved (QUEUED) in `projectId`: its turn, i.e. how many items
 * of the same lane that project has queued or running, itself included. A project's first item
 * has priority 1, its 290th priority 290, so a project that queued hundreds waits its turn behind
 * the first items of every other project instead of going first with all of them; FIFO within a
 * project. Sweep trials and CV folds count as their project's runs.
 */
export async function projectTurn(
  em: EntityManager,
  projectId: string,
  what: 'run' | 'job',
): Promise<number> {
  const count =
    what === 'run'
      ? await em.count(Run, { project: projectId, status: ACTIVE })
      : await em.count(Job, { project: projectId, status: ACTIVE, kind: NOT_TRAINING });
  return Math.max(1, count);
}
