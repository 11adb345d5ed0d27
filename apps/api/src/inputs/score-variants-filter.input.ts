import { Field, Float, InputType } from 'type-graphql';

@InputType({ description: 'Which variant scores to list; every condition given must hold.' })
export class VariantScoreFilterInput {
  @Field(() => String, {
    nullable: true,
    description: 'Exactly this chromosome, as the VCF writes it.',
  })
  chrom?: string | null;

  @Field(() => Float, { nullable: true, description: 'Only rows with absDiff ≥ this.' })
  minAbsDiff?: number | null;

  @Field(() => String, { nullable: true, description: 'Only this model task.' })
  task?: string | null;
}
