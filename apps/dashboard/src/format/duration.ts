const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A duration for people: `<1 s`, `42 s`, `3 min 07 s`, `2 h 05 min`; `—` when unknown or
 * negative. Seconds are rounded, so 59.6 s reads `1 min 00 s`.
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 0.5) return '<1 s';
  const total = Math.round(seconds);
  if (total < 60) return `${total} s`;
  if (total < 3600) return `${Math.floor(total / 60)} min ${pad(total % 60)} s`;
  const minutes = Math.round(total / 60);
  return `${Math.floor(minutes / 60)} h ${pad(minutes % 60)} min`;
}
