import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Metric } from './metric.type.ts';

@ObjectType({ description: "One epoch's stored metrics." })
export class EpochMetrics {
  @Field(() => Int)
  epoch!: number;

  @Field(() => [Metric])
  metrics!: Metric[];

  @Field(() => Float)
  samplesPerSecond!: number;

  @Field(() => Float)
  seconds!: number;
}
