// Hand-written shapes of the GraphQL contract's object types, as the dashboard selects them.
// Kept in step with the contract in the API (schema.graphql); `__typename` is added by Apollo.

/** Lifecycle of a training run. */
export type RunStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED' | 'STALLED';

/** A member's role in a project: ADMIN and EDITOR change things, VIEWER only reads. */
export type Role = 'ADMIN' | 'EDITOR' | 'VIEWER';

/** The project a run or job belongs to, with the caller's role in it. */
export interface ProjectRole {
  id: string;
  viewerRole: Role;
}

/** One named metric value (loss, val_loss, val_auroc, val_auprc, val_accuracy). */
export interface Metric {
  name: string;
  value: number;
}

/** Metrics of one finished epoch as the server stored them. */
export interface EpochMetrics {
  epoch: number;
  metrics: Metric[];
  samplesPerSecond: number;
  seconds: number;
}

/** An expected business failure returned by a mutation. */
export interface UserError {
  field: string | null;
  message: string;
  code: string;
}

/** Dataset fields shown in lists and on the run page. */
export interface DatasetSummary {
  id: string;
  name: string;
  kind: string;
  status: string;
  recordCount: number;
  sequenceLength: number | null;
  createdAt: string;
}

/** Run fields shown in the runs table. */
export interface RunSummary {
  id: string;
  status: RunStatus;
  architecture: string;
  epochs: number;
  currentEpoch: number;
  metrics: Metric[];
  createdAt: string;
  dataset: { id: string; name: string };
}

/** Everything the run page shows. */
export interface RunDetail extends Omit<RunSummary, 'dataset'> {
  project: ProjectRole;
  backend: string;
  batchSize: number;
  learningRate: number;
  seed: number;
  config: string;
  history: EpochMetrics[];
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  dataset: DatasetSummary;
}

/** One event of the `trainingProgress` subscription: a batch event or an epoch event. */
export interface TrainingProgress {
  runId: string;
  status: RunStatus;
  epoch: number;
  epochs: number;
  batch: number | null;
  batches: number | null;
  loss: number;
  metrics: Metric[];
  samplesPerSecond: number | null;
  etaSeconds: number | null;
  done: boolean;
}

/** A selectable model architecture. */
export interface Architecture {
  name: string;
  description: string;
  defaultConfig: string;
}

/** A bundled motif the demo generator can plant. */
export interface Motif {
  id: string;
  name: string;
  width: number;
  consensus: string;
}

/** What a background job does. */
export type JobKind =
  | 'IMPORT_DATASET'
  | 'SCORE_VARIANTS'
  | 'EXPLAIN_SEQUENCE'
  | 'CROSS_VALIDATION'
  | 'SWEEP'
  | 'PREDICT_RISK'
  | 'DISCOVER_MOTIFS';

/** Where a background job is in its life. */
export type JobStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

/** How far a job has come: `done` of `total` (null while unknown) `unit`s. */
export interface JobProgress {
  done: number;
  total: number | null;
  unit: string;
  message: string | null;
  /** done / total in 0..1; null while the total is unknown. */
  fraction: number | null;
}

/** Job fields shown in the jobs table (and kept fresh by `jobStatusChanged`). */
export interface JobSummary {
  id: string;
  kind: JobKind;
  status: JobStatus;
  progress: JobProgress;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** What a reader tolerated while importing a dataset, for one rule. */
export interface DatasetWarning {
  rule: string;
  count: number;
  /** The first few, with their place and what Strand did. */
  examples: { file: string; line: number; message: string }[];
}

/** A dataset a job read or made, as the job page links it. */
export interface JobDataset {
  id: string;
  name: string;
  kind: string;
  status: string;
  recordCount: number;
  checksum: string | null;
  warningCount: number;
  warnings: DatasetWarning[];
}

/** A run a job used or started (a sweep's trials). */
export interface JobRun {
  id: string;
  status: RunStatus;
  architecture: string;
  currentEpoch: number;
  epochs: number;
  learningRate: number;
  batchSize: number;
  metrics: Metric[];
  tags: string[];
  /** Its place in the job: a sweep's "trial 3", "trial 3 (pruned)" once the sweep stopped it. */
  groupLabel: string | null;
}

/** Everything the job page shows but the result (fetched on its own: it can be large). */
export interface JobDetail extends JobSummary {
  project: ProjectRole;
  /** The validated input, as JSON text. */
  params: string;
  /** Lineage details (reference fingerprint, checksums, split), as JSON text. */
  lineage: string;
  dataset: JobDataset | null;
  outputDataset: JobDataset | null;
  run: { id: string; architecture: string; status: RunStatus } | null;
  modelVersion: { id: string; name: string; version: number; aliases: string[] } | null;
  runs: JobRun[];
}

/** One live event of the `jobProgress` subscription; the last has `done: true`. */
export interface JobProgressEvent {
  jobId: string;
  status: JobStatus;
  progress: JobProgress;
  done: boolean;
}

/** One scored allele × task of a variant-scoring job. */
export interface VariantScore {
  row: number;
  chrom: string;
  pos: number;
  variantId: string | null;
  ref: string;
  alt: string;
  task: string;
  refPred: number;
  altPred: number;
  diff: number;
  absDiff: number;
  logOddsChange: number;
}

/** Sort keys of `variantScores`. */
export type VariantScoreSortField = 'ABS_DIFF' | 'DIFF' | 'POSITION';
export type SortDirection = 'ASC' | 'DESC';

/** Attribution methods of an explanation. */
export type ExplainMethod = 'ISM' | 'SALIENCY' | 'GRADXINPUT' | 'IG' | 'DEEPLIFT' | 'DEEPSHAP';

/** One explained sequence: the [A, C, G, T] attribution per position and its summary. */
export interface SequenceAttribution {
  id: string;
  prediction: number;
  /** The value the scores explain: the prediction, or its logit (DEEPLIFT, DEEPSHAP). */
  explained: number;
  /** The explained value at the baseline (IG, DEEPLIFT, DEEPSHAP), else null. */
  reference: number | null;
  scores: number[][];
  positionScores: number[];
  topPositions: { position: number; score: number }[];
}

/** The result of an explanation job. */
export interface Explanation {
  jobId: string;
  method: ExplainMethod;
  task: number;
  taskName: string;
  backend: string;
  inputLength: number;
  /** How positionScores summarise a position's four scores: 'max |effect|', 'max' or 'sum'. */
  summary: string;
  /** 'output' or 'logit': what the scores explain. */
  target: string;
  sequences: SequenceAttribution[];
}
