/** One label's share of a dataset, for the class-balance bars. */
export interface LabelShare {
  label: string;
  count: number;
  /** count / all labelled records, 0–1. */
  share: number;
}

/**
 * Each label's share of the labelled records, in the API's order (most frequent first), and the
 * imbalance ratio (largest count over smallest; null with fewer than two labels).
 */
export function labelBalance(counts: readonly { label: string; count: number }[]): {
  shares: LabelShare[];
  imbalance: number | null;
} {
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const shares = counts.map((c) => ({ ...c, share: total > 0 ? c.count / total : 0 }));
  const values = counts.map((c) => c.count);
  const smallest = Math.min(...values);
  const imbalance = counts.length >= 2 && smallest > 0 ? Math.max(...values) / smallest : null;
  return { shares, imbalance };
}
