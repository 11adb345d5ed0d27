import { Field, Float, InputType, Int } from 'type-graphql';
import {
  AUTO_SELECTED_FEATURES,
  FEATURE_SELECTION_METHODS,
  IMPUTATIONS,
  INPUT_ENCODING_DEFAULTS,
  MAX_KMER,
  NORMALIZATIONS,
  LR_SCHEDULES,
  TRAINING_CHOICE_DEFAULTS,
} from '@strand/jobs';
import { DatasetArchitectureInput } from './dataset-architecture.input.ts';

const d = TRAINING_CHOICE_DEFAULTS;

/**
 * The training options startTraining and startCrossValidation share (as `strand train` and
 * `strand cv` do): feature selection of expression data and the training choices.
 */
@InputType()
export abstract class TrainingOptionsInput extends DatasetArchitectureInput {
  @Field(() => Int, {
    nullable: true,
    description: `Expression datasets: keep the K features that score best (selectionMethod) on the training samples alone (each fold's, in cross-validation). Default (null): the top ${AUTO_SELECTED_FEATURES} by F-test when features outnumber training samples (p ≫ n), else all; 0: all.`,
  })
  selectFeatures?: number | null;

  @Field(() => String, {
    nullable: true,
    description: `With selectFeatures K: ${FEATURE_SELECTION_METHODS.join(' or ')} (default f-test: ANOVA F of the classes, t² for two).`,
  })
  selectionMethod?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'DNA sequences: augment training by reading each sequence as its reverse complement at random (seeded), half the time. Default false.',
  })
  reverseComplement?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "DNA sequences: test-time averaging, a prediction is the mean of the outputs on the sequence and on its reverse complement (test metrics; the saved model's strand.json keeps it and variant scoring follows it). Default false.",
  })
  rcAverage?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Loss weight per class against imbalance (one label column of classes): "none" (default), "auto" (inverse class frequency on the training rows, n / (k · n_class)) or name=weight pairs, e.g. "neg=1,pos=3" (classes not named weigh 1).',
  })
  classWeights?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Learning-rate schedule: ${LR_SCHEDULES.join(', ')}. constant (default); cosine: annealed to 0 over the epochs; plateau: halved after plateauPatience epochs without a lower validation loss (training loss without a validation split).`,
  })
  lrSchedule?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `With lrSchedule plateau: epochs without improvement before halving, 1–100; default ${d.plateauPatience}.`,
  })
  plateauPatience?: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'L2 penalty weightDecay · Σ w² on the kernels (dense, convolution, recurrent weights; not biases), in [0, 1]; default 0.',
  })
  weightDecay?: number | null;

  @Field(() => String, {
    nullable: true,
    description: `Expression: per-sample normalisation before anything else: ${NORMALIZATIONS.join(', ')}. none (default); log1p: ln(1 + x); cpm: counts per million; log-cpm: both; quantile: limma's normalizeQuantiles over every sample of the dataset (no labels used).`,
  })
  normalize?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Expression: ${IMPUTATIONS.join(' or ')}. none (default): a missing value reads as the training mean; knn: the mean of the imputeK nearest samples that have it (impute.knn's distance; every sample of the dataset, no labels).`,
  })
  impute?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `With impute knn: neighbours, 1–100; default ${INPUT_ENCODING_DEFAULTS.imputeK}.`,
  })
  imputeK?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `DNA sequences: read each as its counts of the 4^K K-mers (1–${MAX_KMER}) instead of one-hot bases, a feature vector for mlp (and the logistic-regression baseline on the counts); default 0: one-hot.`,
  })
  kmer?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'With kmer: count a K-mer and its reverse complement together. Default false.',
  })
  kmerCanonical?: boolean | null;
}
