/** What a dataset holds, and so which models and metrics apply to it. */
export const DATASET_KINDS = [
  'sequence-classification',
  'sequence-regression',
  'variants',
  'expression',
  // Candidates of a variant call with their pileup images (`callVariants` with pileups).
  'pileups',
] as const;

export type DatasetKind = (typeof DATASET_KINDS)[number];
