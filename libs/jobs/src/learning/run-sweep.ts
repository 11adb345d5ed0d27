/**
 * Hyperparameter sweeps: each trial is an ordinary fit (same data, same seeded validation split,
 * same seed) with its own learning rate, batch size and architecture config; its score is the
 * best value of the sweep's validation metric over its epochs. Trials are validated before any
 * trains. With `earlyStop`, the median stopping rule ends hopeless trials (status `pruned`).
 */
import type {
  ArchitectureConfig,
  ArchitectureName,
  ArchitectureTask,
  EpochReport,
} from '@strand/models';
import { initBackend } from '@strand/models';
import { architectureForData } from './architecture-for-data.ts';
import { throwIfCancelled } from './cross-validate.ts';
import { fit } from './fit.ts';
import { holdoutSplit } from './holdout-split.ts';
import type { SplitDescription } from './holdout-split.ts';
import type { LabelledData } from './labelled-data.ts';
import { LearningError } from './learning.error.ts';
import { bestSoFar, bestTrial, medianStops } from './median-stopping.ts';
import type { Direction, MedianStoppingRule } from './median-stopping.ts';
import { planSweep } from './sweep-space.ts';
import type { SweepMethod, SweepSpace, TrialParams } from './sweep-space.ts';

export { describeParams } from './sweep-space.ts';

export interface SweepOptions {
  data: LabelledData;
  architecture: string;
  /** Config shared by all trials; swept `config.<field>` values replace its fields. */
  config?: Record<string, unknown>;
  space: SweepSpace;
  /** Default grid. */
  method?: SweepMethod;
  /** Default: every grid point; 10 random trials. */
  maxTrials?: number;
  /** An epoch metric (default: val_auroc for binary, val_accuracy for multiclass, else val_loss). */
  metric?: string;
  /** Default: minimize for loss, mse and mae metrics, else maximize. */
  direction?: Direction;
  seed: number;
  epochs: number;
  /** For trials that do not sweep them (defaults 32 and 1e-3). */
  batchSize?: number;
  learningRate?: number;
  /** Validation share of the data, the same rows for every trial; default 0.2. */
  validationFraction?: number;
  earlyStop?: MedianStoppingRule & { rule: 'median' };
  /** Gradient workers each trial trains on (data-parallel; see fit); default 1. */
  workers?: number;
  onTrialStart?: (trial: { trial: number; params: TrialParams }) => void | Promise<void>;
  onEpoch?: (trial: number, report: EpochReport) => void | Promise<void>;
  onTrialEnd?: (trial: SweepTrial) => void | Promise<void>;
  signal?: AbortSignal;
}

export interface SweepTrial {
  /** 1-based. */
  trial: number;
  params: TrialParams;
  config: ArchitectureConfig;
  learningRate: number;
  batchSize: number;
  status: 'completed' | 'pruned';
  /** Epochs trained. */
  epochs: number;
  /** Best value of the metric over the trial's epochs (NaN if never defined). */
  value: number;
  /** The epoch of that value, and all its metrics. */
  bestEpoch: number | null;
  metrics: Record<string, number>;
  /** The metric after each epoch. */
  curve: number[];
}

export interface SweepResult {
  backend: string;
  architecture: ArchitectureName;
  task: ArchitectureTask;
  method: SweepMethod;
  metric: string;
  direction: Direction;
  seed: number;
  split: SplitDescription;
  trials: SweepTrial[];
  /** The completed trial with the best value; null when none has a defined value. */
  best: SweepTrial | null;
}

/** Runs a sweep (see the file comment); throws LearningError CANCELLED when `signal` aborts. */
export async function runSweep(o: SweepOptions): Promise<SweepResult> {
  const base = architectureForData(o.architecture, o.data, o.config);
  const {
    method,
    metric,
    direction,
    trials: planned,
  } = planSweep({
    space: o.space,
    ...(o.method !== undefined ? { method: o.method } : {}),
    ...(o.maxTrials !== undefined ? { maxTrials: o.maxTrials } : {}),
    ...(o.metric !== undefined ? { metric: o.metric } : {}),
    ...(o.direction !== undefined ? { direction: o.direction } : {}),
    ...(o.earlyStop !== undefined ? { earlyStop: o.earlyStop } : {}),
    seed: o.seed,
    architecture: base.architecture,
    task: base.task,
    base: {
      config: o.config ?? {},
      learningRate: o.learningRate ?? 1e-3,
      batchSize: o.batchSize ?? 32,
    },
    checkConfig: (config) => architectureForData(base.architecture, o.data, config).config,
  });
  const backend = await initBackend();
  const validationFraction = o.validationFraction ?? 0.2;
  const split = holdoutSplit(o.data.labels, validationFraction, o.seed).description;
  const trials: SweepTrial[] = [];
  const completedCurves: number[][] = [];
  for (const [i, plan] of planned.entries()) {
    throwIfCancelled(o.signal, `sweep cancelled before trial ${i + 1} of ${planned.length}`);
    const trial = i + 1;
    await o.onTrialStart?.({ trial, params: plan.params });
    const curve: number[] = [];
    const reports: EpochReport[] = [];
    let pruned = false;
    const trained = await fit(o.data, {
      architecture: base.architecture,
      config: plan.config as unknown as Record<string, unknown>,
      epochs: o.epochs,
      batchSize: plan.batchSize,
      learningRate: plan.learningRate,
      seed: o.seed,
      validationFraction,
      earlyStopping: false,
      ...(o.workers !== undefined ? { workers: o.workers } : {}),
      ...(o.signal ? { signal: o.signal } : {}),
      shouldStop: () => pruned,
      onEpoch: async (report) => {
        const value = report.metrics[metric];
        if (value === undefined) {
          throw new LearningError(
            'INVALID_OPTIONS',
            `metric "${metric}" is not reported; metrics: ${Object.keys(report.metrics).join(', ')}`,
            'metric',
          );
        }
        curve.push(value);
        reports.push(report);
        await o.onEpoch?.(trial, report);
        pruned =
          o.earlyStop !== undefined &&
          report.epoch < o.epochs &&
          medianStops(curve, report.epoch, completedCurves, direction, o.earlyStop);
      },
    });
    trained.model.dispose();
    throwIfCancelled(o.signal, `sweep cancelled in trial ${trial} of ${planned.length}`);
    const value = bestSoFar(curve, curve.length, direction);
    const at = Number.isNaN(value) ? -1 : curve.indexOf(value);
    const result: SweepTrial = {
      trial,
      params: plan.params,
      config: plan.config,
      learningRate: plan.learningRate,
      batchSize: plan.batchSize,
      status: pruned ? 'pruned' : 'completed',
      epochs: curve.length,
      value,
      bestEpoch: at >= 0 ? reports[at].epoch : null,
      metrics: at >= 0 ? reports[at].metrics : {},
      curve,
    };
    if (!pruned) completedCurves.push(curve);
    trials.push(result);
    await o.onTrialEnd?.(result);
  }
  const best = bestTrial(trials, direction);
  return {
    backend,
    architecture: base.architecture,
    task: base.task,
    method,
    metric,
    direction,
    seed: o.seed,
    split,
    trials,
    best,
  };
}
