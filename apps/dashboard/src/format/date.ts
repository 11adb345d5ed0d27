const pad = (n: number) => String(n).padStart(2, '0');

const toDate = (value: string | Date | null | undefined): Date | null => {
  if (value == null) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** A timestamp in the viewer's local time: `2026-11-23 11:07`; `—` when absent or invalid. */
export function formatDateTime(value: string | Date | null | undefined): string {
  const d = toDate(value);
  if (!d) return '—';
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${day} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** How long ago, coarsely: `just now`, `5 min ago`, `3 h ago`, `2 d ago`; `—` when invalid. */
export function formatAgo(value: string | Date | null | undefined, nowMs: number): string {
  const d = toDate(value);
  if (!d) return '—';
  const seconds = Math.max(0, (nowMs - d.getTime()) / 1000);
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} d ago`;
}
