/**
 * The life of a training run: QUEUED → RUNNING → one of the final states. A run whose process
 * stopped goes back to QUEUED and resumes from its checkpoint; STALLED: its worker made no
 * progress for too long and was terminated.
 */
export const RUN_STATUSES = [
  'QUEUED',
  'RUNNING',
  'SUCCEEDED',
  'FAILED',
  'CANCELLED',
  'STALLED',
] as const;

export type RunStatus = (typeof RUN_STATUSES)[number];

/** States a run never leaves. */
export const FINAL_RUN_STATUSES: readonly RunStatus[] = [
  'SUCCEEDED',
  'FAILED',
  'CANCELLED',
  'STALLED',
];
