/**
 * k-fold cross-validation as one unit of work: stratified, seeded folds (@strand/genomics
 * kFold); each fold is an ordinary fit on the other folds (its own validation split and
 * feature scaling, learnt without the test fold) scored on the fold; then the mean and sample
 * sd of every metric over the folds. An L2 logistic regression is fitted on the same folds and
 * reported beside the model (`baseline`), so a model is never shown without what it must beat.
 */
import { kFold } from '@strand/genomics';
import type { Pfm } from '@strand/genomics';
import { initBackend } from '@strand/models';
import type {
  ArchitectureConfig,
  ArchitectureName,
  ArchitectureTask,
  EpochReport,
} from '@strand/models';
import { architectureForData } from './architecture-for-data.ts';
import type { ConfusionMatrix } from './evaluate.ts';
import { baselineApplies, baselineMetrics, describeBaseline } from './logistic-baseline.ts';
import type { BaselineDescription } from './logistic-baseline.ts';
import { describePwmBaseline, pwmBaselineApplies, pwmBaselineMetrics } from './pwm-baseline.ts';
import type { PwmBaselineDescription } from './pwm-baseline.ts';
import { subset } from './data-rows.ts';
import { fitAndEvaluate } from './fit-and-evaluate.ts';
import { encodeInputs } from './input-encoding.ts';
import type { FitOptions } from './fit.ts';
import { rowsChecksum } from './holdout-split.ts';
import type { LabelledData } from './labelled-data.ts';
import { LearningError } from './learning.error.ts';
import { mean, sampleSd } from './summary-stats.ts';
import {
  checkNestedOptions,
  chooseByInnerCv,
  nestedCandidates,
  selectionMetric,
} from './nested-cv.ts';
import type { InnerScore, NestedCandidate } from './nested-cv.ts';

export interface CrossValidateOptions extends Omit<
  FitOptions,
  'onEpoch' | 'onCheckpoint' | 'resume' | 'shouldStop'
> {
  folds: number;
  /** After each epoch of fold `fold` (1-based). */
  onEpoch?: (fold: number, report: EpochReport) => void | Promise<void>;
  /** After each fold, with its result. */
  onFold?: (result: FoldResult) => void | Promise<void>;
  /**
   * Also fit the logistic-regression baseline on every fold (logistic-baseline.ts) and report
   * it beside the model; default true where it applies (one label column of classes).
   */
  baseline?: boolean;
  /**
   * A motif (e.g. a JASPAR matrix) to scan as a second baseline on the same folds: each test
   * sequence's best log-odds on either strand, scored by AUROC (pwm-baseline.ts). Two classes of
   * sequences only; needs `baseline`.
   */
  baselineMotif?: Pfm;
  /**
   * Nested CV (nested-cv.ts): in each outer fold, choose a configuration by this many inner
   * folds of the outer training rows, then refit and score it on the outer test fold.
   */
  innerFolds?: number;
  /** Each inner split of outer fold `fold` (1-based), as row indices into the data given. */
  onInnerSplit?: (fold: number, rows: { train: number[]; test: number[] }) => void;
}

/** What nested CV chose in each outer fold (null without innerFolds). */
export interface NestedResult {
  innerFolds: number;
  /** The metric the inner folds compared by. */
  metric: string;
  /** The configurations chosen among, with the fit options each sets. */
  candidates: NestedCandidate[];
  folds: {
    fold: number;
    chosen: string;
    options: NestedCandidate['options'];
    inner: InnerScore[];
  }[];
}

/** Per-fold and summary metrics of a baseline. */
interface BaselineFolds {
  folds: { fold: number; metrics: Record<string, number> }[];
  mean: Record<string, number>;
  sd: Record<string, number>;
}

/** The baseline on the same folds as the model (see logistic-baseline.ts). */
export interface BaselineResult extends BaselineDescription, BaselineFolds {
  /** The scan of the named motif on the same folds (test_auroc, test_auprc); null without one. */
  pwmScan: (PwmBaselineDescription & BaselineFolds) | null;
}

/** One fold: how it split the records, and the test metrics of the model trained without it. */
export interface FoldResult {
  /** 1-based. */
  fold: number;
  /** Training and test records. */
  train: number;
  test: number;
  /** SHA-256 of the test row indices (see rowsChecksum). */
  testSha256: string;
  /** Test records per class name (multitask: records with 1 per label column; profile: none). */
  testLabelCounts: Record<string, number>;
  /** Epochs trained (early stopping may end a fold before `epochs`). */
  epochs: number;
  /** test_* metrics of the fold (see evaluate). */
  metrics: Record<string, number>;
  /** Of a softmax head on the fold; null for other tasks. */
  confusionMatrix: ConfusionMatrix | null;
}

export interface CrossValidationResult {
  backend: string;
  architecture: ArchitectureName;
  config: ArchitectureConfig;
  task: ArchitectureTask;
  seed: number;
  split: { method: 'stratified-k-fold'; folds: number; seed: number };
  folds: FoldResult[];
  /** Mean and sample sd of each metric over the folds where it is defined (not NaN). */
  mean: Record<string, number>;
  sd: Record<string, number>;
  /** Folds left out of a metric's mean because it was NaN there (e.g. AUROC of one class). */
  undefinedFolds: Record<string, number>;
  /** A softmax head's confusion matrices summed over the folds (every record once); else null. */
  confusionMatrix: ConfusionMatrix | null;
  /** The logistic-regression baseline on the same folds; null when off or not applicable. */
  baseline: BaselineResult | null;
  /** Nested CV's choice per outer fold; null without innerFolds. */
  nested: NestedResult | null;
}

/** The stratified, seeded folds crossValidate uses: test rows of each fold, and the rest. */
export function foldSplits(
  data: Pick<LabelledData, 'labels'>,
  folds: number,
  seed: number,
): { train: number[]; test: number[] }[] {
  if (!Number.isInteger(folds) || folds < 2 || folds > data.labels.length) {
    throw new LearningError(
      'INVALID_OPTIONS',
      `folds must be an integer from 2 to the number of records (${data.labels.length}); got ${folds}`,
      'folds',
    );
  }
  return kFold(Array.from(data.labels), { k: folds, seed });
}

/**
 * Cross-validates `options.architecture` on `data` (see the file comment). Same seed, same
 * backend → same folds and metrics. With `signal` aborted, stops within a batch and throws
 * LearningError CANCELLED.
 *
 * @example
 * const cv = await crossValidate(data, { architecture: 'deepbind', folds: 10, epochs: 30,
 *   batchSize: 32, learningRate: 3e-3, seed: 42 });
 * console.log(cv.mean.test_accuracy, cv.sd.test_accuracy);
 */
export async function crossValidate(
  records: LabelledData,
  options: CrossValidateOptions,
): Promise<CrossValidationResult> {
  // k-mer counts, normalisation, imputation: once, before the folds; the model and the LR
  // baseline read the encoded data, the motif scan the sequences.
  const data = encodeInputs(records, options);
  const {
    folds: k,
    onEpoch,
    onFold,
    baseline: withBaseline = true,
    baselineMotif,
    innerFolds,
    onInnerSplit,
    ...fitOptions
  } = options;
  const baselineFolds: BaselineResult['folds'] | null =
    withBaseline && baselineApplies(data) ? [] : null;
  if (baselineMotif && (!withBaseline || !pwmBaselineApplies(records))) {
    throw new LearningError(
      'INVALID_OPTIONS',
      withBaseline
        ? `a motif-scan baseline needs two classes of DNA sequences; this data has ${records.kind === 'sequence' ? `${records.labelNames.length} classes` : 'features'}${records.tasks ? ' in several label columns' : ''}`
        : 'a motif-scan baseline is a baseline: it cannot be named with the baseline turned off',
      'baselineMotif',
    );
  }
  const pwmFolds: BaselineResult['folds'] | null = baselineMotif ? [] : null;
  // Fails before any training when the architecture does not fit the data.
  const resolved = architectureForData(options.architecture, data, options.config);
  const splits = foldSplits(data, k, options.seed);
  if (innerFolds !== undefined) checkNestedOptions(innerFolds, fitOptions, data);
  const nested: NestedResult | null =
    innerFolds === undefined
      ? null
      : {
          innerFolds,
          metric: selectionMetric(resolved.task),
          candidates: nestedCandidates(data, options.learningRate),
          folds: [],
        };
  const backend = await initBackend();
  const folds: FoldResult[] = [];
  for (const [i, rows] of splits.entries()) {
    throwIfCancelled(options.signal, `cross-validation cancelled in fold ${i + 1} of ${k}`);
    const test = subset(data, rows.test);
    baselineFolds?.push({ fold: i + 1, metrics: baselineMetrics(subset(data, rows.train), test) });
    if (baselineMotif)
      pwmFolds?.push({
        fold: i + 1,
        metrics: pwmBaselineMetrics(subset(records, rows.test), baselineMotif),
      });
    let chosen: NestedCandidate['options'] = {};
    if (nested) {
      // Inner CV sees the outer training rows only; its indices map back through rows.train.
      const choice = await chooseByInnerCv(
        subset(data, rows.train),
        nested.candidates,
        fitOptions,
        nested.innerFolds,
        nested.metric,
        (inner) =>
          onInnerSplit?.(i + 1, {
            train: inner.train.map((r) => rows.train[r] as number),
            test: inner.test.map((r) => rows.train[r] as number),
          }),
      );
      chosen = choice.chosen.options;
      nested.folds.push({
        fold: i + 1,
        chosen: choice.chosen.name,
        options: chosen,
        inner: choice.scores,
      });
    }
    const fitted = await fitAndEvaluate(subset(data, rows.train), test, {
      ...fitOptions,
      ...chosen,
      ...(onEpoch ? { onEpoch: (report: EpochReport) => onEpoch(i + 1, report) } : {}),
    });
    fitted.model.dispose();
    throwIfCancelled(options.signal, `cross-validation cancelled in fold ${i + 1} of ${k}`);
    const result: FoldResult = {
      fold: i + 1,
      train: rows.train.length,
      test: rows.test.length,
      testSha256: rowsChecksum(rows.test),
      testLabelCounts: labelCounts(test),
      epochs: fitted.epochs,
      metrics: fitted.metrics,
      confusionMatrix: fitted.confusionMatrix,
    };
    folds.push(result);
    await onFold?.(result);
  }
  const names = Object.keys(folds[0].metrics);
  const defined = (name: string) =>
    folds.map((f) => f.metrics[name]).filter((v) => Number.isFinite(v));
  const summary = (f: (values: number[]) => number) =>
    Object.fromEntries(names.map((name) => [name, f(defined(name))]));
  const baselineSummary = (
    f: (values: number[]) => number,
    of: BaselineResult['folds'] | null = baselineFolds,
  ) =>
    Object.fromEntries(
      Object.keys(of?.[0]?.metrics ?? {}).map((name) => [
        name,
        f((of ?? []).map((b) => b.metrics[name]).filter((v) => Number.isFinite(v))),
      ]),
    );
  return {
    backend,
    architecture: resolved.architecture,
    config: resolved.config,
    task: resolved.task,
    seed: options.seed,
    split: { method: 'stratified-k-fold', folds: k, seed: options.seed },
    folds,
    mean: summary(mean),
    sd: summary(sampleSd),
    undefinedFolds: Object.fromEntries(
      names.map((name) => [name, folds.length - defined(name).length]),
    ),
    confusionMatrix: sumConfusion(folds.map((f) => f.confusionMatrix)),
    baseline: baselineFolds
      ? {
          ...describeBaseline(data),
          folds: baselineFolds,
          mean: baselineSummary(mean),
          sd: baselineSummary(sampleSd),
          pwmScan:
            baselineMotif && pwmFolds
              ? {
                  ...describePwmBaseline(baselineMotif),
                  folds: pwmFolds,
                  mean: baselineSummary(mean, pwmFolds),
                  sd: baselineSummary(sampleSd, pwmFolds),
                }
              : null,
        }
      : null,
    nested,
  };
}

/** The cell-by-cell sum of the folds' confusion matrices (null when any fold has none). */
export function sumConfusion(matrices: (ConfusionMatrix | null)[]): ConfusionMatrix | null {
  const [first] = matrices;
  if (!first || matrices.some((m) => m === null)) return null;
  const counts = first.counts.map((row, a) =>
    row.map((_, p) => matrices.reduce((sum, m) => sum + (m?.counts[a]?.[p] ?? 0), 0)),
  );
  return { labels: [...first.labels], counts };
}

/** Test records per class; for multitask data, records with 1 per label column; none for a profile. */
function labelCounts(data: LabelledData): Record<string, number> {
  if (data.tasks && data.taskLabels) {
    const k = data.tasks.length;
    const counts = new Array<number>(k).fill(0);
    data.taskLabels.forEach((v, i) => (counts[i % k] += v));
    return Object.fromEntries(data.tasks.map((name, t) => [name, counts[t]]));
  }
  const counts: Record<string, number> = Object.fromEntries(data.labelNames.map((n) => [n, 0]));
  if (data.labelNames.length === 0) return counts;
  for (const label of data.labels) counts[data.labelNames[label]]++;
  return counts;
}

/** Throws LearningError CANCELLED when the signal is aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined, message: string): void {
  if (signal?.aborted) throw new LearningError('CANCELLED', message);
}
