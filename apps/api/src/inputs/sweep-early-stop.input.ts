import { Field, InputType, Int } from 'type-graphql';
import { SWEEP_DEFAULTS, SWEEP_LIMITS } from '@strand/jobs';

@InputType({
  description:
    "The median stopping rule (Google Vizier): a trial whose best value so far is worse than the median of the completed trials' best values at the same epoch is stopped (pruned).",
})
export class SweepEarlyStopInput {
  @Field(() => Int, {
    description: `Epochs a trial trains before it may be stopped, ${SWEEP_LIMITS.afterEpochs.min}–${SWEEP_LIMITS.afterEpochs.max}.`,
  })
  afterEpochs!: number;

  @Field(() => Int, {
    nullable: true,
    description: `Completed trials needed before any is stopped; default ${SWEEP_DEFAULTS.minCompleted}.`,
  })
  minCompleted?: number | null;
}
