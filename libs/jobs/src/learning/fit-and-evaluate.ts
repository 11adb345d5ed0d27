import { evaluateRows } from './evaluate.ts';
import type { ConfusionMatrix } from './evaluate.ts';
import { fit } from './fit.ts';
import type { FitOptions, FitResult } from './fit.ts';
import type { LabelledData } from './labelled-data.ts';

/** A fit with its test metrics. */
export interface EvaluatedFit extends FitResult {
  /** test_* metrics of the task (see evaluate). */
  metrics: Record<string, number>;
  /** Of a softmax head on the test set; null for other tasks. */
  confusionMatrix: ConfusionMatrix | null;
}

/**
 * Trains on `train` (a seeded share of it held out for validation and early stopping, see fit)
 * and scores `test` once at the end. The caller disposes `model`.
 */
export async function fitAndEvaluate(
  train: LabelledData,
  test: LabelledData,
  options: FitOptions,
): Promise<EvaluatedFit> {
  const trained = await fit(train, options);
  try {
    return { ...trained, ...evaluateRows(trained, test) };
  } catch (error) {
    trained.model.dispose();
    throw error;
  }
}
