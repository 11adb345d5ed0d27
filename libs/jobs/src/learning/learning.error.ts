/** Stable codes of LearningError. */
export type LearningErrorCode =
  | 'UNREADABLE_FILE'
  | 'INVALID_DATA'
  | 'UNKNOWN_ARCHITECTURE'
  | 'INCOMPATIBLE_ARCHITECTURE'
  | 'INVALID_CONFIG'
  | 'INVALID_OPTIONS'
  | 'CANCELLED';

/**
 * Data, an architecture or options the learning engine (load, fit, cross-validate, sweep) cannot
 * use, or work cancelled through its AbortSignal. The message names the value and its place
 * (`promoters.tsv: record 12 has label "x"`, `config.filters: must be …`); `field` is the
 * option at fault when there is one (`architecture`, `config.filters`, `space.learningRate`).
 */
export class LearningError extends Error {
  constructor(
    readonly code: LearningErrorCode,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = 'LearningError';
  }
}
