import { Field, Float, InputType, Int } from 'type-graphql';
import {
  CROSS_VALIDATION_DEFAULTS,
  CROSS_VALIDATION_LIMITS,
  INNER_FOLD_LIMITS,
  NESTED_FEATURE_GRID,
  NESTED_SEQUENCE_GRID,
} from '@strand/jobs';
import { TrainingOptionsInput } from './training-options.input.ts';

const d = CROSS_VALIDATION_DEFAULTS;
const { folds } = CROSS_VALIDATION_LIMITS;

@InputType({
  description:
    'Stratified, seeded k-fold cross-validation of an architecture on a dataset of the project: k models, each tested on the fold it did not see.',
})
export class CrossValidationInput extends TrainingOptionsInput {
  @Field(() => String, {
    nullable: true,
    description: 'Architecture configuration as a JSON object; missing fields take defaults.',
  })
  config?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `Folds, ${folds.min}–${folds.max} (at most the number of records); default ${d.folds}.`,
  })
  folds?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `Nested CV: in each outer fold, choose a configuration by this many inner folds (${INNER_FOLD_LIMITS.min}–${INNER_FOLD_LIMITS.max}) of the outer training rows only (mean inner test_auroc; test_r2 for regression), refit it on them and score it on the outer test fold; the result's nested block gives the choice per fold. The set: expression, weightDecay {${NESTED_FEATURE_GRID.weightDecay.join(', ')}} × f-test top-k {${NESTED_FEATURE_GRID.topK.join(', ')}} (leave weightDecay and selectFeatures out); sequences, learningRate {given, given/3} × weightDecay {${NESTED_SEQUENCE_GRID.weightDecay.join(', ')}}. Default null: plain CV.`,
  })
  innerFolds?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `Epochs per fold (at most: from 50 records a fold stops early on a 10% validation split); default ${d.epochs}.`,
  })
  epochs?: number | null;

  @Field(() => Int, { nullable: true, description: `Default ${d.batchSize}.` })
  batchSize?: number | null;

  @Field(() => Float, { nullable: true, description: `Adam's; default ${d.learningRate}.` })
  learningRate?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `Seeds the folds, the weights and the shuffling; default ${d.seed}.`,
  })
  seed?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Also scan this motif as a baseline on the same folds (two classes of sequences): each test sequence scores its best PWM log-odds on either strand; the result's baseline.pwmScan holds the AUROC per fold, mean and sd. A JASPAR matrix ID (MA0139.2, or MA0139 for the latest version) or factor name, looked up in baselineJaspar or else the bundled JASPAR 2024 excerpt (CTCF, GATA1, Spi1, REST, …).",
  })
  baselineMotif?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'JASPAR-format matrices (the text of a .jaspar file) to find baselineMotif in.',
  })
  baselineJaspar?: string | null;
}
