import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { VariantScore as VariantScoreEntity } from '@strand/data';
import { connectionOf } from './connection.ts';

/** What variantScores can be sorted by. */
export enum VariantScoreSortField {
  ABS_DIFF = 'absDiff',
  DIFF = 'diff',
  POSITION = 'position',
}
registerEnumType(VariantScoreSortField, {
  name: 'VariantScoreSortField',
  description: 'Sort keys of variant scores; ties are broken by the row (scores.tsv line).',
  valuesConfig: {
    ABS_DIFF: { description: '|alt − ref prediction|: the size of the effect.' },
    DIFF: { description: 'alt − ref prediction: the signed effect.' },
    POSITION: {
      description: 'Chromosome (by name, as text) then position.',
    },
  },
});

/**
 * Scores are stored as scores.tsv writes them (7 significant digits, about what a float32
 * prediction holds); SQLite may hand a double back one ulp away, and 7 digits recover the value.
 */
const score = (x: number) => Number(x.toPrecision(7));

@ObjectType({
  description:
    "One scored variant allele for one model task: the model's predictions for the reference and alternate windows and their difference.",
})
export class VariantScore {
  @Field(() => Int, { description: '0-based line of scores.tsv (after its header).' })
  row!: number;

  @Field(() => String, { description: 'As the VCF writes it.' })
  chrom!: string;

  @Field(() => Int, { description: '1-based VCF POS.' })
  pos!: number;

  @Field(() => String, { nullable: true, description: 'The VCF ID; null where it was ".".' })
  variantId!: string | null;

  @Field(() => String)
  ref!: string;

  @Field(() => String, { description: 'One ALT allele (multi-allelic records are split).' })
  alt!: string;

  @Field(() => String, { description: 'The model output (task) the numbers are for.' })
  task!: string;

  @Field(() => Float)
  refPred!: number;

  @Field(() => Float)
  altPred!: number;

  @Field(() => Float, { description: 'altPred − refPred.' })
  diff!: number;

  @Field(() => Float)
  absDiff!: number;

  @Field(() => Float, {
    description: 'logit(altPred) − logit(refPred), probabilities clipped to [1e-7, 1 − 1e-7].',
  })
  logOddsChange!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "Scored with a background: the share of its alleles (same task) whose |alt − ref| is below this one's, ties counting half (0.99: a larger effect, either sign, than 99% of the background). Null without a background.",
  })
  quantile!: number | null;

  static from(entity: VariantScoreEntity): VariantScore {
    return Object.assign(new VariantScore(), {
      row: entity.row,
      chrom: entity.chrom,
      pos: entity.pos,
      variantId: entity.variantId,
      ref: entity.ref,
      alt: entity.alt,
      task: entity.task,
      refPred: score(entity.refPred),
      altPred: score(entity.altPred),
      diff: score(entity.diff),
      absDiff: score(entity.absDiff),
      logOddsChange: score(entity.logOddsChange),
      quantile: entity.quantile == null ? null : score(entity.quantile),
    });
  }
}

export const VariantScoreConnection = connectionOf('VariantScore', VariantScore);
