/** One invalid field of an architecture specification. */
export interface FieldError {
  field: string;
  message: string;
}

/** An architecture specification that `buildModel` cannot build; lists every invalid field. */
export class ArchitectureConfigError extends Error {
  readonly code = 'ARCHITECTURE_CONFIG';
  readonly errors: readonly FieldError[];

  constructor(errors: readonly FieldError[]) {
    super(
      `invalid architecture specification: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
    );
    this.name = 'ArchitectureConfigError';
    this.errors = errors;
  }
}
