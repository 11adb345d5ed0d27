import type { FieldError } from './architecture-config.error.ts';
import type { DeepBindConfig } from './deepbind.ts';
import { DEEPBIND_DEFAULTS } from './deepbind.ts';

/** The architectures `buildModel` knows. */
export const ARCHITECTURE_NAMES = ['deepbind'] as const;

/** One of `ARCHITECTURE_NAMES`. */
export type ArchitectureName = (typeof ARCHITECTURE_NAMES)[number];

/** The outcome of `validateArchitectureConfig`: a complete config, or every problem found. */
export type ArchitectureValidation =
  { ok: true; config: DeepBindConfig } | { ok: false; errors: FieldError[] };

/** Inclusive bounds per integer field; generous, but they stop a typo from eating the RAM. */
const INTEGER_BOUNDS = {
  filters: [1, 1024],
  kernelSize: [1, 1024],
  hiddenUnits: [1, 4096],
} as const satisfies Partial<Record<keyof DeepBindConfig, readonly [number, number]>>;

const FIELDS = Object.keys(DEEPBIND_DEFAULTS) as (keyof DeepBindConfig)[];

/** True when `name` is one of `ARCHITECTURE_NAMES`. */
export function isArchitectureName(name: string): name is ArchitectureName {
  return (ARCHITECTURE_NAMES as readonly string[]).includes(name);
}

/**
 * Checks an architecture name and a user-given config (e.g. from a GraphQL input) against the
 * input shape, filling defaults for missing fields. Never throws: every problem is returned with
 * the field it belongs to (`architecture`, `config`, `config.<field>`, `input.<field>`).
 *
 * @example validateArchitectureConfig('deepbind', { filters: 32 }, { length: 101, alphabetSize: 4 })
 */
export function validateArchitectureConfig(
  name: string,
  config: unknown,
  input: { length: number; alphabetSize: number },
): ArchitectureValidation {
  if (!isArchitectureName(name)) {
    const message = `unknown architecture "${name}"; known: ${ARCHITECTURE_NAMES.join(', ')}`;
    return { ok: false, errors: [{ field: 'architecture', message }] };
  }
  const errors: FieldError[] = [];
  for (const key of ['length', 'alphabetSize'] as const) {
    const value = input[key];
    if (!Number.isInteger(value) || value < 1) {
      errors.push({ field: `input.${key}`, message: `must be a positive integer, got ${value}` });
    }
  }
  if (config === undefined || config === null) config = {};
  if (typeof config !== 'object' || Array.isArray(config)) {
    errors.push({ field: 'config', message: `must be an object, got ${describe(config)}` });
    return { ok: false, errors };
  }
  const given = config as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!(FIELDS as string[]).includes(key)) {
      const message = `unknown field "${key}"; known: ${FIELDS.join(', ')}`;
      errors.push({ field: `config.${key}`, message });
    }
  }
  const result: DeepBindConfig = { ...DEEPBIND_DEFAULTS };
  for (const key of FIELDS) {
    const value = given[key] ?? DEEPBIND_DEFAULTS[key];
    const problem = key === 'dropout' ? checkRate(value) : checkInteger(value, INTEGER_BOUNDS[key]);
    if (problem !== undefined) errors.push({ field: `config.${key}`, message: problem });
    else result[key] = value as number;
  }
  const kernel = result.kernelSize;
  if (errors.length === 0 && kernel > input.length) {
    const message = `kernelSize ${kernel} is longer than the input length ${input.length}`;
    errors.push({ field: 'config.kernelSize', message });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config: result };
}

function checkInteger(value: unknown, [min, max]: readonly [number, number]): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) {
    return undefined;
  }
  return `must be an integer from ${min} to ${max}, got ${describe(value)}`;
}

function checkRate(value: unknown): string | undefined {
  if (typeof value === 'number' && value >= 0 && value < 1) return undefined;
  return `must be a number in [0, 1), got ${describe(value)}`;
}

function describe(value: unknown): string {
  return typeof value === 'string'
    ? `"${value}"`
    : Array.isArray(value)
      ? 'an array'
      : String(value);
}
