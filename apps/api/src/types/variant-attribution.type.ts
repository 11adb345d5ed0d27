import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { VariantAttribution as StoredAttribution } from '@strand/jobs';

@ObjectType({
  description:
    "Per-base attribution of one of a scoring job's top variants (scoreVariants(ismTop)): in-silico mutagenesis of its reference and alternate windows, each substitution's effect on the model output of its task.",
})
export class VariantAttribution {
  @Field(() => Int, { description: 'Its VariantScore.row: 0-based line of scores.tsv.' })
  row!: number;

  @Field(() => String)
  chrom!: string;

  @Field(() => Int, { description: '1-based VCF POS.' })
  pos!: number;

  @Field(() => String, { nullable: true })
  variantId!: string | null;

  @Field(() => String)
  ref!: string;

  @Field(() => String)
  alt!: string;

  @Field(() => String, { description: 'The model output attributed.' })
  task!: string;

  @Field(() => Float, { description: 'alt − ref prediction.' })
  diff!: number;

  @Field(() => Float, { nullable: true, description: 'Its background quantile, if calibrated.' })
  quantile!: number | null;

  @Field(() => Int, { description: '0-based index of the first REF base in both windows.' })
  center!: number;

  @Field(() => String)
  refWindow!: string;

  @Field(() => String)
  altWindow!: string;

  @Field(() => [Float], {
    description:
      '[length × 4] row-major (A, C, G, T), 4 significant digits: prediction(refWindow with that base there) − prediction(refWindow); 0 at the window’s own bases.',
  })
  refScores!: number[];

  @Field(() => [Float], { description: 'The same for altWindow.' })
  altScores!: number[];

  static from(stored: StoredAttribution): VariantAttribution {
    return Object.assign(new VariantAttribution(), {
      ...stored,
      refScores: stored.refScores.flat(),
      altScores: stored.altScores.flat(),
    });
  }
}
