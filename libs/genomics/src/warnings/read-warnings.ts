import type { ReadWarning, WarningSink } from './read-warning.ts';

/** The warnings of one rule: how many, and the first few with their place. */
export interface WarningSummary {
  rule: string;
  count: number;
  examples: ReadWarning[];
}

/** Examples kept per rule by default. */
export const WARNING_EXAMPLES = 5;

/**
 * Collects warnings with bounded memory: a count per rule and its first `examples` warnings, so
 * a file that breaks one rule on each of its million records costs one counter.
 */
export class ReadWarnings implements WarningSink {
  private readonly rules = new Map<string, WarningSummary>();

  constructor(private readonly examples = WARNING_EXAMPLES) {}

  add(warning: ReadWarning): void {
    let summary = this.rules.get(warning.rule);
    if (!summary) {
      summary = { rule: warning.rule, count: 0, examples: [] };
      this.rules.set(warning.rule, summary);
    }
    summary.count++;
    if (summary.examples.length < this.examples) summary.examples.push(warning);
  }

  /** Warnings in all. */
  get total(): number {
    let total = 0;
    for (const { count } of this.rules.values()) total += count;
    return total;
  }

  /** One entry per rule, in the order each rule was first seen. */
  summary(): WarningSummary[] {
    return [...this.rules.values()].map((s) => ({ ...s, examples: [...s.examples] }));
  }
}
