import { Field, ID, InputType } from 'type-graphql';

/** The project, dataset and architecture a learning job (cross-validation, sweep) trains. */
@InputType()
export abstract class DatasetArchitectureInput {
  @Field(() => ID, { nullable: true, description: "Default: the caller's only project." })
  projectId?: string | null;

  @Field(() => ID, { description: 'A sequence-classification or expression dataset.' })
  datasetId!: string;

  @Field(() => String, { description: 'An architecture name (see `architectures`).' })
  architecture!: string;
}
