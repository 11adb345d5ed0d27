import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({
  description: 'A file on the server to import (inside the import directory, STRAND_IMPORT_DIR).',
})
export class ImportDatasetInput {
  @Field(() => ID, { nullable: true, description: "Default: the caller's only project." })
  projectId?: string | null;

  @Field(() => String, {
    description:
      'sequence-classification, sequence-regression (count profiles), expression, variants, or intervals (windows of a reference FASTA at the regions of a BED/narrowPeak file, stored as sequence-classification).',
  })
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
    description:
      "expression: the label column of the sample table. Sequence tables: the label column, or several separated by commas (a multitask head; 0/1 values); default `label`, else every `label_*` column. intervals: the regions' label columns (name, score or 0-based column numbers, comma-separated); default 1 for every region.",
  })
  labelColumn?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "Sequence tables: numeric feature columns kept as a model's second input (deepcpg), each a column name or a prefix (`cpg_`).",
  })
  featureColumns?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Sequence tables: the per-position count column (comma-separated counts, tracks separated by `;`): the target of a sequence-regression dataset (default `counts`), for bpnet.',
  })
  profileColumn?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. GRCh38.' })
  genomeBuild?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'expression: genes-by-samples or samples-by-genes; detected when left out (when one side is at least twice the other).',
  })
  orientation?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Refuse what the format's specification forbids even where htslib (or the format's common readers) read it: the job fails with file:line: reason instead of keeping a warning on the dataset. Default false.",
  })
  strict?: boolean | null;
  @Field(() => String, {
    nullable: true,
    description:
      'intervals: the reference FASTA (plain or bgzip), relative to the import directory; its .fai is built beside it when missing.',
  })
  referencePath?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "intervals: BED files whose peaks are the tasks, relative to the import directory: a window's label for a task is 1 when it overlaps one of the file's peaks.",
  })
  taskPaths?: string[] | null;

  @Field(() => Int, {
    nullable: true,
    description: 'intervals: the width of every window, centred on its region; default 200.',
  })
  windowWidth?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'intervals: negatives labelled 0, `gc-matched` (background windows of the reference) or `shuffled` (dinucleotide-shuffled positives).',
  })
  negatives?: string | null;

  @Field(() => Int, { nullable: true, description: 'intervals: seed of the negatives; default 1.' })
  seed?: number | null;
}
