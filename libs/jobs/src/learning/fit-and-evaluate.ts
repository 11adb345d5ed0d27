import { stratifiedParts } from '@strand/genomics';
import { evaluateRows, evaluation } from './evaluate.ts';
import type { ConfusionMatrix } from './evaluate.ts';
import { fit } from './fit.ts';
import type { FitOptions, FitResult } from './fit.ts';
import { countPart, maskOf } from './holdout-split.ts';
import type { LabelledData } from './labelled-data.ts';
import type { DataSource } from './store-source.ts';

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
    return { ...trained, ...evaluation(trained, test) };
  } catch (error) {
    trained.model.dispose();
    throw error;
  }
}

/** A fit tested on a hold-out of its data. */
export interface HeldOutFit extends EvaluatedFit {
  /** Records it trained on (validation included) and was tested on. */
  trainCount: number;
  testCount: number;
}

/**
 * fitAndEvaluate on one data source: a seeded, stratified `testFraction` of its records (by the
 * seed of `options`) is held out and scored once at the end, the rest trains (a share of it
 * validates, see fit). The rows are the ones stratifiedSplit would give, so a table gives the
 * same split whether it is in memory or streams from the store. The caller disposes `model`.
 */
export async function fitAndTest(
  data: DataSource,
  testFraction: number,
  options: FitOptions & { onHeldOut?: (train: number, test: number) => void },
): Promise<HeldOutFit> {
  const part = stratifiedParts(data.labels, {
    train: 1 - testFraction,
    valid: 0,
    test: testFraction,
    seed: options.seed,
  });
  const trainRows = maskOf(part, 0);
  options.onHeldOut?.(countPart(part, 0), countPart(part, 2));
  const trained = await fit(data, { ...options, rows: trainRows });
  try {
    const tested = await evaluateRows(trained, data, maskOf(part, 2));
    return {
      ...trained,
      ...tested,
      trainCount: countPart(part, 0),
      testCount: countPart(part, 2),
    };
  } catch (error) {
    trained.model.dispose();
    throw error;
  }
}
