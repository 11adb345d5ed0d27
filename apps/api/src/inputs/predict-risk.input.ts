import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { PREDICT_RISK_DEFAULTS, PREDICT_RISK_LIMITS } from '@strand/jobs';

const d = PREDICT_RISK_DEFAULTS;
const L = PREDICT_RISK_LIMITS;

@InputType({
  description:
    "Disease risk from gene expression + gene-level variant burden: a cross-validated multimodal model, each sample's out-of-fold risk, and the features ranked by attribution.",
})
export class PredictRiskInput {
  @Field(() => ID, { nullable: true, description: "Default: the caller's only project." })
  projectId?: string | null;

  @Field(() => ID, {
    description: 'An expression dataset of the project; its stored sample labels are the classes.',
  })
  expressionDatasetId!: string;

  @Field(() => ID, {
    description: 'A variants dataset of the project: a multi-sample VCF with genotypes.',
  })
  variantsDatasetId!: string;

  @Field(() => String, {
    description:
      'Gene intervals as BED (name column = gene; several lines per gene allowed): a path relative to the import directory (STRAND_IMPORT_DIR).',
  })
  genes!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The label column; must be the one the expression dataset was imported with (default: it).',
  })
  labelColumn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The at-risk class; default "case" when present, else the second in sorted order.',
  })
  positiveLabel?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `Cross-validation folds, ${L.folds.min}–${L.folds.max}; default ${d.folds}.`,
  })
  folds?: number | null;

  @Field(() => Int, { nullable: true, description: `Default ${d.seed}.` })
  seed?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `Epochs per model, ${L.epochs.min}–${L.epochs.max}; default ${d.epochs}.`,
  })
  epochs?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Rare-variant burden: count only ALT alleles with INFO/AF below this, in (0, 1].',
  })
  maxAf?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `Ranked features kept in the result, ${L.top.min}–${L.top.max}; default ${d.top}.`,
  })
  top?: number | null;
}
