import { Field, Float, InputType, Int } from 'type-graphql';
import { SWEEP_DEFAULTS, SWEEP_LIMITS } from '@strand/jobs';
import { SweepEarlyStopInput } from './sweep-early-stop.input.ts';
import { SweepDirection, SweepMethod } from './sweep-options.enum.ts';
import { DatasetArchitectureInput } from './dataset-architecture.input.ts';

const d = SWEEP_DEFAULTS;

@InputType({
  description:
    'A hyperparameter sweep: its trials are ordinary training runs of the dataset, run one at a time and listed by the job (Job.runs, group labels "trial N").',
})
export class SweepInput extends DatasetArchitectureInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Configuration shared by every trial, as a JSON object; swept config.<field> values replace its fields.',
  })
  config?: string | null;

  @Field(() => String, {
    description:
      'The search space as a JSON object: parameter (learningRate, batchSize or config.<field>) → a list of values, or for RANDOM a range {"min", "max", "log"?, "integer"?}. E.g. {"learningRate": [0.01, 0.001], "config.filters": [16, 32]}.',
  })
  space!: string;

  @Field(() => SweepMethod, { nullable: true, description: 'Default GRID.' })
  method?: SweepMethod | null;

  @Field(() => Int, {
    nullable: true,
    description: `At most this many trials (≤ ${SWEEP_LIMITS.maxTrials}); default the whole grid, or 10 random trials.`,
  })
  maxTrials?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'An epoch metric: loss or a validation metric (val_auroc, val_accuracy, val_loss, …); default val_auroc for two classes, val_accuracy for more.',
  })
  metric?: string | null;

  @Field(() => SweepDirection, {
    nullable: true,
    description: 'Default MINIMIZE for losses (loss, mse, mae), else MAXIMIZE.',
  })
  direction?: SweepDirection | null;

  @Field(() => Int, { nullable: true, description: `Epochs per trial; default ${d.epochs}.` })
  epochs?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `For trials that do not sweep it; default ${d.batchSize}.`,
  })
  batchSize?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: `For trials that do not sweep it; default ${d.learningRate}.`,
  })
  learningRate?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `Every trial's seed (weights, split, shuffling) and the random draws; default ${d.seed}.`,
  })
  seed?: number | null;

  @Field(() => SweepEarlyStopInput, {
    nullable: true,
    description: 'Stop hopeless trials early; default: every trial trains every epoch.',
  })
  earlyStop?: SweepEarlyStopInput | null;
}
