import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Metric } from './metric.type.ts';
import { BOUNDS } from '../limits/bounds.ts';
import { ListBound } from '../limits/list-bound.ts';

@ObjectType({ description: "One epoch's stored metrics." })
export class EpochMetrics {
  @Field(() => Int)
  epoch!: number;

  @Field(() => [Metric], { description: `At most ${BOUNDS.metrics}.` })
  @ListBound(BOUNDS.metrics, 'values')
  metrics!: Metric[];

  @Field(() => Float)
  samplesPerSecond!: number;

  @Field(() => Float)
  seconds!: number;
}
