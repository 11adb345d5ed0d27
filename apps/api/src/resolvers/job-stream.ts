import { FINAL_JOB_STATUSES, Job as JobEntity } from '@strand/data';
import type { JobProgressEvent } from '@strand/jobs';
import type { StrandContext } from '../context.ts';
import { followStream } from './follow-stream.ts';

/** The progress events of one job the caller can read, ending with `done: true`. */
export function jobStream(ctx: StrandContext, jobId: string): AsyncGenerator<JobProgressEvent> {
  return followStream(ctx.jobs.bus.subscribe('JOB_PROGRESS', jobId), async () => {
    const job = await ctx.db
      .fork()
      .findOne(JobEntity, { id: jobId, project: { $in: ctx.viewer.projectIds } });
    if (!job) return { found: false, notFound: `no job with id "${jobId}"` };
    return {
      found: true,
      final: FINAL_JOB_STATUSES.includes(job.status) ? await lastEventOf(ctx, job) : null,
    };
  });
}

/**
 * A finished job's last event as the executor published it: its kind tells the training detail
 * (a TRAIN job's run's final state), as it did for the live one.
 */
async function lastEventOf(ctx: StrandContext, job: JobEntity): Promise<JobProgressEvent> {
  const training = await ctx.jobs.jobKind(job.kind)?.finalTraining?.(ctx.db, job.params);
  return {
    jobId: job.id,
    status: job.status,
    progress: job.progress,
    done: true,
    ...(training ? { training } : {}),
  };
}
