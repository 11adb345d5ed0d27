import { Field, ObjectType } from 'type-graphql';
import { Dataset } from './dataset.type.ts';
import { ModelVersion } from './model-version.type.ts';
import { Run } from './run.type.ts';

@ObjectType({
  description: 'Where a model version or run comes from: its run, run config and dataset.',
})
export class Lineage {
  @Field(() => ModelVersion, { nullable: true, description: 'null when asked for a run.' })
  modelVersion!: ModelVersion | null;

  @Field(() => Run)
  run!: Run;

  @Field(() => String, { description: 'The run configuration, as JSON text.' })
  config!: string;

  @Field(() => Dataset, { description: 'The dataset the run trained on (see its checksum).' })
  dataset!: Dataset;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Whether the run's recorded data checksum is the dataset's current one; null when either is unknown.",
  })
  checksumMatches!: boolean | null;
}

@ObjectType({ description: 'What was made from a dataset.' })
export class DatasetDerived {
  @Field(() => [Run], { description: 'Runs trained on it, newest first.' })
  runs!: Run[];

  @Field(() => [ModelVersion], { description: 'Model versions registered from those runs.' })
  modelVersions!: ModelVersion[];
}
