/**
 * The worker-thread half of CROSS_VALIDATION (see cross-validation.kind.ts): loads the stored
 * dataset and cross-validates on it (learning/cross-validate.ts), counting progress in epochs
 * over all folds ("fold 3/10, epoch 4/8"); a fold that stops early skips ahead to the next.
 */
import type { WorkerTools } from '../platform/run-in-worker.ts';
import { crossValidate } from '../learning/cross-validate.ts';
import type { CrossValidationResult } from '../learning/cross-validate.ts';
import { loadStoredDataset } from '../learning/stored-data.ts';
import type { StoredDataset } from '../learning/stored-data.ts';
import type { FeatureSelectionOption } from '../learning/feature-scaling.ts';
import type { Pfm } from '@strand/genomics';
import type { TrainingChoices } from '../learning/training-choices.ts';

export interface CrossValidationTaskInput {
  dataset: StoredDataset;
  architecture: string;
  config: Record<string, unknown>;
  folds: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  /** In-fold feature selection of expression data; default auto. */
  featureSelection?: FeatureSelectionOption;
  /** A motif to scan as a second baseline (cross-validate.ts baselineMotif). */
  baselineMotif?: Pfm;
  /** The training choices that differ from the defaults (training-choices.ts). */
  training?: Partial<TrainingChoices>;
  /** Nested CV's inner folds (learning/nested-cv.ts); none: plain CV. */
  innerFolds?: number;
}

/** Cross-validates; throws LearningError (its message shown) for data the engine cannot use. */
export async function crossValidationTask(
  input: CrossValidationTaskInput,
  { progress, signal }: WorkerTools,
): Promise<CrossValidationResult> {
  const { folds: k, epochs } = input;
  const total = k * epochs;
  const report = (fold: number, epoch: number) =>
    progress({
      done: (fold - 1) * epochs + epoch,
      total,
      unit: 'epochs',
      message: `fold ${fold}/${k}, epoch ${epoch}/${epochs}`,
    });
  const data = await loadStoredDataset(input.dataset);
  report(1, 0);
  return crossValidate(data, {
    architecture: input.architecture,
    config: input.config,
    folds: k,
    epochs,
    batchSize: input.batchSize,
    learningRate: input.learningRate,
    seed: input.seed,
    ...(input.featureSelection ? { featureSelection: input.featureSelection } : {}),
    ...(input.baselineMotif ? { baselineMotif: input.baselineMotif } : {}),
    ...(input.innerFolds
      ? {
          innerFolds: input.innerFolds,
          // Inner fits report no epochs: say what the fold is doing meanwhile.
          onInnerSplit: (fold: number) =>
            progress({
              done: (fold - 1) * epochs,
              total,
              unit: 'epochs',
              message: `fold ${fold}/${k}: choosing a configuration by ${input.innerFolds}-fold inner CV`,
            }),
        }
      : {}),
    ...input.training,
    signal,
    onEpoch: (fold, r) => report(fold, r.epoch),
    onFold: (f) =>
      progress({
        done: f.fold * epochs,
        total,
        unit: 'epochs',
        message: `fold ${f.fold}/${k} done after ${f.epochs} epochs`,
      }),
  });
}
