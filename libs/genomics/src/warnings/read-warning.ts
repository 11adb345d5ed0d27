/**
 * A deviation a reader tolerated: the file is readable, but not as the format's specification
 * says. `message` says what is wrong and what Strand did about it, e.g. `INFO AF is reserved with
 * Number=A; the header declares Number=.; read AF with the header's Number=.`.
 */
export interface ReadWarning {
  /** A stable identifier of the kind of deviation (`vcf-version`, `crlf-line-endings`, …). */
  rule: string;
  /** The file name (or other label) the text came from. */
  file: string;
  /** 1-based line number. */
  line: number;
  message: string;
}

/** Receives the warnings of one or more readers (see ReadWarnings, which counts them). */
export interface WarningSink {
  add(warning: ReadWarning): void;
}

/**
 * A kind of deviation a reader tolerates. `strict` says what `strict: true` makes of it: `error`
 * for what the reader refused before it had warnings (the specification's rules: a file that
 * breaks one fails validation), `warning` for advice that never made a file invalid (a missing
 * `##contig` line, Windows line endings) and stays a warning.
 */
export interface WarningRule {
  id: string;
  strict: 'error' | 'warning';
}

/** What every reader accepts besides its own options. */
export interface ReadOptions {
  /** Names the source in errors and warnings; defaults to the path, or `<stream>`. */
  label?: string;
  /**
   * Refuse what the specification forbids even where htslib (or the format's common readers)
   * would read it: each rule whose `strict` is `error` then throws a FormatError instead of
   * warning. Default false.
   */
  strict?: boolean;
  /** Where warnings go; without one they are dropped. */
  warnings?: WarningSink;
}
