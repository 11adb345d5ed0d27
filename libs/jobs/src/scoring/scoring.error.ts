/**
 * A variant-scoring job that cannot start or continue: `PREFLIGHT_FAILED` (the variants do not
 * fit the reference), `PROGRESS_MISMATCH` (the output folder holds another run's progress),
 * `INVALID_OPTIONS`. The message names the file and the value at fault.
 */
export class ScoringError extends Error {
  constructor(
    readonly code: 'PREFLIGHT_FAILED' | 'PROGRESS_MISMATCH' | 'INVALID_OPTIONS',
    message: string,
  ) {
    super(message);
    this.name = 'ScoringError';
  }
}
