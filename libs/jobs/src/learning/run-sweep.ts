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
import { bestSoFar, medianStops } from './median-stopping.ts';
import type { Direction, MedianStoppingRule } from './median-stopping.ts';
import { checkSpace, gridTrials, randomTrials, trialSettings } from './sweep-space.ts';
import type { SweepMethod, SweepSpace, TrialParams } from './sweep-space.ts';

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

const DEFAULT_RANDOM_TRIALS = 10;

/** Runs a sweep (see the file comment); throws LearningError CANCELLED when `signal` aborts. */
export async function runSweep(o: SweepOptions): Promise<SweepResult> {
  const method = o.method ?? 'grid';
  if (method !== 'grid' && method !== 'random') {
    throw new LearningError(
      'INVALID_OPTIONS',
      `method must be "grid" or "random"; got "${String(method)}"`,
      'method',
    );
  }
  if (o.maxTrials !== undefined && !(Number.isInteger(o.maxTrials) && o.maxTrials >= 1)) {
    throw new LearningError(
      'INVALID_OPTIONS',
      `maxTrials must be an integer ≥ 1; got ${o.maxTrials}`,
      'maxTrials',
    );
  }
  const base = architectureForData(o.architecture, o.data, o.config);
  checkSpace(o.space, base.architecture, method);
  const metric = o.metric ?? defaultMetric(base.task);
  if (metric !== 'loss' && !metric.startsWith('val_')) {
    throw new LearningError(
      'INVALID_OPTIONS',
      `metric "${metric}" is not an epoch metric: use "loss" or a validation metric such as val_loss, val_auroc, val_accuracy`,
      'metric',
    );
  }
  const direction =
    o.direction ?? (/(loss|mse|mae)(_t\d+)?$/.test(metric) ? 'minimize' : 'maximize');
  if (o.earlyStop && !(Number.isInteger(o.earlyStop.after) && o.earlyStop.after >= 1)) {
    throw new LearningError(
      'INVALID_OPTIONS',
      `earlyStop.after must be an integer ≥ 1; got ${o.earlyStop.after}`,
      'earlyStop.after',
    );
  }
  const params =
    method === 'grid'
      ? gridTrials(o.space, o.maxTrials)
      : randomTrials(o.space, o.maxTrials ?? DEFAULT_RANDOM_TRIALS, o.seed);
  const baseSettings = {
    config: o.config ?? {},
    learningRate: o.learningRate ?? 1e-3,
    batchSize: o.batchSize ?? 32,
  };
  // Every trial's config is checked before the first one trains.
  const planned = params.map((p, i) => {
    const settings = trialSettings(p, baseSettings);
    try {
      return {
        params: p,
        ...settings,
        config: architectureForData(base.architecture, o.data, settings.config).config,
      };
    } catch (error) {
      const e = error as LearningError;
      throw new LearningError(
        e.code,
        `trial ${i + 1} (${describeParams(p)}): ${e.message}`,
        e.field,
      );
    }
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
  const better = (a: SweepTrial, b: SweepTrial) =>
    direction === 'maximize' ? a.value > b.value : a.value < b.value;
  const best = trials
    .filter((t) => t.status === 'completed' && !Number.isNaN(t.value))
    .reduce<SweepTrial | null>((b, t) => (b === null || better(t, b) ? t : b), null);
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

function defaultMetric(task: ArchitectureTask): string {
  if (task === 'binary' || task === 'multitask') return 'val_auroc';
  if (task === 'multiclass') return 'val_accuracy';
  return 'val_loss';
}

/** "learningRate=0.01, config.filters=16". */
export function describeParams(params: TrialParams): string {
  return Object.entries(params)
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
    .join(', ');
}
