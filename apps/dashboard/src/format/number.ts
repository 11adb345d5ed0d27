const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

const isNumber = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** A metric such as AUROC or loss with 4 decimals (`0.9312`); `—` when absent or not finite. */
export function formatMetric(value: number | null | undefined): string {
  return isNumber(value) ? value.toFixed(4) : '—';
}

/** A whole count with thousands separators (`12,345`); `—` when absent. */
export function formatCount(value: number | null | undefined): string {
  return isNumber(value) ? grouped.format(value) : '—';
}

/** Training throughput: `1,234 samples/s`; `—` when unknown. */
export function formatRate(samplesPerSecond: number | null | undefined): string {
  return isNumber(samplesPerSecond) ? `${grouped.format(samplesPerSecond)} samples/s` : '—';
}

/**
 * An axis tick label with just enough decimals for the tick step, so 0.1-steps read `0.3`,
 * not `0.30000000000000004`, and integer steps read `2`, not `2.0`.
 */
export function formatTick(value: number, step: number): string {
  const decimals = step > 0 && step < 1 ? Math.min(10, Math.ceil(-Math.log10(step) - 1e-9)) : 0;
  const text = value.toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}
