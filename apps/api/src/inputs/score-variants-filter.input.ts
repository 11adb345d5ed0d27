import { Field, Float, InputType, Int } from 'type-graphql';

@InputType({ description: 'Which variant scores to list; every condition given must hold.' })
export class VariantScoreFilterInput {
  @Field(() => String, {
    nullable: true,
    description:
      'This chromosome, in either spelling: `17` finds `chr17` and the reverse, `chrM` finds `MT`.',
  })
  chrom?: string | null;

  @Field(() => Float, { nullable: true, description: 'Only rows with absDiff ≥ this.' })
  minAbsDiff?: number | null;

  @Field(() => String, { nullable: true, description: 'Only this model task.' })
  task?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Only positions ≥ this (1-based, as VCF POS). With `chrom` and `end`: the variants in a genome window.',
  })
  start?: number | null;

  @Field(() => Int, { nullable: true, description: 'Only positions ≤ this (1-based, inclusive).' })
  end?: number | null;
}
