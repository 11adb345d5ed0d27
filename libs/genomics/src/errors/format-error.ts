import { GenomicsError } from './genomics-error.ts';

/** A malformed line in a parsed file; the message reads `${source}:${line}: ${reason}`. */
export class FormatError extends GenomicsError {
  /** The file name (or other label) the text came from. */
  readonly source: string;
  /** 1-based line number of the offending line. */
  readonly line: number;
  /** What is wrong, without the `source:line:` prefix. */
  readonly reason: string;

  constructor(source: string, line: number, reason: string) {
    super('FORMAT_ERROR', `${source}:${line}: ${reason}`);
    this.source = source;
    this.line = line;
    this.reason = reason;
  }
}
