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
      final: FINAL_JOB_STATUSES.includes(job.status)
        ? { jobId, status: job.status, progress: job.progress, done: true }
        : null,
    };
  });
}
