export { DEFAULT_STALL_SECONDS, Jobs } from './strand-jobs.ts';
export type { JobsOptions } from './strand-jobs.ts';
export type { JobLog } from './training/job-log.ts';
export { createEventBus } from './events/event-bus.ts';
export { connectCluster, redisConnection } from './cluster/engine.ts';
export type { Cluster, QueueEngine } from './cluster/engine.ts';
export { BullMqQueue } from './cluster/bullmq-queue.ts';
export type {
  EventBus,
  JobProgressEvent,
  JobStatusEvent,
  RunStatusEvent,
  StrandEvents,
  TrainingDetail,
} from './events/event-bus.ts';
export type { Outcome, UserError } from './errors/user-error.ts';
export { DEMO_LIMITS } from './datasets/create-demo-dataset.ts';
export type { CreateDemoDatasetInput } from './datasets/create-demo-dataset.ts';
export { TRAINING_DEFAULTS, TRAINING_LIMITS } from './training/start-training.ts';
export type { StartTrainingInput } from './training/start-training.ts';
export { HEARTBEAT_WRITE_MS, VALIDATION_FRACTION } from './training/training-executor.ts';
export { finalTraining } from './training/training-detail.ts';
export { MAX_SHIFTS, scoreVcf } from './scoring/score-vcf.ts';
export type { ScoreVcfOptions, ScoreVcfProgress, ScoreVcfResult } from './scoring/score-vcf.ts';
export type { NotScored } from './scoring/scoring-progress.ts';
export { ScoringError } from './scoring/scoring.error.ts';
export { MAX_MISSING_CHROMOSOME_SHARE, MAX_REF_MISMATCH_SHARE } from './scoring/preflight-gate.ts';
export { QUANTILE_COLUMN, SCORE_COLUMNS } from './scoring/score-rows.ts';
export { BACKGROUND_SIZE, parseBackground, quantileOf } from './scoring/background.ts';
export type { BackgroundSource } from './scoring/background.ts';
export { ISM_FILE, MAX_ISM_TOP } from './scoring/variant-ism.ts';
export type { IsmFile, VariantAttribution } from './scoring/variant-ism.ts';
export { SCORE_FILES, SCORE_VARIANTS_LIMITS } from './kinds/score-variants.kind.ts';
export type { ScoreVariantsInput } from './kinds/score-variants.kind.ts';
export { UPLOAD_KINDS, UPLOAD_SCRATCH_DIR } from './kinds/import-upload.kind.ts';
export { CALL_FILES, CALL_VARIANTS_LIMITS } from './kinds/call-variants.kind.ts';
export type { CallVariantsInput } from './kinds/call-variants.kind.ts';
export { DISCOVER_MOTIFS_LIMITS } from './kinds/discover-motifs.kind.ts';
export type { DiscoverMotifsInput } from './kinds/discover-motifs.kind.ts';
export type { DiscoveredMotifRow, DiscoverMotifsTaskResult } from './kinds/discover-motifs.task.ts';
export { MARGINALIZE_LIMITS } from './kinds/marginalize.kind.ts';
export type { MarginalizeInput } from './kinds/marginalize.kind.ts';
export type { MarginalizeTaskResult } from './kinds/marginalize.task.ts';
export { DESIGN_LIMITS, DESIGN_METHODS } from './kinds/design.kind.ts';
export type { DesignInput } from './kinds/design.kind.ts';
export type { DesignTaskResult } from './kinds/design.task.ts';
export { EXPLAIN_LIMITS } from './kinds/explain-sequence.kind.ts';
export {
  checkExplainRegions,
  parseExplainRegion,
  readExplainRegions,
  regionText,
} from './kinds/explain-regions.ts';
export type { ExplainRegion } from './kinds/explain-regions.ts';
export type { ExplainSequenceInput } from './kinds/explain-sequence.kind.ts';
export { EXPLAIN_METHODS, TOP_POSITIONS } from './kinds/explain-sequence.task.ts';
export type {
  ExplainMethod,
  ExplainTaskResult,
  SequenceExplanation,
} from './kinds/explain-sequence.task.ts';
export {
  CROSS_VALIDATION_DEFAULTS,
  CROSS_VALIDATION_LIMITS,
} from './kinds/cross-validation.kind.ts';
export type { CrossValidationInput } from './kinds/cross-validation.kind.ts';
export { SWEEP_DEFAULTS, SWEEP_LIMITS } from './kinds/sweep.kind.ts';
export type { SweepInput } from './kinds/sweep.kind.ts';
export { PRUNED_TAG } from './kinds/sweep.trial.ts';
export { PREDICT_RISK_DEFAULTS, PREDICT_RISK_LIMITS } from './kinds/predict-risk.kind.ts';
export type { PredictRiskInput } from './kinds/predict-risk.kind.ts';
export { RISK_PIPELINE_DEFAULTS, runRiskPipeline } from './risk/risk-pipeline.ts';
export type {
  RiskFoldResult,
  RiskModelConfig,
  RiskPipelineOptions,
  RiskPipelineResult,
  RiskProgress,
  RiskSample,
} from './risk/risk-pipeline.ts';
export type { RiskCohortInput } from './risk/risk-cohort.ts';
export type { FeatureModality, RankedFeature, SampleFeature } from './risk/risk-attribution.ts';
export type { RiskMetric } from './risk/risk-metrics.ts';
export { RiskPipelineError } from './risk/risk-pipeline.error.ts';
export { IMPORT_KINDS, importDataset } from './datasets/import-dataset.ts';
export { loadSplit, splitIdOf, storeSplit } from './datasets/dataset-splits.ts';
export type { SplitSpec, StoredSplit } from './datasets/dataset-splits.ts';
export { DatasetSplitError } from './datasets/dataset-split.error.ts';
export type { DatasetSplitErrorCode } from './datasets/dataset-split.error.ts';
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
export { DEFAULT_PROJECT_QUEUE_LIMIT } from './platform/project-quota.ts';
export { runInWorker, WorkerAbortedError } from './platform/run-in-worker.ts';
export type { WorkerFunction, WorkerTools } from './platform/run-in-worker.ts';
// Learning engine: load labelled data, fit, evaluate, cross-validate, sweep.
export { checkSameShape, loadLabelledData } from './learning/labelled-data.ts';
export type { DataFiles, DataShape, LabelledData } from './learning/labelled-data.ts';
export { loadStoredDataset, TRAINABLE_DATASET_KINDS } from './learning/stored-data.ts';
export type { StoredColumns, StoredDataset } from './learning/stored-data.ts';
export { datasetShape, storedDatasetOf } from './training/dataset-shape.ts';
export { subset } from './learning/data-rows.ts';
export {
  architectureForData,
  checkArchitectureForData,
  datasetKindOf,
  describeData,
  fittingArchitectures,
} from './learning/architecture-for-data.ts';
export type { ArchitectureForData, ArchitectureProblem } from './learning/architecture-for-data.ts';
export { holdoutSplit, rowsChecksum } from './learning/holdout-split.ts';
export type { SplitDescription } from './learning/holdout-split.ts';
export {
  applyExtraScaling,
  applyFeatureScaling,
  EXTRA_SCALING_FILE,
  FEATURE_SCALING_FILE,
} from './learning/feature-scaling.ts';
export {
  AUTO_SELECTED_FEATURES,
  FEATURE_SELECTION_METHODS,
  resolveFeatureSelection,
} from './learning/feature-scaling.ts';
export type {
  FeatureScaling,
  FeatureSelection,
  FeatureSelectionOption,
} from './learning/feature-scaling.ts';
export {
  fit,
  MIN_FEATURE_RECORDS_FOR_VALIDATION,
  MIN_RECORDS_FOR_VALIDATION,
} from './learning/fit.ts';
export type {
  FitEvaluation,
  FitOptions,
  FitResult,
  FitStart,
  ResumePoint,
} from './learning/fit.ts';
export { MAX_PROBES, readProbes, storedProbeAttributions } from './learning/probes.ts';
export type { StoredProbeAttribution } from './learning/probes.ts';
export { evaluate, evaluateRows, evaluation } from './learning/evaluate.ts';
export type { ConfusionMatrix, Evaluation } from './learning/evaluate.ts';
export { fitAndEvaluate, fitAndTest } from './learning/fit-and-evaluate.ts';
export type { EvaluatedFit, HeldOutFit } from './learning/fit-and-evaluate.ts';
export { openTrainingFile } from './learning/training-file.ts';
export { closeSource, openStoreSource, sourceStream } from './learning/store-source.ts';
export type { OpenedData } from './learning/training-file.ts';
export { openDataset } from './training/open-dataset.ts';
export {
  EMBEDDING_FILE,
  EVALUATION_FILE,
  saveTrainedModel,
} from './learning/save-trained-model.ts';
export type { Embedding } from './learning/embedding.ts';
export { EMBEDDING_POINTS } from './learning/embedding.ts';
export { crossValidate, foldSplits } from './learning/cross-validate.ts';
export { findBaselineMotif, motifScores } from './learning/pwm-baseline.ts';
export type { PwmBaselineDescription } from './learning/pwm-baseline.ts';
export type {
  BaselineResult,
  CrossValidateOptions,
  CrossValidationResult,
  FoldResult,
  NestedResult,
} from './learning/cross-validate.ts';
export {
  INNER_FOLD_LIMITS,
  NESTED_FEATURE_GRID,
  NESTED_SEQUENCE_GRID,
  nestedCandidates,
} from './learning/nested-cv.ts';
export type { InnerScore, NestedCandidate } from './learning/nested-cv.ts';
export { describeParams, runSweep } from './learning/run-sweep.ts';
export type { SweepOptions, SweepResult, SweepTrial } from './learning/run-sweep.ts';
export type { ParamRange, SweepMethod, SweepSpace, TrialParams } from './learning/sweep-space.ts';
export type { Direction, MedianStoppingRule } from './learning/median-stopping.ts';
export { LearningError } from './learning/learning.error.ts';
export type { LearningErrorCode } from './learning/learning.error.ts';
export {
  MODEL_REF_MAX_LENGTH,
  modelRefChoices,
  resolveJobModel,
  resolveModelRef,
} from './scoring/job-model.ts';
export type { JobModel, ModelChoice, ModelPurpose } from './scoring/job-model.ts';

// Variant calling from aligned reads (pileup CNN).
export { callVariants, DEFAULT_CALLER_MODEL, DEFAULT_MIN_QUAL } from './calling/call-variants.ts';
export { PILEUP_TABLE_FILE, PileupTable, pileupColumns } from './calling/pileup-table.ts';
export type { PileupCandidate } from './calling/pileup-table.ts';
export { storePileups } from './calling/pileups-dataset.ts';
export type {
  CallProgress,
  CallVariantsOptions,
  CallVariantsResult,
} from './calling/call-variants.ts';
export { trainCaller } from './calling/train-caller.ts';
export type { LabelledReads, TrainCallerOptions } from './calling/train-caller.ts';
export {
  assertTrainingChoicesFit,
  changedChoices,
  checkTrainingChoicesForData,
  classWeightVector,
  LR_SCHEDULES,
  parseClassWeights,
  readTrainingChoices,
  TRAINING_CHOICE_DEFAULTS,
  TRAINING_CHOICE_FLAGS,
} from './learning/training-choices.ts';
export type {
  ClassWeightsOption,
  LrSchedule,
  TrainingChoices,
  TrainingChoicesInput,
} from './learning/training-choices.ts';
export {
  FREEZE_HELP,
  initConfig,
  initFromProblems,
  readFreeze,
  splitInitFrom,
} from './learning/init-from.ts';
export type { FreezeOption, InitSource, StoredInitFrom } from './learning/init-from.ts';
export {
  encodedShape,
  encodeInputs,
  encodes,
  IMPUTATIONS,
  INPUT_ENCODING_DEFAULTS,
  kmerNames,
  MAX_KMER,
  NORMALIZATIONS,
} from './learning/input-encoding.ts';
export type { Imputation, InputEncoding, Normalization } from './learning/input-encoding.ts';
export { loadSource } from './learning/store-source.ts';
