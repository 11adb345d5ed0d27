export { initBackend, currentBackend } from './backend/init-backend.ts';
export type { BackendName } from './backend/init-backend.ts';

// Architectures
export { DEEPBIND_DEFAULTS, DEEPBIND_LAYER_NAMES } from './architectures/deepbind.ts';
export type { DeepBindConfig } from './architectures/deepbind.ts';
export {
  ARCHITECTURE_NAMES,
  isArchitectureName,
  validateArchitectureConfig,
} from './architectures/registry.ts';
export type { ArchitectureName, ArchitectureValidation } from './architectures/registry.ts';
export { buildModel } from './architectures/build-model.ts';
export type { ModelSpec } from './architectures/build-model.ts';
export { ArchitectureConfigError } from './architectures/architecture-config.error.ts';
export type { FieldError } from './architectures/architecture-config.error.ts';

// Metrics
export { auroc } from './metrics/auroc.ts';
export { auprc } from './metrics/auprc.ts';
export { accuracy } from './metrics/accuracy.ts';
export { binaryCrossEntropy, BCE_EPSILON } from './metrics/binary-cross-entropy.ts';
export { MetricInputError } from './metrics/metric-input.error.ts';

// Training
export { trainModel } from './training/train.ts';
export type { BatchReport, EpochReport, TrainOptions, TrainResult } from './training/train.ts';
export type { TrainingData } from './training/training-data.ts';
export { TrainingInputError } from './training/training-input.error.ts';
export { predictProbabilities, PREDICT_BATCH_SIZE } from './training/predict.ts';

// Saving and loading
export { saveModel, loadModel, MODEL_FILES } from './io/model-io.ts';
export type { ModelMetadata } from './io/model-metadata.ts';
export { ModelFileError } from './io/model-file.error.ts';
