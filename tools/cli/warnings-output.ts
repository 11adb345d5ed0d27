import type { WarningSummary } from '@strand/genomics';

/** Warnings as `--json` prints them: the first few of each rule, and every rule's count. */
export interface WarningsJson {
  warnings: { rule: string; file: string; line: number; message: string }[];
  warningCounts: Record<string, number>;
}

/** The JSON form of collected warnings (see WarningsJson). */
export function warningsJson(summary: WarningSummary[]): WarningsJson {
  return {
    warnings: summary.flatMap((s) =>
      s.examples.map(({ rule, file, line, message }) => ({ rule, file, line, message })),
    ),
    warningCounts: Object.fromEntries(summary.map((s) => [s.rule, s.count])),
  };
}

/** Warnings of one rule as a dataset keeps them (examples without their rule). */
export interface RuleWarnings {
  rule: string;
  count: number;
  examples: { file: string; line: number; message: string }[];
}

/**
 * Warnings for people, one `file:line: message [rule]` per kept example, then how many more of
 * each rule there were.
 */
export function warningLines(summary: RuleWarnings[]): string[] {
  return summary.flatMap((s) => [
    ...s.examples.map((w) => `warning: ${w.file}:${w.line}: ${w.message} [${s.rule}]`),
    ...(s.count > s.examples.length
      ? [`warning: … and ${s.count - s.examples.length} more [${s.rule}]`]
      : []),
  ]);
}
