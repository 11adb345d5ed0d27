import { Field, ID, InputType } from 'type-graphql';

@InputType({
  description: 'A file on the server to import (inside the import directory, STRAND_IMPORT_DIR).',
})
export class ImportDatasetInput {
  @Field(() => ID, { nullable: true, description: "Default: the caller's only project." })
  projectId?: string | null;

  @Field(() => String, { description: 'sequence-classification, expression or variants.' })
  kind!: string;

  @Field(() => String, {
    description: 'Path relative to the import directory (absolute paths must lie inside it).',
  })
  path!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'expression: the sample table, relative to the import directory.',
  })
  labelsPath?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'expression: the label column of the sample table.',
  })
  labelColumn?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. GRCh38.' })
  genomeBuild?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'expression: genes-by-samples or samples-by-genes; detected when left out (when one side is at least twice the other).',
  })
  orientation?: string | null;
}
