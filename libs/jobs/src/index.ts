export { DEFAULT_STALL_SECONDS, Jobs } from './strand-jobs.ts';
export type { JobsOptions } from './strand-jobs.ts';
export type { JobLog } from './training/job-log.ts';
export { createEventBus } from './events/event-bus.ts';
export type {
  EventBus,
  JobProgressEvent,
  JobStatusEvent,
  RunStatusEvent,
  StrandEvents,
  TrainingProgressEvent,
} from './events/event-bus.ts';
export type { Outcome, UserError } from './errors/user-error.ts';
export { DEMO_LIMITS } from './datasets/create-demo-dataset.ts';
export type { CreateDemoDatasetInput } from './datasets/create-demo-dataset.ts';
export { TRAINING_DEFAULTS, TRAINING_LIMITS } from './training/start-training.ts';
export type { StartTrainingInput } from './training/start-training.ts';
export { HEARTBEAT_WRITE_MS, VALIDATION_FRACTION } from './training/training-executor.ts';
export { scoreVcf } from './scoring/score-vcf.ts';
export type { ScoreVcfOptions, ScoreVcfProgress, ScoreVcfResult } from './scoring/score-vcf.ts';
export type { NotScored } from './scoring/scoring-progress.ts';
export { ScoringError } from './scoring/scoring.error.ts';
export { MAX_MISSING_CHROMOSOME_SHARE, MAX_REF_MISMATCH_SHARE } from './scoring/preflight-gate.ts';
export { SCORE_COLUMNS } from './scoring/score-rows.ts';
export { IMPORT_KINDS, importDataset } from './datasets/import-dataset.ts';
export type {
  ImportDatasetInput,
  ImportKind,
  ImportOptions,
  ImportProgress,
} from './datasets/import-dataset.ts';
export { JobError } from './platform/job-kind.ts';
export type {
  JobKind,
  JobLineage,
  JobOutcome,
  JobRunContext,
  JobServices,
  PreparedJob,
  ProgressUpdate,
} from './platform/job-kind.ts';
export { runInWorker, WorkerAbortedError } from './platform/run-in-worker.ts';
export type { WorkerFunction, WorkerTools } from './platform/run-in-worker.ts';
