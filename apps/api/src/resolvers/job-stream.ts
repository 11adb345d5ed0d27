import { GraphQLError } from 'graphql';
import { FINAL_JOB_STATUSES, Job as JobEntity } from '@strand/data';
import type { JobProgressEvent } from '@strand/jobs';
import type { StrandContext } from '../context.ts';

/**
 * The progress events of one job, ending after the event with `done: true`. As for runs
 * (progress-stream.ts): the listener is registered before the job is read, a finished job gives
 * its final state at once, and jobs of other projects are "not found".
 */
export async function* jobStream(
  ctx: StrandContext,
  jobId: string,
): AsyncGenerator<JobProgressEvent> {
  const iterator = ctx.jobs.bus.subscribe('JOB_PROGRESS', jobId)[Symbol.asyncIterator]();
  const first = iterator.next();
  try {
    const job = await ctx.db
      .fork()
      .findOne(JobEntity, { id: jobId, project: { $in: ctx.viewer.projectIds } });
    if (!job) {
      throw new GraphQLError(`no job with id "${jobId}"`, { extensions: { code: 'NOT_FOUND' } });
    }
    if (FINAL_JOB_STATUSES.includes(job.status)) {
      yield { jobId, status: job.status, progress: job.progress, done: true };
      return;
    }
    for (let next = await first; !next.done; next = await iterator.next()) {
      yield next.value;
      if (next.value.done) return;
    }
  } finally {
    await iterator.return?.();
  }
}
