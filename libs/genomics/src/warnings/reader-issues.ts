import { FormatError } from '../errors/format-error.ts';
import type { ReadOptions, WarningRule } from './read-warning.ts';

/**
 * How one reader reports a tolerated deviation: a warning to the sink, or — with `strict` and a
 * rule that is an error in strict mode — a FormatError `file:line: problem` (the message the
 * reader gave before it had warnings).
 */
export class ReaderIssues {
  readonly strict: boolean;

  constructor(
    readonly label: string,
    private readonly options: Pick<ReadOptions, 'strict' | 'warnings'> = {},
  ) {
    this.strict = options.strict ?? false;
  }

  /**
   * Reports `problem` at `line`; `action` says what the reader did instead of failing (`read it
   * as missing`). Throws in strict mode when the rule says so; returns otherwise.
   */
  warn(line: number, rule: WarningRule, problem: string, action: string): void {
    if (this.strict && rule.strict === 'error') throw new FormatError(this.label, line, problem);
    this.options.warnings?.add({
      rule: rule.id,
      file: this.label,
      line,
      message: `${problem}; ${action}`,
    });
  }
}
