import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({
  description:
    'A planted-motif demo dataset: positives carry a motif instance, negatives are background.',
})
export class CreateDemoDatasetInput {
  @Field(() => ID, {
    nullable: true,
    description: "The dataset's project; may be left out when the caller has exactly one.",
  })
  projectId?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => Int, {
    description: 'Number of sequences (10–200,000; sequences × length at most 200,000,000 bases).',
  })
  sequences!: number;

  @Field(() => Int, { description: 'Sequence length in bp (8–10,000).' })
  length!: number;

  @Field(() => [String], {
    nullable: true,
    description: 'Bundled JASPAR motif ids or names (see `motifs`); default: the first.',
  })
  motifs?: string[] | null;

  @Field(() => Int, { nullable: true })
  seed?: number | null;
}
