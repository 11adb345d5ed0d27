import { Field, ID, InputType, Int } from 'type-graphql';
import { MARGINALIZE_LIMITS } from '@strand/jobs';
import { ModelChoiceInput } from './model-choice.input.ts';

@InputType({
  description:
    "In-silico marginalisation (strand marginalize): a motif inserted into dinucleotide-shuffled backgrounds made from a sequence dataset's first records, optionally a second motif at a range of spacings, and the motif's best match ablated. Name the model by exactly one of runId, modelVersionId, or modelName with alias.",
})
export class MarginalizeInput extends ModelChoiceInput {
  @Field(() => ID, {
    description:
      "A sequence dataset of the project, of the model's input length: its first records make the backgrounds.",
  })
  datasetId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Only the records with this label (e.g. "0", the negatives); default every record.',
  })
  label?: string | null;

  @Field(() => String, {
    description: `A JASPAR id or name (MA0139.2, CTCF) of jaspar or Strand's bundled motifs, inserted as its consensus; or a consensus of A, C, G, T (at most ${MARGINALIZE_LIMITS.motifChars} characters).`,
  })
  motif!: string;

  @Field(() => Int, {
    nullable: true,
    description: '0-based start of the motif; default centred.',
  })
  position?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `Also the motif alone at every positionStep-th start (0, step, 2 × step, …): its effect by position (at most ${MARGINALIZE_LIMITS.positions} starts).`,
  })
  positionStep?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'A second motif (same forms as motif), inserted after the first at each spacing from minSpacing to maxSpacing, the pair centred.',
  })
  secondMotif?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `With secondMotif: the smallest number of bases between the motifs (default ${MARGINALIZE_LIMITS.defaultSpacings[0]}).`,
  })
  minSpacing?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `With secondMotif: the largest (default ${MARGINALIZE_LIMITS.defaultSpacings[1]}; at most ${MARGINALIZE_LIMITS.spacings} spacings).`,
  })
  maxSpacing?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Also shuffle the motif's best PWM match (both strands, ≥ 0.7 × its best score) in the records themselves and report the drop.",
  })
  ablate?: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description: `Backgrounds, 1–${MARGINALIZE_LIMITS.backgrounds}; default ${MARGINALIZE_LIMITS.defaultBackgrounds}.`,
  })
  backgrounds?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The model output (0-based); default 0. Effects are on its logit.',
  })
  task?: number | null;

  @Field(() => Int, { nullable: true, description: 'Of the shuffles; default 1.' })
  seed?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      "A JASPAR file in the server's import directory (STRAND_IMPORT_DIR) the motifs are looked up in; default Strand's bundled motifs.",
  })
  jaspar?: string | null;
}
