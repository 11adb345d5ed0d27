import { registerEnumType } from 'type-graphql';

/** Mirrors the data layer's RunStatus (QUEUED → RUNNING → SUCCEEDED | FAILED | CANCELLED). */
export enum RunStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(RunStatus, { name: 'RunStatus', description: 'Where a run is in its life.' });
