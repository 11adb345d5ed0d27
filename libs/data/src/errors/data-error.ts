/** Stable, machine-readable codes of the data layer's errors. */
export type DataErrorCode =
  | 'BAD_CURSOR'
  | 'BAD_PAGE_SIZE'
  | 'BAD_FILTER'
  | 'BAD_ARTIFACT_PATH'
  | 'BAD_EPOCH'
  | 'BAD_ADMIN_TOKEN'
  | 'DATABASE_DAMAGED'
  | 'ARTIFACT_STORE_UNAVAILABLE'
  | 'NOT_FOUND';

/**
 * The error of @strand/data. `code` is stable (callers branch on it); the message names the
 * offending value, e.g. `cursor "abc" is not a cursor returned by this API`.
 */
export class DataError extends Error {
  readonly code: DataErrorCode;

  constructor(code: DataErrorCode, message: string) {
    super(message);
    this.name = 'DataError';
    this.code = code;
  }
}
