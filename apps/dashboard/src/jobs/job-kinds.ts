import type { JobKind, JobStatus } from '../graphql/types.ts';

/** Every job kind, in the order the kind filter offers them, with the name people read. */
export const JOB_KIND_NAMES: Readonly<Record<JobKind, string>> = {
  TRAIN: 'Training',
  IMPORT_DATASET: 'Dataset import',
  IMPORT_UPLOAD: 'Upload import',
  CREATE_DEMO_DATASET: 'Demo dataset',
  SCORE_VARIANTS: 'Variant scoring',
  EXPLAIN_SEQUENCE: 'Sequence explanation',
  CROSS_VALIDATION: 'Cross-validation',
  SWEEP: 'Hyper-parameter sweep',
  PREDICT_RISK: 'Risk prediction',
  DISCOVER_MOTIFS: 'Motif discovery',
  MARGINALIZE: 'Marginalisation',
  DESIGN: 'Sequence design',
  CALL_VARIANTS: 'Variant calling',
};

export const JOB_KINDS = Object.keys(JOB_KIND_NAMES) as JobKind[];

export const JOB_STATUSES: readonly JobStatus[] = [
  'QUEUED',
  'RUNNING',
  'SUCCEEDED',
  'FAILED',
  'CANCELLED',
];

/** The human name of a kind; an unknown kind (a newer server) is shown as it is. */
export function jobKindName(kind: string): string {
  return (JOB_KIND_NAMES as Record<string, string>)[kind] ?? kind;
}

/** Statuses in which a job may still change (and may be cancelled). */
export const isJobActive = (status: JobStatus): boolean =>
  status === 'QUEUED' || status === 'RUNNING';

/** A select's value as a filter variable: blank means no filter; anything unknown too. */
export function kindFilter(value: string): JobKind | null {
  return (JOB_KINDS as string[]).includes(value) ? (value as JobKind) : null;
}
export function statusFilter(value: string): JobStatus | null {
  return (JOB_STATUSES as string[]).includes(value) ? (value as JobStatus) : null;
}
