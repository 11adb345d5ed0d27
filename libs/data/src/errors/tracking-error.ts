/** Stable codes of the failures of run tags/notes, run queries and the model registry. */
export type TrackingErrorCode =
  | 'BAD_TAG'
  | 'TOO_MANY_TAGS'
  | 'NOTE_TOO_LONG'
  | 'BAD_RUN_FILTER'
  | 'BAD_MODEL_NAME'
  | 'BAD_ALIAS'
  | 'RUN_NOT_SUCCEEDED'
  | 'NO_MODEL_ARTIFACT'
  | 'MODEL_FILES_MISSING'
  | 'TOO_MANY_ALIASES'
  | 'NOT_FOUND';

/**
 * An expected failure of tracking and registry operations (a bad tag, a run that cannot be
 * registered). `field` names the input at fault, so the API can return it as a userError.
 */
export class TrackingError extends Error {
  readonly code: TrackingErrorCode;
  readonly field: string;

  constructor(code: TrackingErrorCode, field: string, message: string) {
    super(message);
    this.name = 'TrackingError';
    this.code = code;
    this.field = field;
  }
}
