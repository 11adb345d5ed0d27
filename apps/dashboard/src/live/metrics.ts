import type { Metric } from '../graphql/types.ts';

/** Metrics as a name → value record (a later duplicate name wins). */
export function metricRecord(metrics: readonly Metric[]): Record<string, number> {
  const record: Record<string, number> = {};
  for (const m of metrics) record[m.name] = m.value;
  return record;
}

/** The value of one named metric, or null when the list lacks it. */
export function metricValue(metrics: readonly Metric[], name: string): number | null {
  return metrics.find((m) => m.name === name)?.value ?? null;
}
