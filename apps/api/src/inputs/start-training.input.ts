import { Field, Float, InputType, Int } from 'type-graphql';
import { FREEZE_HELP, MAX_PROBES } from '@strand/jobs';
import { TrainingOptionsInput } from './training-options.input.ts';

/** A training run (projectId, datasetId, architecture and the training options are inherited). */
@InputType()
export class StartTrainingInput extends TrainingOptionsInput {
  @Field(() => Int)
  epochs!: number;

  @Field(() => Int, { nullable: true, description: 'Default 64.' })
  batchSize?: number | null;

  @Field(() => Float, { nullable: true, description: 'Adam learning rate; default 0.001.' })
  learningRate?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Seed for initialisation, split and shuffling; default 42.',
  })
  seed?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Architecture configuration as a JSON object; missing fields take defaults (with initFrom: the source model's, but for the head, which the data decides).",
  })
  config?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Transfer learning: start from this model of the project (a SUCCEEDED run id, a model version id, or NAME@ALIAS). Same architecture, same input shape as the dataset; layers of the same name and weight shapes are copied (the head is new when the classes or tasks differ). Recorded in Run.trainingOptions.initFrom.',
  })
  initFrom?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `With initFrom, the copied layers that do not train: ${FREEZE_HELP}. Default none.`,
  })
  freeze?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: `Live interpretation: up to ${MAX_PROBES} DNA sequences (A, C, G, T, N, either case) of the dataset's length. After every epoch the training worker computes their gradient × input attributions, stores them with the epoch (Run.probeAttributions) and sends them with the epoch's progress event.`,
  })
  probes?: string[] | null;
}
