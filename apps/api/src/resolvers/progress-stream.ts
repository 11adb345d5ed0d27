import { FINAL_RUN_STATUSES, Run as RunEntity } from '@strand/data';
import type { TrainingProgressEvent } from '@strand/jobs';
import type { StrandContext } from '../context.ts';
import { followStream } from './follow-stream.ts';

/** The events of one run's training the caller can read, ending with `done: true`. */
export function progressStream(
  ctx: StrandContext,
  runId: string,
): AsyncGenerator<TrainingProgressEvent> {
  return followStream(ctx.jobs.bus.subscribe('TRAINING_PROGRESS', runId), async () => {
    const run = await ctx.db
      .fork()
      .findOne(RunEntity, { id: runId, project: { $in: ctx.viewer.projectIds } });
    if (!run) return { found: false, notFound: `no run with id "${runId}"` };
    if (!FINAL_RUN_STATUSES.includes(run.status)) return { found: true, final: null };
    return {
      found: true,
      final: {
        runId,
        status: run.status,
        epoch: run.currentEpoch,
        epochs: run.epochs,
        batch: null,
        batches: null,
        loss: run.finalMetrics?.loss ?? Number.NaN,
        metrics: run.finalMetrics ?? null,
        samplesPerSecond: null,
        etaSeconds: 0,
        done: true,
      },
    };
  });
}
