import { Field, Float, InputType, Int } from 'type-graphql';
import { CROSS_VALIDATION_DEFAULTS, CROSS_VALIDATION_LIMITS } from '@strand/jobs';
import { DatasetArchitectureInput } from './dataset-architecture.input.ts';

const d = CROSS_VALIDATION_DEFAULTS;
const { folds } = CROSS_VALIDATION_LIMITS;

@InputType({
  description:
    'Stratified, seeded k-fold cross-validation of an architecture on a dataset of the project: k models, each tested on the fold it did not see.',
})
export class CrossValidationInput extends DatasetArchitectureInput {
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
}
