/**
 * A risk pipeline that cannot run: `INVALID_INPUT` (the cohort, labels or options are unusable;
 * the message names the value, `field` the input at fault, for an API's `userErrors`) or
 * `CANCELLED` (the caller's signal aborted it).
 */
export class RiskPipelineError extends Error {
  constructor(
    readonly code: 'INVALID_INPUT' | 'CANCELLED',
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = 'RiskPipelineError';
  }
}
