/**
 * The base error of @strand/genomics. `code` is stable and machine-readable (`INVALID_BASE`,
 * `INVALID_OPTIONS`, `FORMAT_ERROR`, ...); the message names the offending value and its place.
 */
export class GenomicsError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}
