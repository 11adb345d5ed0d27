/**
 * An expected business failure of a use case (bad input, unknown id, wrong state). Use cases
 * return these instead of throwing; the API passes them on as `userErrors { field message code }`.
 */
export interface UserError {
  /** Dotted path of the offending input field, or null when no single field is at fault. */
  readonly field: string | null;
  readonly message: string;
  /** Stable, machine-readable code, e.g. `NOT_FOUND`, `OUT_OF_RANGE`. */
  readonly code: string;
}

/** A use case's outcome: a value, or the user errors that prevented it. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; errors: UserError[] };

/** Builds a UserError. */
export function userError(field: string | null, code: string, message: string): UserError {
  return { field, code, message };
}

/** Checks an integer lies in [min, max]; returns the error to report otherwise. */
export function checkIntRange(
  field: string,
  value: number,
  min: number,
  max: number,
): UserError | null {
  if (!Number.isInteger(value) || value < min || value > max) {
    return userError(
      field,
      'OUT_OF_RANGE',
      `${field} must be an integer from ${min} to ${max}; got ${value}`,
    );
  }
  return null;
}
