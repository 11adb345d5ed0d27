export { initBackend, currentBackend } from './backend/init-backend.ts';
export type { BackendName } from './backend/init-backend.ts';

// Architectures
export { DEEPBIND_DEFAULTS, DEEPBIND_LAYER_NAMES } from './architectures/deepbind.ts';
export type { DeepBindConfig } from './architectures/deepbind.ts';
export {
  ARCHITECTURE_NAMES,
  ARCHITECTURES,
  architectureTask,
  isArchitectureName,
  validateArchitectureConfig,
} from './architectures/registry.ts';
export type {
  ArchitectureConfig,
  ArchitectureConfigs,
  ArchitectureName,
  ArchitectureValidation,
} from './architectures/registry.ts';
export type {
  ArchitectureDefinition,
  ArchitectureTask,
  InputKind,
  InputShape,
} from './architectures/architecture-definition.ts';
export { DEEPSEA_DEFAULTS } from './architectures/deepsea.ts';
export type { DeepSeaConfig } from './architectures/deepsea.ts';
export { DANQ_DEFAULTS } from './architectures/danq.ts';
export type { DanQConfig } from './architectures/danq.ts';
export { MLP_DEFAULTS } from './architectures/mlp.ts';
export type { MlpConfig } from './architectures/mlp.ts';
export { LSTM_DEFAULTS } from './architectures/lstm.ts';
export type { LstmConfig } from './architectures/lstm.ts';
export { BASSET_DEFAULTS } from './architectures/basset.ts';
export type { BassetConfig } from './architectures/basset.ts';
export { AUTOENCODER_DEFAULTS } from './architectures/autoencoder.ts';
export type { AutoencoderConfig } from './architectures/autoencoder.ts';
export { RISK_DEFAULTS } from './architectures/risk.ts';
export type { RiskConfig } from './architectures/risk.ts';
export { VAE_DEFAULTS, vaeEncoder } from './architectures/vae.ts';
export type { VaeConfig } from './architectures/vae.ts';
export { VaeSampling } from './architectures/vae-sampling.layer.ts';
export { BPNET_DEFAULTS, bpnetHeads } from './architectures/bpnet.ts';
export type { BpnetConfig } from './architectures/bpnet.ts';
export { DilatedConv1D } from './architectures/dilated-conv1d.layer.ts';
export { DEEPCPG_DEFAULTS } from './architectures/deepcpg.ts';
export type { DeepCpgConfig } from './architectures/deepcpg.ts';
export { PILEUP_DEFAULTS } from './architectures/pileup.ts';
export type { PileupConfig } from './architectures/pileup.ts';
export { buildModel } from './architectures/build-model.ts';
export type { ModelSpec } from './architectures/build-model.ts';
export { ArchitectureConfigError } from './architectures/architecture-config.error.ts';
export type { FieldError } from './architectures/architecture-config.error.ts';

// Transfer learning
export { transferModel } from './transfer/transfer-model.ts';
export type {
  FreezeRule,
  TransferOptions,
  TransferResult,
  TransferTarget,
} from './transfer/transfer-model.ts';
export { TransferError } from './transfer/transfer.error.ts';

// Metrics
export { auroc } from './metrics/auroc.ts';
export { auprc } from './metrics/auprc.ts';
export { accuracy } from './metrics/accuracy.ts';
export { binaryCrossEntropy, BCE_EPSILON } from './metrics/binary-cross-entropy.ts';
export { MetricInputError } from './metrics/metric-input.error.ts';
export { binaryCounts, confusionMatrix } from './metrics/confusion-matrix.ts';
export type { BinaryCounts } from './metrics/confusion-matrix.ts';
export { f1Score, macroF1 } from './metrics/f1.ts';
export { mcc } from './metrics/mcc.ts';
export {
  averageRanks,
  meanAbsoluteError,
  meanSquaredError,
  pearson,
  rSquared,
  spearman,
} from './metrics/regression.ts';
export { multinomialNll, profileShapeCorrelations } from './metrics/profile.ts';
export {
  evaluate,
  CALIBRATION_BINS,
  CURVE_POINTS,
  MAX_EVALUATED,
  SCATTER_POINTS,
} from './metrics/evaluation.ts';
export type {
  CalibrationBin,
  ClassEvaluation,
  ConfusionEvaluation,
  Curve,
  EvaluatedTask,
  Evaluation,
  RegressionEvaluation,
} from './metrics/evaluation.ts';

// Training
export { trainModel } from './training/train.ts';
export type {
  BatchReport,
  EarlyStoppingOptions,
  EpochReport,
  ReduceLrOptions,
  TrainOptions,
  TrainResult,
  TrainingState,
  ValidationPredictions,
} from './training/train.ts';
export type { OptimizerState } from './training/optimizer-state.ts';
export { StrandAdamOptimizer } from './training/fused-adam.ts';
export { headMetrics, profileMetrics, taskMetrics } from './training/task-metrics.ts';
export { layoutHeads, profileHeads, PROFILE_COUNTS_WEIGHT } from './training/output-heads.ts';
export type { HeadLayout, HeadLoss, OutputHead } from './training/output-heads.ts';
export { multinomialLoss } from './training/task-loss.ts';
export type { TrainingData } from './training/training-data.ts';
export type { TrainingBatch, TrainingStream } from './training/training-stream.ts';
export { TrainingInputError } from './training/training-input.error.ts';
export {
  predictOutputs,
  predictProbabilities,
  predictStream,
  PREDICT_BATCH_SIZE,
} from './training/predict.ts';

// Data-parallel training across worker threads
export { trainDataParallel } from './parallel/train-data-parallel.ts';
export { DataParallelTrainer, defaultWorkerCount } from './parallel/data-parallel-trainer.ts';
export type {
  DataParallelResult,
  DataParallelTrainOptions,
  WorkerPoolOptions,
} from './parallel/parallel-options.ts';
export { ParallelWorkerError } from './parallel/parallel-worker.error.ts';

// Saving and loading
export { saveModel, loadModel, MODEL_FILES } from './io/model-io.ts';
export type { ModelMetadata } from './io/model-metadata.ts';
export { ModelFileError } from './io/model-file.error.ts';

// Interpretation
export { inSilicoMutagenesis } from './interpret/in-silico-mutagenesis.ts';
export type { MutagenesisOptions, MutagenesisResult } from './interpret/in-silico-mutagenesis.ts';
export { saliency, gradientTimesInput } from './interpret/input-gradients.ts';
export type { Attribution } from './interpret/input-gradients.ts';
export { probeAttributions } from './interpret/probe-attributions.ts';
export type { ProbeAttribution } from './interpret/probe-attributions.ts';
export { integratedGradients } from './interpret/integrated-gradients.ts';
export type {
  IntegratedGradientsOptions,
  IntegratedGradientsResult,
} from './interpret/integrated-gradients.ts';
export { filterMotifs } from './interpret/filter-motifs.ts';
export type {
  FilterMotif,
  FilterMotifsOptions,
  FilterMotifsResult,
} from './interpret/filter-motifs.ts';
export { featureAttribution } from './interpret/feature-attribution.ts';
export type {
  FeatureAttributionMethod,
  FeatureAttributionOptions,
  FeatureAttributionResult,
} from './interpret/feature-attribution.ts';
export { deepLiftShap } from './interpret/deeplift/deep-lift-shap.ts';
export type {
  DeepLiftReference,
  DeepLiftShapOptions,
  DeepLiftShapResult,
} from './interpret/deeplift/deep-lift-shap.ts';
export { discoverMotifs } from './interpret/modisco/discover-motifs.ts';
export type {
  DiscoveredMotif,
  DiscoverMotifsOptions,
  MotifDiscoveryResult,
  MotifMatchSummary,
} from './interpret/modisco/discover-motifs.ts';
export {
  ablateMotif,
  marginalize,
  shuffledBackgrounds,
  spacingEffects,
} from './interpret/marginalize/marginalize.ts';
export type {
  AblationResult,
  EffectSummary,
  Insert,
  MarginalEffect,
  OutputChoice,
} from './interpret/marginalize/marginalize.ts';
export { marginalizeMotifs, motifToInsert } from './interpret/marginalize/marginalize-motifs.ts';
export type {
  MarginalizeMotifsOptions,
  MarginalizeReport,
  MotifToInsert,
  ReportedEffect,
} from './interpret/marginalize/marginalize-motifs.ts';
export { designSequence } from './interpret/design/design-sequence.ts';
export type {
  DesignMethod,
  DesignOptions,
  DesignResult,
  DesignStep,
} from './interpret/design/design-sequence.ts';
export { InterpretInputError } from './interpret/interpret-input.error.ts';

// Inference engines (ONNX Runtime when installed, else TF.js)
export { createPredictor } from './inference/predictor.ts';
export type { Predictor, PredictorOptions } from './inference/predictor.ts';
export { PredictorUnavailableError } from './inference/predictor-unavailable.error.ts';

// Variant-effect scoring
export {
  averageVariantScores,
  scoreVariantWindows,
} from './variant-effect/score-variant-windows.ts';
export type {
  ScoreVariantWindowsOptions,
  VariantEffectScores,
  WindowPair,
} from './variant-effect/score-variant-windows.ts';
export { clippedLogit, LOGIT_EPSILON } from './variant-effect/log-odds.ts';
export { VariantEffectInputError } from './variant-effect/variant-effect-input.error.ts';
