import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Matches runs whose hyperparameter or config field has a value.' })
export class ParamFilterInput {
  @Field(() => String, {
    description:
      'epochs, batchSize, learningRate, seed, architecture, or a field of the architecture config (e.g. filters).',
  })
  name!: string;

  @Field(() => String, {
    description:
      'Compared as a number or boolean when it reads as one ("0.001", "true"), else as text.',
  })
  value!: string;
}
