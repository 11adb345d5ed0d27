import { Field, Float, ID, InputType, Int } from 'type-graphql';

@InputType()
export class StartTrainingInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "The run's project (the dataset's); may be left out when the caller has exactly one.",
  })
  projectId?: string | null;

  @Field(() => ID)
  datasetId!: string;

  @Field(() => String, { description: 'An architecture name (see `architectures`).' })
  architecture!: string;

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
