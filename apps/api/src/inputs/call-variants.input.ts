import { Field, Float, ID, InputType } from 'type-graphql';
import { CALL_VARIANTS_LIMITS, MODEL_REF_MAX_LENGTH } from '@strand/jobs';

const L = CALL_VARIANTS_LIMITS;

@InputType({
  description:
    "Aligned reads to call variants from, and the pileup model to call them with (Strand's default unless model is given), as `strand call` runs it, as a job.",
})
export class CallVariantsInput {
  @Field(() => ID, { nullable: true, description: "Default: the caller's only project." })
  projectId?: string | null;

  @Field(() => String, {
    description:
      'An indexed BAM (.bai or .csi beside it) or CRAM (.crai), relative to the import directory (STRAND_IMPORT_DIR).',
  })
  bam!: string;

  @Field(() => String, {
    description:
      'The reference FASTA the reads were aligned to (plain or bgzip), relative to the import directory; its .fai is built beside it when missing.',
  })
  reference!: string;

  @Field(() => String, {
    nullable: true,
    description: `chrom, chrom:start or chrom:start-end (1-based, inclusive; at most ${L.region.maxLength} characters); default every contig of the reads' header.`,
  })
  region?: string | null;

  @Field(() => Float, {
    nullable: true,
    description: `Non-reference calls below this QUAL are kept with FILTER LowQual (${L.minQual.min}–${L.minQual.max}; default ${L.minQual.default}).`,
  })
  minQual?: number | null;

  @Field(() => String, {
    nullable: true,
    description: `A pileup model of the project, named as \`strand call --model\` names a stored one: a SUCCEEDED run's id, a model version's id, or NAME@ALIAS (e.g. caller@production; at most ${MODEL_REF_MAX_LENGTH} characters). Default: the model shipped with Strand. A model of another project is NOT_FOUND; a model that is not a pileup genotyper is NOT_A_PILEUP_MODEL.`,
  })
  model?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "When set, the calls are then imported as a variants dataset of this name (the job's outputDataset), ready for scoreVariants.",
  })
  importAs?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `When set, every candidate (hom-ref ones too) is stored with the pileup image the model saw ([width, rows, 6 channels]), its locus, alleles, read counts and call as a pileups dataset of this name (at most ${L.name.maxLength} characters): listed while the call runs, READY when it ends (the job's outputDataset when importAs is not given; its id is also the result's pileupsDatasetId). Read it with pileupCandidates / pileupImage.`,
  })
  pileupsAs?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'With pileupsAs: a truth VCF (relative to the import directory) whose genotypes label each stored candidate (hom-ref when its allele is not in the truth), as `strand call train` labels them, so the dataset can be trained on.',
  })
  truth?: string | null;
}
