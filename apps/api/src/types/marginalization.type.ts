import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { MarginalizeTaskResult } from '@strand/jobs';
import { BOUNDS } from '../limits/bounds.ts';
import { ListBound } from '../limits/list-bound.ts';

@ObjectType({
  description:
    'Per-sequence effects summarised (4 significant digits); the statistics are null when n is 0.',
})
export class EffectSummary {
  @Field(() => Int)
  n!: number;

  @Field(() => Float, { nullable: true })
  mean!: number | null;

  @Field(() => Float, { nullable: true, description: 'Sample standard deviation: the spread.' })
  sd!: number | null;

  @Field(() => Float, { nullable: true })
  min!: number | null;

  @Field(() => Float, { nullable: true })
  max!: number | null;
}

@ObjectType({ description: 'A motif as inserted: its JASPAR id and name (null for a consensus).' })
export class InsertedMotif {
  @Field(() => String, { nullable: true })
  id!: string | null;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String)
  consensus!: string;

  @Field(() => Int, { nullable: true, description: '0-based start (the first motif only).' })
  position!: number | null;
}

@ObjectType({ description: 'The effect of the motif alone at one start.' })
export class PositionEffect {
  @Field(() => Int, { description: '0-based start.' })
  position!: number;

  @Field(() => EffectSummary)
  effect!: EffectSummary;
}

@ObjectType({ description: 'The effect of the motif pair at one spacing.' })
export class SpacingEffect {
  @Field(() => Int, { description: 'Bases between the end of the first motif and the second.' })
  spacing!: number;

  @Field(() => EffectSummary)
  effect!: EffectSummary;
}

@ObjectType({ description: "The motif's best match shuffled in the records themselves." })
export class MotifAblation {
  @Field(() => Int, { description: 'Records with a match (≥ 0.7 × the best PWM score).' })
  ablated!: number;

  @Field(() => EffectSummary, {
    description: 'Output − output with the match shuffled: positive when the motif helped.',
  })
  drop!: EffectSummary;
}

@ObjectType({ description: 'The result of a marginalize job; effects are on the logit.' })
export class Marginalization {
  @Field(() => ID)
  jobId!: string;

  @Field(() => String)
  backend!: string;

  @Field(() => String, { description: 'What the effects are differences of: logit.' })
  target!: string;

  @Field(() => Int, { description: 'Records read to make the backgrounds (and ablated).' })
  sequences!: number;

  @Field(() => Int)
  backgrounds!: number;

  @Field(() => InsertedMotif)
  motif!: InsertedMotif;

  @Field(() => Float, { description: 'Mean output on the backgrounds.' })
  before!: number;

  @Field(() => Float, { description: 'Mean output with the motif inserted.' })
  after!: number;

  @Field(() => EffectSummary, { description: 'Per background: with the motif − without.' })
  effect!: EffectSummary;

  @ListBound(BOUNDS.marginalPositions, 'values')
  @Field(() => [PositionEffect], {
    description: `The motif alone at each scanned start (empty without positionStep; at most ${BOUNDS.marginalPositions}).`,
  })
  positions!: PositionEffect[];

  @Field(() => InsertedMotif, { nullable: true })
  second!: InsertedMotif | null;

  @ListBound(BOUNDS.spacings, 'values')
  @Field(() => [SpacingEffect], {
    description: `The pair's effect per spacing, smallest first (empty without a second motif; at most ${BOUNDS.spacings}).`,
  })
  spacings!: SpacingEffect[];

  @Field(() => Int, { nullable: true, description: 'The spacing of the largest mean effect.' })
  bestSpacing!: number | null;

  @Field(() => MotifAblation, { nullable: true })
  ablation!: MotifAblation | null;

  static from(jobId: string, r: MarginalizeTaskResult): Marginalization {
    const effect = (e: EffectSummary) => Object.assign(new EffectSummary(), e);
    return Object.assign(new Marginalization(), {
      jobId,
      backend: r.backend,
      target: r.target,
      sequences: r.sequences,
      backgrounds: r.backgrounds,
      motif: Object.assign(new InsertedMotif(), r.motif),
      before: r.before,
      after: r.after,
      effect: effect(r.effect),
      positions: (r.positions ?? []).map((p) =>
        Object.assign(new PositionEffect(), { position: p.position, effect: effect(p.effect) }),
      ),
      second: r.second ? Object.assign(new InsertedMotif(), { ...r.second, position: null }) : null,
      spacings: (r.spacings ?? []).map((s) =>
        Object.assign(new SpacingEffect(), { spacing: s.spacing, effect: effect(s.effect) }),
      ),
      bestSpacing: r.bestSpacing ?? null,
      ablation: r.ablation
        ? Object.assign(new MotifAblation(), {
            ablated: r.ablation.ablated,
            drop: effect(r.ablation.drop),
          })
        : null,
    });
  }
}
