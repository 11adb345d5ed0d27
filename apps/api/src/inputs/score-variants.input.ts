import { Field, ID, InputType, Int } from 'type-graphql';
import { BACKGROUND_SIZE, MAX_ISM_TOP, MAX_SHIFTS, SCORE_VARIANTS_LIMITS } from '@strand/jobs';
import { ModelChoiceInput } from './model-choice.input.ts';

const { chunkSize } = SCORE_VARIANTS_LIMITS;

@InputType({
  description:
    'Variants to score and the model to score them with: name the model by exactly one of runId, modelVersionId, or modelName with alias.',
})
export class ScoreVariantsInput extends ModelChoiceInput {
  @Field(() => ID, { description: 'A variants dataset (an imported VCF) of the project.' })
  datasetId!: string;

  @Field(() => String, {
    description:
      'The reference FASTA the VCF was called on: a path relative to the import directory (STRAND_IMPORT_DIR); plain or bgzip; its .fai is built beside it when missing.',
  })
  reference!: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Average the predictions of both strands. Default: as the model was trained (true for a model trained with rcAverage), else false.',
  })
  reverseComplement?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Score even when the pre-flight finds a gross mismatch with the reference (a wrong build?). Default false.',
  })
  force?: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description: `VCF records per resumable chunk, ${chunkSize.min}–${chunkSize.max}; default ${chunkSize.default}.`,
  })
  chunkSize?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `Shift averaging: also score each variant with both windows moved 1…N bases left and right and average the 2N + 1 predictions of ref and of alt (0–${MAX_SHIFTS}, less than half the model's input length; default 0). Indels are left-anchored: the job result's window says so.`,
  })
  shifts?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Calibrate the effects against a background scored by the same model, windows, strands and shifts: "random" (random single-base substitutions at random positions of the reference) or the id of a READY variants dataset of the project (common variants, sampled). Each score then has a quantile: the share of background alleles whose |alt − ref| is below its own (ties count half; the sign is not used). Default: none.',
  })
  background?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `Background alleles drawn, ${BACKGROUND_SIZE.min}–${BACKGROUND_SIZE.max}; default ${BACKGROUND_SIZE.default}. Needs background.`,
  })
  backgroundSize?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `Per-base attribution of the K alleles of largest |alt − ref| (0–${MAX_ISM_TOP}; default 0): in-silico mutagenesis of their ref and alt windows in the scoring worker, kept in the job's ism.json; read with variantAttributions(jobId).`,
  })
  ismTop?: number | null;
}
