import type { FieldError } from './architecture-config.error.ts';

/** How one config field is checked; every bound is inclusive. */
export type FieldSpec =
  | { kind: 'integer'; min: number; max: number }
  /** A rate in [0, 1), e.g. dropout. */
  | { kind: 'rate' }
  /** A finite number (not only integers), e.g. a loss weight. */
  | { kind: 'number'; min: number; max: number }
  | { kind: 'choice'; values: readonly string[] }
  /** A list of integers (e.g. units per layer) of `minItems`..`maxItems` entries. */
  | { kind: 'integers'; min: number; max: number; minItems: number; maxItems: number }
  | { kind: 'boolean' };

/** Field specs for every key of a config type. */
export type FieldSpecs<C> = { readonly [K in keyof C]: FieldSpec };

/**
 * Checks a user-given config object against `fields`, filling `defaults` for missing fields.
 * Unknown fields are reported first, then each field in `defaults` order.
 */
export function checkFields<C extends object>(
  given: Record<string, unknown>,
  defaults: Readonly<C>,
  fields: FieldSpecs<C>,
): { config: C; errors: FieldError[] } {
  const keys = Object.keys(defaults) as (keyof C & string)[];
  const errors: FieldError[] = [];
  for (const key of Object.keys(given)) {
    if (!(keys as string[]).includes(key)) {
      const message = `unknown field "${key}"; known: ${keys.join(', ')}`;
      errors.push({ field: `config.${key}`, message });
    }
  }
  const config = { ...defaults } as C;
  for (const key of keys) {
    const value = given[key] ?? defaults[key];
    const problem = checkField(value, fields[key]);
    if (problem !== undefined) errors.push({ field: `config.${key}`, message: problem });
    else config[key] = (Array.isArray(value) ? [...value] : value) as C[typeof key];
  }
  return { config, errors };
}

function checkField(value: unknown, spec: FieldSpec): string | undefined {
  switch (spec.kind) {
    case 'integer':
      return isIntegerIn(value, spec.min, spec.max)
        ? undefined
        : `must be an integer from ${spec.min} to ${spec.max}, got ${describeValue(value)}`;
    case 'rate':
      return typeof value === 'number' && value >= 0 && value < 1
        ? undefined
        : `must be a number in [0, 1), got ${describeValue(value)}`;
    case 'number':
      return typeof value === 'number' && value >= spec.min && value <= spec.max
        ? undefined
        : `must be a number from ${spec.min} to ${spec.max}, got ${describeValue(value)}`;
    case 'choice':
      return typeof value === 'string' && spec.values.includes(value)
        ? undefined
        : `must be one of ${spec.values.map((v) => `"${v}"`).join(', ')}, got ${describeValue(value)}`;
    case 'boolean':
      return typeof value === 'boolean'
        ? undefined
        : `must be true or false, got ${describeValue(value)}`;
    case 'integers': {
      const ok =
        Array.isArray(value) &&
        value.length >= spec.minItems &&
        value.length <= spec.maxItems &&
        value.every((v) => isIntegerIn(v, spec.min, spec.max));
      const items =
        spec.minItems === spec.maxItems
          ? `${spec.minItems}`
          : `${spec.minItems} to ${spec.maxItems}`;
      return ok
        ? undefined
        : `must be a list of ${items} integers from ${spec.min} to ${spec.max}, got ${describeValue(value)}`;
    }
  }
}

function isIntegerIn(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** A value as a message shows it: strings quoted, lists in brackets. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return `[${value.map(describeValue).join(', ')}]`;
  return String(value);
}
