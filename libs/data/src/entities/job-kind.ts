/**
 * The kinds of job. Each kind's logic lives in libs/jobs (platform/job-kind.ts); this list is what
 * the database and the API accept. A TRAIN job trains one Run (the record of the training).
 */
export const JOB_KINDS = [
  'TRAIN',
  'IMPORT_DATASET',
  'SCORE_VARIANTS',
  'EXPLAIN_SEQUENCE',
  'PREDICT_RISK',
  'CROSS_VALIDATION',
  'SWEEP',
  'DISCOVER_MOTIFS',
  'CALL_VARIANTS',
  'CREATE_DEMO_DATASET',
  'IMPORT_UPLOAD',
  'MARGINALIZE',
  'DESIGN',
] as const;

export type JobKindName = (typeof JOB_KINDS)[number];

/** QUEUED → RUNNING → one of the final states; a job whose process died goes back to QUEUED. */
export const JOB_STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'] as const;

export type JobStatus = (typeof JOB_STATUSES)[number];

export const FINAL_JOB_STATUSES: readonly JobStatus[] = ['SUCCEEDED', 'FAILED', 'CANCELLED'];
