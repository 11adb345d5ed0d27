import { formatBytes, formatCount } from '../format/number.ts';
import type { JobProgress, JobStatus } from '../graphql/types.ts';

/** What a job's progress bar shows. */
export interface JobProgressView {
  /** 0..1; null while the total is unknown (the bar then shows no fill, only the count). */
  fraction: number | null;
  /** `120/400 variants`, `3.40 kB/12.0 MB`, or `1,234 records` while the total is unknown. */
  count: string;
  message: string | null;
}

/** The bar's numbers for a job's progress; a job that succeeded is full whatever it counted. */
export function jobProgressView(progress: JobProgress, status: JobStatus): JobProgressView {
  const { done, total, unit } = progress;
  const bytes = unit === 'bytes';
  const amount = (n: number) => (bytes ? formatBytes(n) : formatCount(n));
  const suffix = bytes || !unit ? '' : ` ${unit}`;
  const count =
    total != null ? `${amount(done)}/${amount(total)}${suffix}` : `${amount(done)}${suffix}`;
  let fraction = progress.fraction ?? (total && total > 0 ? done / total : null);
  if (status === 'SUCCEEDED') fraction = 1;
  if (fraction != null) fraction = Math.min(1, Math.max(0, fraction));
  return { fraction, count, message: progress.message || null };
}

/** The job's progress as of a live event when there is one newer than the stored job. */
export function latestProgress(
  stored: { status: JobStatus; progress: JobProgress },
  live: { status: JobStatus; progress: JobProgress } | null,
): { status: JobStatus; progress: JobProgress } {
  // While the stored job is active a live event is newer; once the query says it ended, it wins.
  if (!live || (stored.status !== 'QUEUED' && stored.status !== 'RUNNING')) return stored;
  return live;
}
