/**
 * A sweep's search space and its trials. Parameters: `learningRate`, `batchSize`, and
 * `config.<field>` for any field of the architecture's config. Each takes a list of values, or
 * (random search only) a range `{ min, max, log?, integer? }`. Grid search enumerates the
 * cartesian product, first parameter slowest; random search draws each parameter independently
 * with a seeded generator (log-uniform for `log` ranges). `planSweep` turns a space and the
 * sweep's options into its checked trials, metric and direction: runSweep (in one process) and
 * the SWEEP job (trials as runs) both start from it.
 * Map: types · checkSpace (names, lists, ranges) · gridTrials / randomTrials · trialSettings ·
 * describeParams · planSweep (every option checked, every trial's config checked).
 */
import { createRng } from '@strand/genomics';
import type { Rng } from '@strand/genomics';
import { ARCHITECTURES } from '@strand/models';
import type { ArchitectureConfig, ArchitectureName, ArchitectureTask } from '@strand/models';
import { LearningError } from './learning.error.ts';
import type { Direction, MedianStoppingRule } from './median-stopping.ts';

/** A numeric range to draw from (random search). */
export interface ParamRange {
  min: number;
  max: number;
  /** Draw log-uniformly (min must be > 0). */
  log?: boolean;
  /** Draw integers from min to max inclusive. */
  integer?: boolean;
}

/** Parameter name → values to try, or a range. */
export type SweepSpace = Record<string, readonly unknown[] | ParamRange>;

/** The parameter values of one trial, by parameter name. */
export type TrialParams = Record<string, unknown>;

export type SweepMethod = 'grid' | 'random';

const TRAINING_PARAMS = ['learningRate', 'batchSize'];
/** Config fields the data decides (the head's kind and width, a second input's width): not swept. */
const DATA_DECIDED = ['task', 'outputs', 'tasks', 'cpgFeatures'];

function fail(field: string, message: string): never {
  throw new LearningError('INVALID_OPTIONS', `${field}: ${message}`, field);
}

/** Checks names and value lists of a space; throws LearningError INVALID_OPTIONS naming the field. */
export function checkSpace(
  space: SweepSpace,
  architecture: ArchitectureName,
  method: SweepMethod,
): void {
  const names = Object.keys(space);
  if (names.length === 0) fail('space', 'give at least one parameter to sweep');
  const fields = Object.keys(ARCHITECTURES[architecture].defaults).filter(
    (f) => !DATA_DECIDED.includes(f),
  );
  for (const name of names) {
    const field = `space.${name}`;
    if (!TRAINING_PARAMS.includes(name)) {
      const configField = name.startsWith('config.') ? name.slice(7) : undefined;
      if (configField === undefined || !fields.includes(configField)) {
        fail(
          field,
          `not a parameter of ${architecture}; sweepable: ${[...TRAINING_PARAMS, ...fields.map((f) => `config.${f}`)].join(', ')}`,
        );
      }
    }
    const spec = space[name];
    if (Array.isArray(spec)) {
      if (spec.length === 0) fail(field, 'the list of values is empty');
      for (const value of spec) checkTrainingValue(name, value);
    } else if (isRange(spec)) {
      if (method === 'grid') {
        fail(field, 'grid search needs a list of values, not a range (or use method "random")');
      }
      checkRange(field, spec);
    } else {
      fail(field, 'must be a list of values or a range { min, max, log?, integer? }');
    }
  }
}

function isRange(spec: unknown): spec is ParamRange {
  return typeof spec === 'object' && spec !== null && !Array.isArray(spec) && 'min' in spec;
}

function checkRange(field: string, r: ParamRange): void {
  if (!Number.isFinite(r.min) || !Number.isFinite(r.max) || r.min > r.max) {
    fail(field, `a range needs finite min ≤ max; got min ${r.min}, max ${r.max}`);
  }
  if (r.log && !(r.min > 0)) fail(field, `a log range needs min > 0; got ${r.min}`);
  if (r.integer && (!Number.isInteger(r.min) || !Number.isInteger(r.max))) {
    fail(field, `an integer range needs integer bounds; got ${r.min} to ${r.max}`);
  }
  const name = field.slice('space.'.length);
  checkTrainingValue(name, r.min);
  checkTrainingValue(name, r.max);
}

/** learningRate and batchSize are checked here; config fields with the whole config later. */
function checkTrainingValue(name: string, value: unknown): void {
  if (name === 'learningRate' && !(typeof value === 'number' && value > 0 && value <= 1)) {
    fail(`space.${name}`, `learning rates must be in (0, 1]; got ${JSON.stringify(value)}`);
  }
  if (name === 'batchSize' && !(Number.isInteger(value) && (value as number) >= 1)) {
    fail(`space.${name}`, `batch sizes must be integers ≥ 1; got ${JSON.stringify(value)}`);
  }
}

/** Every combination of the listed values, first parameter slowest; at most `maxTrials`. */
export function gridTrials(space: SweepSpace, maxTrials = Infinity): TrialParams[] {
  let trials: TrialParams[] = [{}];
  for (const [name, values] of Object.entries(space)) {
    trials = trials.flatMap((t) => (values as unknown[]).map((v) => ({ ...t, [name]: v })));
  }
  return trials.slice(0, maxTrials);
}

/** `count` trials drawn from the space with a generator seeded by `seed`. */
export function randomTrials(space: SweepSpace, count: number, seed: number): TrialParams[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () =>
    Object.fromEntries(
      Object.entries(space).map(([name, spec]) => [
        name,
        Array.isArray(spec) ? spec[rng.int(spec.length)] : draw(rng, spec as ParamRange),
      ]),
    ),
  );
}

function draw(rng: Rng, r: ParamRange): number {
  if (r.log) {
    const value = Math.exp(Math.log(r.min) + rng.next() * (Math.log(r.max) - Math.log(r.min)));
    return r.integer ? Math.min(r.max, Math.max(r.min, Math.round(value))) : value;
  }
  if (r.integer) return r.min + rng.int(r.max - r.min + 1);
  return r.min + rng.next() * (r.max - r.min);
}

/** A trial's training settings and architecture config from its parameters. */
export function trialSettings(
  params: TrialParams,
  base: { config: Record<string, unknown>; learningRate: number; batchSize: number },
): { config: Record<string, unknown>; learningRate: number; batchSize: number } {
  const config = { ...base.config };
  for (const [name, value] of Object.entries(params)) {
    if (name.startsWith('config.')) config[name.slice(7)] = value;
  }
  return {
    config,
    learningRate: (params.learningRate as number | undefined) ?? base.learningRate,
    batchSize: (params.batchSize as number | undefined) ?? base.batchSize,
  };
}

/** "learningRate=0.01, config.filters=16". */
export function describeParams(params: TrialParams): string {
  return Object.entries(params)
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
    .join(', ');
}

/** Random trials when maxTrials is not given. */
export const DEFAULT_RANDOM_TRIALS = 10;

/** What planSweep needs: the space, the sweep's options, and the data's architecture. */
export interface SweepPlanOptions {
  space: SweepSpace;
  /** Default grid. */
  method?: SweepMethod;
  /** Default: every grid point; DEFAULT_RANDOM_TRIALS random trials. */
  maxTrials?: number;
  /** Most trials the caller allows (after maxTrials); default no limit. */
  limit?: number;
  seed: number;
  /** An epoch metric (default: val_auroc for binary, val_accuracy for multiclass, else val_loss). */
  metric?: string;
  /** Default: minimize for loss, mse and mae metrics, else maximize. */
  direction?: Direction;
  earlyStop?: MedianStoppingRule;
  architecture: ArchitectureName;
  task: ArchitectureTask;
  /** Shared by all trials; swept values replace its fields. */
  base: { config: Record<string, unknown>; learningRate: number; batchSize: number };
  /** A trial's complete config for the data; throws LearningError when it does not fit. */
  checkConfig(config: Record<string, unknown>): ArchitectureConfig;
}

/** One trial as it will train. */
export interface PlannedTrial {
  /** 1-based. */
  trial: number;
  params: TrialParams;
  config: ArchitectureConfig;
  learningRate: number;
  batchSize: number;
}

export interface SweepPlan {
  method: SweepMethod;
  metric: string;
  direction: Direction;
  trials: PlannedTrial[];
}

/**
 * Checks a sweep's options and its space and plans every trial, each config checked before any
 * trial trains. Throws LearningError INVALID_OPTIONS (or the config's code) naming the field.
 */
export function planSweep(o: SweepPlanOptions): SweepPlan {
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
  checkSpace(o.space, o.architecture, method);
  const metric = o.metric ?? defaultMetric(o.task);
  if (metric !== 'loss' && !metric.startsWith('val_')) {
    throw new LearningError(
      'INVALID_OPTIONS',
      `metric "${metric}" is not an epoch metric: use "loss" or a validation metric such as val_loss, val_auroc, val_accuracy`,
      'metric',
    );
  }
  if (o.direction !== undefined && o.direction !== 'maximize' && o.direction !== 'minimize') {
    throw new LearningError(
      'INVALID_OPTIONS',
      `direction must be "maximize" or "minimize"; got "${String(o.direction)}"`,
      'direction',
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
  const minCompleted = o.earlyStop?.minCompleted;
  if (minCompleted !== undefined && !(Number.isInteger(minCompleted) && minCompleted >= 1)) {
    throw new LearningError(
      'INVALID_OPTIONS',
      `earlyStop.minCompleted must be an integer ≥ 1; got ${minCompleted}`,
      'earlyStop.minCompleted',
    );
  }
  if (o.limit !== undefined && o.maxTrials !== undefined && o.maxTrials > o.limit) {
    throw new LearningError(
      'INVALID_OPTIONS',
      `maxTrials must be at most ${o.limit}; got ${o.maxTrials}`,
      'maxTrials',
    );
  }
  const count =
    method === 'grid'
      ? Math.min(gridSize(o.space), o.maxTrials ?? Infinity)
      : (o.maxTrials ?? DEFAULT_RANDOM_TRIALS);
  if (o.limit !== undefined && count > o.limit) {
    throw new LearningError(
      'INVALID_OPTIONS',
      `the grid has ${count} points and a sweep runs at most ${o.limit} trials: set maxTrials or narrow the space`,
      'maxTrials',
    );
  }
  const params =
    method === 'grid' ? gridTrials(o.space, count) : randomTrials(o.space, count, o.seed);
  const trials = params.map((p, i) => {
    const settings = trialSettings(p, o.base);
    try {
      return { trial: i + 1, params: p, ...settings, config: o.checkConfig(settings.config) };
    } catch (error) {
      if (!(error instanceof LearningError)) throw error;
      throw new LearningError(
        error.code,
        `trial ${i + 1} (${describeParams(p)}): ${error.message}`,
        error.field,
      );
    }
  });
  return { method, metric, direction, trials };
}

/** Points of a grid (lists only; checkSpace has refused ranges for grids). */
function gridSize(space: SweepSpace): number {
  return Object.values(space).reduce((n, values) => n * (values as unknown[]).length, 1);
}

function defaultMetric(task: ArchitectureTask): string {
  if (task === 'binary' || task === 'multitask') return 'val_auroc';
  if (task === 'multiclass') return 'val_accuracy';
  return 'val_loss';
}
