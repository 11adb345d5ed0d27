import { Field, Int, ObjectType } from 'type-graphql';
import { BOUNDS } from '../limits/bounds.ts';
import { ListBound } from '../limits/list-bound.ts';
import { Metric } from './metric.type.ts';

@ObjectType({
  description:
    "A run's best epoch by its monitored metric: val_loss, lowest (what LR-on-plateau watches), or loss for a run without validation rows.",
})
export class BestEpoch {
  @Field(() => String, { description: 'The metric the epoch is best by.' })
  monitor!: string;

  @Field(() => String, { description: '"min" (losses, errors) or "max" (scores).' })
  mode!: string;

  @Field(() => Int)
  epoch!: number;

  @Field(() => [Metric], { description: `That epoch's metrics (at most ${BOUNDS.metrics}).` })
  @ListBound(BOUNDS.metrics, 'values')
  metrics!: Metric[];
}
