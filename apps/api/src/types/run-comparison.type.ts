import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Run } from './run.type.ts';
import { BOUNDS } from '../limits/bounds.ts';
import { ListBound } from '../limits/list-bound.ts';

@ObjectType({ description: 'One metric at one epoch: a value per compared run, in `runs` order.' })
export class ComparedMetric {
  @Field(() => String)
  name!: string;

  @Field(() => [Float], { nullable: 'items', description: 'null where a run has no value.' })
  values!: (number | null)[];
}

@ObjectType({ description: 'One epoch of the aligned histories.' })
export class ComparedEpoch {
  @Field(() => Int)
  epoch!: number;

  @Field(() => [ComparedMetric], {
    description: `At most ${BOUNDS.comparedValues.toLocaleString('en-US')}.`,
  })
  @ListBound(BOUNDS.comparedValues, 'values')
  metrics!: ComparedMetric[];
}

@ObjectType({ description: 'A parameter that is not the same in every compared run.' })
export class ParamDifference {
  @Field(() => String, {
    description: 'architecture, dataset, epochs, batchSize, learningRate, seed or config.<field>.',
  })
  name!: string;

  @Field(() => [String], {
    nullable: 'items',
    description: 'JSON text of the value per run, in `runs` order; null where a run has none.',
  })
  values!: (string | null)[];
}

@ObjectType({
  description: 'Runs side by side: aligned metric histories and differing parameters.',
})
export class RunComparison {
  @Field(() => [Run], {
    description: `The compared runs, in the order asked for (at most ${BOUNDS.comparedRuns}).`,
  })
  @ListBound(BOUNDS.comparedRuns)
  runs!: Run[];

  @Field(() => [String], { description: 'Every metric any of the runs recorded, sorted.' })
  metricNames!: string[];

  @Field(() => [ComparedEpoch], {
    description: `One row per epoch any run recorded (at most ${BOUNDS.epochs.toLocaleString('en-US')}).`,
  })
  @ListBound(BOUNDS.epochs, 'values')
  epochs!: ComparedEpoch[];

  @Field(() => [ParamDifference], {
    description: `At most ${BOUNDS.comparedValues.toLocaleString('en-US')}.`,
  })
  @ListBound(BOUNDS.comparedValues, 'values')
  params!: ParamDifference[];
}
