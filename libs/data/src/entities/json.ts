/**
 * A JSON object column's value. Interfaces are not assignable to an index-signature type in
 * TypeScript: spread them (`{ ...config }`) or declare them as `type` aliases.
 */
export type JsonObject = Record<string, unknown>;

/** One probe's attribution at one epoch: its index, the attributed output, [length × 4] scores. */
export type ProbeAttributionValues = { probe: number; output: number; scores: number[] };

/** Named numeric metrics, e.g. `{ loss: 0.31, auroc: 0.92 }`. */
export type MetricValues = Record<string, number>;

/**
 * The warnings of one rule on a dataset (as @strand/genomics' WarningSummary): how many, and the
 * first few with their place.
 */
export type DatasetWarning = {
  rule: string;
  count: number;
  examples: { file: string; line: number; message: string }[];
};
