/** The life of a training run: QUEUED → RUNNING → one of the final states. */
export const RUN_STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'] as const;

export type RunStatus = (typeof RUN_STATUSES)[number];

/** States a run never leaves. */
export const FINAL_RUN_STATUSES: readonly RunStatus[] = ['SUCCEEDED', 'FAILED', 'CANCELLED'];
