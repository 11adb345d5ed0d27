import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import { Run as RunEntity } from '@strand/data';
import type { RunStatusEvent } from '@strand/jobs';
import type { StrandContext } from '../context.ts';
import { Run } from '../types/run.type.ts';
import { TrainingProgress } from '../types/training-progress.type.ts';
import type { TrainingProgressEvent } from '../types/training-progress.type.ts';
import { progressStream } from './progress-stream.ts';

@Resolver()
export class SubscriptionResolver {
  @Subscription(() => TrainingProgress, {
    description:
      "A run's live progress: batch events (throttled), one event per epoch, and a last event with done: true. The training part of its TRAIN job's progress stream (jobProgress's training).",
    subscribe: ({ args, context }) => progressStream(context as StrandContext, String(args.runId)),
  })
  trainingProgress(
    @Root() event: TrainingProgressEvent,
    @Arg('runId', () => ID) _runId: string,
  ): TrainingProgress {
    return TrainingProgress.from(event);
  }

  @Subscription(() => Run, {
    topics: 'RUN_STATUS',
    filter: ({ payload, context }: { payload: RunStatusEvent; context: StrandContext }) =>
      context.viewer.canRead(payload.projectId),
    description: "A run of one of the caller's projects changed status.",
  })
  async runStatusChanged(
    @Root() event: RunStatusEvent,
    @Ctx() { db }: StrandContext,
  ): Promise<Run> {
    // A fresh fork per event: a subscription's context lives long, its identity map would go stale.
    return Run.from(await db.fork().findOneOrFail(RunEntity, { id: event.runId }));
  }
}
