// Hand-written shapes of the GraphQL contract's object types, as the dashboard selects them.
// Kept in step with the contract in the API (schema.graphql); `__typename` is added by Apollo.

/** Lifecycle of a training run. */
export type RunStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED' | 'STALLED';

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
