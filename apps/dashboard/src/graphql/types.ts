// The shapes of the GraphQL contract the dashboard works with, named by role. Each is a part of a
// generated operation or fragment type (generated.ts, `npm run codegen`), so the contract in
// apps/api/schema.graphql decides them: a nullable field is nullable here too.
import type {
  DatasetFieldsFragment,
  ExplanationQuery,
  JobDatasetFieldsFragment,
  JobProgressFieldsFragment,
  JobProgressSubscription,
  JobQuery,
  JobSummaryFieldsFragment,
  NewRunChoicesQuery,
  ProbeAttributionFieldsFragment,
  RunQuery,
  RunSummaryFieldsFragment,
  StartTrainingMutation,
  TrainingProgressSubscription,
  TrialRunFieldsFragment,
  VariantScoresQuery,
} from './generated.ts';

export type {
  ExplainMethod,
  JobKind,
  JobStatus,
  Role,
  RunStatus,
  SortDirection,
  VariantScoreSortField,
} from './generated.ts';

/** Run fields shown in the runs table. */
export type RunSummary = RunSummaryFieldsFragment;
/** Everything the run page shows. */
export type RunDetail = NonNullable<RunQuery['run']>;
/** One named metric value (loss, val_loss, val_auroc, val_auroc_c0, …). */
export type Metric = RunSummary['metrics'][number];
/** Metrics of one finished epoch as the server stored them. */
export type EpochMetrics = RunDetail['history'][number];
/** The project a run or job belongs to, with the caller's role in it. */
export type ProjectRole = RunDetail['project'];
/** An expected business failure returned by a mutation. */
export type UserError = StartTrainingMutation['startTraining']['userErrors'][number];
/** Dataset fields shown in lists and on the run page. */
export type DatasetSummary = DatasetFieldsFragment;
/** One event of the `trainingProgress` subscription: a batch event or an epoch event. */
export type TrainingProgress = TrainingProgressSubscription['trainingProgress'];
/** One probe's attribution at one epoch (live interpretation). */
export type ProbeAttribution = ProbeAttributionFieldsFragment;
/** A selectable model architecture. */
export type Architecture = NewRunChoicesQuery['architectures'][number];
/** A bundled motif the demo generator can plant. */
export type Motif = NewRunChoicesQuery['motifs'][number];
/** How far a job has come: `done` of `total` (null while unknown) `unit`s. */
export type JobProgress = JobProgressFieldsFragment;
/** Job fields shown in the jobs table (and kept fresh by `jobStatusChanged`). */
export type JobSummary = JobSummaryFieldsFragment;
/** A dataset a job read or made, as the job page links it. */
export type JobDataset = JobDatasetFieldsFragment;
/** What a reader tolerated while importing a dataset, for one rule. */
export type DatasetWarning = JobDataset['warnings'][number];
/** A run a job used or started (a sweep's trials). */
export type JobRun = TrialRunFieldsFragment;
/** Everything the job page shows but the result (fetched on its own: it can be large). */
export type JobDetail = NonNullable<JobQuery['job']>;
/** One live event of the `jobProgress` subscription; the last has `done: true`. */
export type JobProgressEvent = JobProgressSubscription['jobProgress'];
/** One scored allele × task of a variant-scoring job. */
export type VariantScore = VariantScoresQuery['variantScores']['edges'][number]['node'];
/** The result of an explanation job. */
export type Explanation = NonNullable<ExplanationQuery['explanation']>;
/** One explained sequence: the [A, C, G, T] attribution per position and its summary. */
export type SequenceAttribution = Explanation['sequences'][number];
