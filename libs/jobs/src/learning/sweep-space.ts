/**
 * A sweep's search space and its trials. Parameters: `learningRate`, `batchSize`, and
 * `config.<field>` for any field of the architecture's config. Each takes a list of values, or
 * (random search only) a range `{ min, max, log?, integer? }`. Grid search enumerates the
 * cartesian product, first parameter slowest; random search draws each parameter independently
 * with a seeded generator (log-uniform for `log` ranges).
 */
import { createRng } from '@strand/genomics';
import type { Rng } from '@strand/genomics';
import { ARCHITECTURES } from '@strand/models';
import type { ArchitectureName } from '@strand/models';
import { LearningError } from './learning.error.ts';

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
  const fields = Object.keys(ARCHITECTURES[architecture].defaults);
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
