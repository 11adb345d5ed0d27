import { registerEnumType } from 'type-graphql';

/**
 * Mirrors the data layer's RunStatus (QUEUED → RUNNING → SUCCEEDED | FAILED | CANCELLED |
 * STALLED; a run whose process stopped goes back to QUEUED and resumes from its checkpoint).
 */
export enum RunStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
  /** No progress for STRAND_STALL_SECONDS: the worker was stopped. */
  STALLED = 'STALLED',
}

registerEnumType(RunStatus, { name: 'RunStatus', description: 'Where a run is in its life.' });
