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

/**
 * Any number for a summary: whole numbers grouped (`12,345`), others with 4 significant digits
 * (`0.8123`, `12.35`), very small or large ones in exponent form (`3.21e-5`, `1e-7`); `—` when
 * absent.
 */
export function formatNumber(value: number | null | undefined): string {
  if (!isNumber(value)) return '—';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return grouped.format(value);
  const size = Math.abs(value);
  if (size >= 1e6 || size < 1e-3) return value.toExponential(3).replace(/\.?0+e/, 'e');
  return String(Number(value.toPrecision(4)));
}

/** A byte count for people: `812 B`, `3.4 kB`, `12.0 MB`, `1.21 GB` (powers of 1000). */
export function formatBytes(bytes: number | null | undefined): string {
  if (!isNumber(bytes) || bytes < 0) return '—';
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ${units[unit]}`;
}

/** A mean with its sample sd, metric style: `0.8123 ± 0.0312`; `—` without a mean. */
export function formatMeanSd(
  mean: number | null | undefined,
  sd: number | null | undefined,
): string {
  if (!isNumber(mean)) return '—';
  return isNumber(sd) ? `${formatMetric(mean)} ± ${formatMetric(sd)}` : formatMetric(mean);
}
