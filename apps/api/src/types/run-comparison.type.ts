import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Run } from './run.type.ts';

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

  @Field(() => [ComparedMetric])
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
  @Field(() => [Run], { description: 'The compared runs, in the order asked for.' })
  runs!: Run[];

  @Field(() => [String], { description: 'Every metric any of the runs recorded, sorted.' })
  metricNames!: string[];

  @Field(() => [ComparedEpoch], { description: 'One row per epoch any run recorded.' })
  epochs!: ComparedEpoch[];

  @Field(() => [ParamDifference])
  params!: ParamDifference[];
}
