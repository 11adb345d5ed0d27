import { Field, Float, InputType, Int } from 'type-graphql';
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
    description: 'Architecture configuration as a JSON object; missing fields take defaults.',
  })
  config?: string | null;
}
