/**
 * Nested cross-validation (`strand cv --inner-folds K`, startCrossValidation's innerFolds; issue
 * 12): in each outer fold a configuration is chosen among a small fixed set by K-fold CV on the
 * outer training rows only, then refitted on all of them and scored on the outer test fold, so
 * the outer estimate stays honest. The set is small on purpose (CPU is scarce):
 * - expression (feature vectors): weight decay {0, 0.01} × F-test top-k features {50, 200};
 * - sequences: learning rate {given, given / 3} × weight decay {0, 0.001}.
 * Chosen by the mean inner test_auroc (test_r2 for regression); a tie keeps the earlier one.
 */
import { subset } from './data-rows.ts';
import { fitAndEvaluate } from './fit-and-evaluate.ts';
import type { FitOptions } from './fit.ts';
import type { LabelledData } from './labelled-data.ts';
import { LearningError } from './learning.error.ts';
import { kFold } from '@strand/genomics';

/** One configuration of the set: its name and the fit options it sets. */
export interface NestedCandidate {
  name: string;
  options: Partial<Pick<FitOptions, 'weightDecay' | 'featureSelection' | 'learningRate'>>;
}

/** Expression: weight decay × top-k. */
export const NESTED_FEATURE_GRID = { weightDecay: [0, 0.01], topK: [50, 200] } as const;
/** Sequences: learning-rate factor × weight decay. */
export const NESTED_SEQUENCE_GRID = { learningRateFactor: [1, 1 / 3], weightDecay: [0, 1e-3] };

/** Smallest and largest inner folds. */
export const INNER_FOLD_LIMITS = { min: 2, max: 10 } as const;

/** The configurations nested CV chooses among for `data` (see the file comment). */
export function nestedCandidates(
  data: Pick<LabelledData, 'kind' | 'length' | 'alphabetSize'>,
  learningRate: number,
): NestedCandidate[] {
  const out: NestedCandidate[] = [];
  if (data.kind === 'features') {
    const width = data.length * data.alphabetSize;
    const ks = [...new Set(NESTED_FEATURE_GRID.topK.map((k) => Math.min(k, width)))];
    for (const weightDecay of NESTED_FEATURE_GRID.weightDecay) {
      for (const k of ks) {
        out.push({
          name: `weightDecay=${weightDecay}, top ${k} (f-test)`,
          options: { weightDecay, featureSelection: { method: 'f-test', k } },
        });
      }
    }
    return out;
  }
  for (const factor of NESTED_SEQUENCE_GRID.learningRateFactor) {
    for (const weightDecay of NESTED_SEQUENCE_GRID.weightDecay) {
      const rate = Number((learningRate * factor).toPrecision(6));
      out.push({
        name: `learningRate=${rate}, weightDecay=${weightDecay}`,
        options: { learningRate: rate, weightDecay },
      });
    }
  }
  return out;
}

/** Refuses options nested CV would override, and an inner fold count out of range. */
export function checkNestedOptions(
  innerFolds: number,
  options: Pick<FitOptions, 'weightDecay' | 'featureSelection' | 'workers'>,
  data: Pick<LabelledData, 'kind' | 'profile'>,
): void {
  const { min, max } = INNER_FOLD_LIMITS;
  const fail = (message: string) => {
    throw new LearningError('INVALID_OPTIONS', message, 'innerFolds');
  };
  if (!Number.isInteger(innerFolds) || innerFolds < min || innerFolds > max)
    fail(`innerFolds must be an integer from ${min} to ${max}; got ${innerFolds}`);
  if ((options.weightDecay ?? 0) > 0) fail('innerFolds chooses weightDecay: leave weightDecay out');
  if (
    data.kind === 'features' &&
    (typeof options.featureSelection === 'object' || options.featureSelection === 'none')
  )
    fail('innerFolds chooses the top-k features of expression data: leave selectFeatures out');
  if ((options.workers ?? 1) > 1) fail('innerFolds trains on one thread: leave workers at 1');
  if (data.profile) fail('innerFolds applies to labels (classes, tasks or values), not profiles');
}

/** How one configuration did in the inner folds. */
export interface InnerScore {
  name: string;
  /** Mean of the metric over the inner folds where it is defined; null when none. */
  score: number | null;
}

/** The configuration chosen in one outer fold and how every one did. */
export interface NestedChoice {
  chosen: NestedCandidate;
  scores: InnerScore[];
}

/** The metric inner folds compare configurations by. */
export function selectionMetric(task: string): string {
  return task === 'regression' ? 'test_r2' : 'test_auroc';
}

/**
 * Chooses among `candidates` by `innerFolds`-fold CV on `train` (the outer training rows only,
 * re-indexed 0…n−1): every candidate on the same stratified, seeded inner folds. `onInnerSplit`
 * sees each inner split's rows as indices into `train`.
 */
export async function chooseByInnerCv(
  train: LabelledData,
  candidates: NestedCandidate[],
  base: FitOptions,
  innerFolds: number,
  metric: string,
  onInnerSplit?: (rows: { train: number[]; test: number[] }) => void,
): Promise<NestedChoice> {
  if (innerFolds > train.count) {
    throw new LearningError(
      'INVALID_OPTIONS',
      `innerFolds (${innerFolds}) is more than an outer fold's training records (${train.count})`,
      'innerFolds',
    );
  }
  const splits = kFold(Array.from(train.labels), { k: innerFolds, seed: base.seed });
  for (const rows of splits) onInnerSplit?.(rows);
  const scores: InnerScore[] = [];
  for (const candidate of candidates) {
    const values: number[] = [];
    for (const rows of splits) {
      if (base.signal?.aborted) throw new LearningError('CANCELLED', 'cancelled in inner CV');
      const fitted = await fitAndEvaluate(subset(train, rows.train), subset(train, rows.test), {
        ...base,
        ...candidate.options,
      });
      fitted.model.dispose();
      const value = fitted.metrics[metric];
      if (value !== undefined && Number.isFinite(value)) values.push(value);
    }
    scores.push({
      name: candidate.name,
      score: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
    });
  }
  let best = 0;
  for (const [i, s] of scores.entries()) {
    if ((s.score ?? -Infinity) > (scores[best]?.score ?? -Infinity)) best = i;
  }
  return { chosen: candidates[best]!, scores };
}
