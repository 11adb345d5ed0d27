// Every GraphQL operation the dashboard sends, as typed documents: written in operations.graphql,
// generated into generated.ts by `npm run codegen` against the API's committed schema, and named
// here as the pages import them. Result and variable types come with each document.
import type { JobsQuery } from './generated.ts';

export {
  CallVariantsDocument as CALL_VARIANTS_MUTATION,
  CancelJobDocument as CANCEL_JOB_MUTATION,
  CreateTokenDocument as CREATE_TOKEN_MUTATION,
  DiscoverMotifsDocument as DISCOVER_MOTIFS_MUTATION,
  ExplainSequenceDocument as EXPLAIN_SEQUENCE_MUTATION,
  ImportDatasetDocument as IMPORT_DATASET_MUTATION,
  JobStateDocument as JOB_STATE_QUERY,
  MotifDiscoveryDocument as MOTIF_DISCOVERY_QUERY,
  MyTokensDocument as MY_TOKENS_QUERY,
  PredictRiskDocument as PREDICT_RISK_MUTATION,
  RevokeTokenDocument as REVOKE_TOKEN_MUTATION,
  ScoreVariantsDocument as SCORE_VARIANTS_MUTATION,
  StartCrossValidationDocument as START_CROSS_VALIDATION_MUTATION,
  StartSweepDocument as START_SWEEP_MUTATION,
  CancelRunDocument as CANCEL_RUN_MUTATION,
  RunProbeAttributionsDocument as RUN_PROBE_ATTRIBUTIONS_QUERY,
  CompareRunsDocument as COMPARE_RUNS_QUERY,
  DatasetDocument as DATASET_QUERY,
  DemoJobDocument as DEMO_JOB_QUERY,
  RegisterModelDocument as REGISTER_MODEL_MUTATION,
  RunEvaluationDocument as RUN_EVALUATION_QUERY,
  RegisteredModelsDocument as REGISTERED_MODELS_QUERY,
  SetModelAliasDocument as SET_MODEL_ALIAS_MUTATION,
  CreateDemoDatasetDocument as CREATE_DEMO_DATASET_MUTATION,
  DatasetsDocument as DATASETS_QUERY,
  ExplanationDocument as EXPLANATION_QUERY,
  JobDocument as JOB_QUERY,
  JobProgressDocument as JOB_PROGRESS_SUBSCRIPTION,
  JobResultDocument as JOB_RESULT_QUERY,
  JobStatusChangedDocument as JOB_STATUS_CHANGED_SUBSCRIPTION,
  JobsDocument as JOBS_QUERY,
  NewRunChoicesDocument as NEW_RUN_CHOICES_QUERY,
  PileupCandidatesDocument as PILEUP_CANDIDATES_QUERY,
  PileupImageDocument as PILEUP_IMAGE_QUERY,
  ProjectsDocument as PROJECTS_QUERY,
  RunDocument as RUN_QUERY,
  RunStatusChangedDocument as RUN_STATUS_CHANGED_SUBSCRIPTION,
  RunsDocument as RUNS_QUERY,
  StartTrainingDocument as START_TRAINING_MUTATION,
  SweepTrialChangedDocument as SWEEP_TRIAL_CHANGED_SUBSCRIPTION,
  TrainingProgressDocument as TRAINING_PROGRESS_SUBSCRIPTION,
  VariantAttributionsDocument as VARIANT_ATTRIBUTIONS_QUERY,
  VariantScoresDocument as VARIANT_SCORES_QUERY,
} from './generated.ts';

export type {
  CreateDemoDatasetInput,
  DemoJobQuery,
  PileupCandidateFieldsFragment as PileupCandidateItem,
  PileupImageQuery,
  StartTrainingInput,
  VariantAttributionsQuery,
  VariantScoresQueryVariables as VariantScoresVariables,
} from './generated.ts';

/** A job as the jobs table lists it: its summary and the datasets it read or made. */
export type JobListItem = JobsQuery['jobs']['edges'][number]['node'];
