import { GraphQLError } from 'graphql';
import { Run as RunEntity } from '@strand/data';
import type { TrainingProgressEvent } from '@strand/jobs';
import type { StrandContext } from '../context.ts';

const FINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED', 'STALLED']);

/**
 * The events of one run's training, ending after the event with `done: true`. The listener is
 * registered before the run is read, so no event falls between the two; a subscriber that
 * arrives after the run ended gets its final state at once. Only runs the caller can read.
 */
export async function* progressStream(
  ctx: StrandContext,
  runId: string,
): AsyncGenerator<TrainingProgressEvent> {
  const iterator = ctx.jobs.bus.subscribe('TRAINING_PROGRESS', runId)[Symbol.asyncIterator]();
  const first = iterator.next();
  try {
    // Runs of other projects are "not found", exactly like ids that do not exist.
    const run = await ctx.db
      .fork()
      .findOne(RunEntity, { id: runId, project: { $in: ctx.viewer.projectIds } });
    if (!run) {
      throw new GraphQLError(`no run with id "${runId}"`, { extensions: { code: 'NOT_FOUND' } });
    }
    if (FINAL.has(run.status)) {
      yield {
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
      };
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
