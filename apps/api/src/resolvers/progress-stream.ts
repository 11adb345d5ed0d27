import { GraphQLError } from 'graphql';
import { FINAL_RUN_STATUSES, Job as JobEntity, Run as RunEntity } from '@strand/data';
import { finalTraining } from '@strand/jobs';
import type { JobProgressEvent, TrainingDetail } from '@strand/jobs';
import type { StrandContext } from '../context.ts';
import type { TrainingProgressEvent } from '../types/training-progress.type.ts';
import { jobStream } from './job-stream.ts';

// One view per bus event, so every subscriber of a run gets the same object (shared-subscribe.ts
// executes a query once per event object).
const views = new WeakMap<JobProgressEvent, TrainingProgressEvent>();

/**
 * The events of one run's training the caller can read, ending with `done: true`: a view of the
 * progress stream of the run's TRAIN job (its latest; a job delivered again keeps its id and
 * stream). A run that has already finished gives its final event at once.
 */
export async function* progressStream(
  ctx: StrandContext,
  runId: string,
): AsyncGenerator<TrainingProgressEvent> {
  const em = ctx.db.fork();
  const run = await em.findOne(RunEntity, { id: runId, project: { $in: ctx.viewer.projectIds } });
  if (!run) {
    throw new GraphQLError(`no run with id "${runId}"`, { extensions: { code: 'NOT_FOUND' } });
  }
  if (FINAL_RUN_STATUSES.includes(run.status)) {
    yield { ...finalTraining(run), done: true };
    return;
  }
  const job = await em.findOne(
    JobEntity,
    { kind: 'TRAIN', run: runId, project: run.project.id },
    { orderBy: { createdAt: 'desc' } },
  );
  if (!job) {
    // Every unfinished run gets a TRAIN job when it is started or recovered (Jobs.recover).
    throw new GraphQLError(`run "${runId}" has no training job to follow yet`, {
      extensions: { code: 'NOT_FOUND' },
    });
  }
  for await (const event of jobStream(ctx, job.id)) {
    if (event.training) yield viewOf(event, event.training);
    else if (event.done) {
      // The job ended without telling its run's state (it failed before its kind ran): read it.
      const stored = await ctx.db.fork().findOneOrFail(RunEntity, { id: runId });
      yield { ...finalTraining(stored), done: true };
    }
    if (event.done) return;
  }
}

function viewOf(event: JobProgressEvent, training: TrainingDetail): TrainingProgressEvent {
  let view = views.get(event);
  if (!view) views.set(event, (view = { ...training, done: event.done }));
  return view;
}
