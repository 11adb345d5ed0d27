import { Field, ObjectType } from 'type-graphql';
import { Dataset } from './dataset.type.ts';
import { Job } from './job.type.ts';
import { ModelVersion } from './model-version.type.ts';
import { Run } from './run.type.ts';

@ObjectType({
  description:
    'Where a result, model version or run comes from: the job (for a result), the model version and run it used, the run config, the dataset the model was trained on and the split it saw.',
})
export class Lineage {
  @Field(() => Job, {
    nullable: true,
    description:
      "The job when asked for a job's result; its own inputs (dataset, reference, checksums) are on the job.",
  })
  job!: Job | null;

  @Field(() => ModelVersion, {
    nullable: true,
    description: 'null when asked for a run, or for a job given a run rather than a version.',
  })
  modelVersion!: ModelVersion | null;

  @Field(() => Run, {
    nullable: true,
    description: 'The run that trained the model; null for a job that used no model (an import).',
  })
  run!: Run | null;

  @Field(() => String, {
    nullable: true,
    description: 'The run configuration, as JSON text.',
  })
  config!: string | null;

  @Field(() => Dataset, {
    nullable: true,
    description:
      "The dataset the run trained on (see its checksum), or a model-less job's input dataset.",
  })
  dataset!: Dataset | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The split the run trained and validated on (method, seed, counts, SHA-256 of the held-out indices), as JSON text.',
  })
  split!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Whether the run's recorded data checksum is the dataset's current one; null when either is unknown.",
  })
  checksumMatches!: boolean | null;
}

@ObjectType({ description: 'What was made from a dataset.' })
export class DatasetDerived {
  /** Not fields: resolved by DatasetDerivedResolver. */
  datasetId!: string;
  projectId!: string;
}
