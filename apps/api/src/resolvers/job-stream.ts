import type { EntityManager } from '@mikro-orm/core';
import { FINAL_JOB_STATUSES, Job as JobEntity, Run as RunEntity } from '@strand/data';
import { finalTraining } from '@strand/jobs';
import type { JobProgressEvent } from '@strand/jobs';
import type { StrandContext } from '../context.ts';
import { followStream } from './follow-stream.ts';

/** The progress events of one job the caller can read, ending with `done: true`. */
export function jobStream(ctx: StrandContext, jobId: string): AsyncGenerator<JobProgressEvent> {
  return followStream(ctx.jobs.bus.subscribe('JOB_PROGRESS', jobId), async () => {
    const em = ctx.db.fork();
    const job = await em.findOne(JobEntity, { id: jobId, project: { $in: ctx.viewer.projectIds } });
    if (!job) return { found: false, notFound: `no job with id "${jobId}"` };
    return {
      found: true,
      final: FINAL_JOB_STATUSES.includes(job.status) ? await lastEventOf(em, job) : null,
    };
  });
}

/** A finished job's last event as the executor published it: a TRAIN job's with its run's state. */
async function lastEventOf(em: EntityManager, job: JobEntity): Promise<JobProgressEvent> {
  const run =
    job.kind === 'TRAIN' && job.run ? await em.findOne(RunEntity, { id: job.run.id }) : null;
  return {
    jobId: job.id,
    status: job.status,
    progress: job.progress,
    done: true,
    ...(run ? { training: finalTraining(run) } : {}),
  };
}
