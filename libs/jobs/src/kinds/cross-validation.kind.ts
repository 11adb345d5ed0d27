/**
 * CROSS_VALIDATION: stratified, seeded k-fold cross-validation of an architecture on one of the
 * project's datasets, as a job. prepare checks the dataset, the settings and that the
 * architecture and config fit the data (checkArchitectureForData), and stores the complete
 * config; run cross-validates in a worker thread (cross-validation.task.ts). The folds are not
 * runs: only the job's result (per-fold metrics and test-row checksums, mean and sd) is kept.
 * A job run again after a crash or a shutdown starts over: a fold is minutes at most and leaves
 * nothing behind, and the same seed gives the same folds and metrics on the same backend.
 */
import { Dataset } from '@strand/data';
import type { JsonObject } from '@strand/data';
import { checkIntRange } from '../errors/user-error.ts';
import type { UserError } from '../errors/user-error.ts';
import { checkArchitectureForData } from '../learning/architecture-for-data.ts';
import type { JobKind } from '../platform/job-kind.ts';
import { JobError } from '../platform/job-kind.ts';
import { runInWorker } from '../platform/run-in-worker.ts';
import { storedDatasetOf } from '../training/dataset-shape.ts';
import {
  checkTrainingSettings,
  trainingSettingsOf,
  configObject,
  trainableDataset,
} from './cross-validation.checks.ts';
import type { CrossValidationTaskInput } from './cross-validation.task.ts';
import type { CrossValidationResult } from '../learning/cross-validate.ts';

/** Defaults of CROSS_VALIDATION (those of `strand cv`). */
export const CROSS_VALIDATION_DEFAULTS = Object.freeze({
  folds: 5,
  epochs: 30,
  batchSize: 32,
  learningRate: 0.003,
  seed: 42,
});

/** Bounds of CROSS_VALIDATION's folds. */
export const CROSS_VALIDATION_LIMITS = Object.freeze({ folds: { min: 2, max: 20 } });

/** What a caller gives. */
export interface CrossValidationInput {
  datasetId: string;
  architecture: string;
  /** Architecture config; what the data decides is filled in, the rest takes defaults. */
  config?: Record<string, unknown> | null;
  folds?: number | null;
  epochs?: number | null;
  batchSize?: number | null;
  learningRate?: number | null;
  seed?: number | null;
}

/** The stored parameters: the complete config and every setting. */
export type CrossValidationParams = {
  datasetId: string;
  architecture: string;
  config: JsonObject;
  folds: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
} & JsonObject;

export const CROSS_VALIDATION_KIND: JobKind<CrossValidationParams> = {
  name: 'CROSS_VALIDATION',
  role: 'editor',
  async prepare(em, _db, projectId, raw) {
    const input = raw as unknown as CrossValidationInput;
    const d = CROSS_VALIDATION_DEFAULTS;
    const settings = trainingSettingsOf(input, d);
    const folds = input.folds ?? d.folds;
    const errors: UserError[] = checkTrainingSettings(settings);
    const { min, max } = CROSS_VALIDATION_LIMITS.folds;
    const badFolds = checkIntRange('folds', folds, min, max);
    if (badFolds) errors.push(badFolds);
    const config = configObject(input.config);
    if (!config.ok) errors.push(...config.errors);

    const found = await trainableDataset(em, projectId, String(input.datasetId));
    if (!found.ok) return { ok: false, errors: [...found.errors, ...errors] };
    const { dataset, shape } = found.value;
    if (!badFolds && folds > dataset.recordCount) {
      const message = `folds must be at most the number of records of dataset "${dataset.name}" (${dataset.recordCount}); got ${folds}`;
      errors.push({ field: 'folds', code: 'OUT_OF_RANGE', message });
    }
    const fits = checkArchitectureForData(
      String(input.architecture),
      shape,
      config.ok ? config.value : {},
      `dataset "${dataset.name}"`,
    );
    if (!fits.ok) errors.push(...fits.errors);
    if (errors.length > 0 || !fits.ok) return { ok: false, errors };

    const params: CrossValidationParams = {
      datasetId: dataset.id,
      architecture: fits.architecture,
      config: { ...fits.config },
      folds,
      ...settings,
    };
    return {
      ok: true,
      value: {
        params,
        lineage: {
          datasetId: dataset.id,
          details: {
            datasetChecksum: dataset.checksum,
            architecture: fits.architecture,
            split: { method: 'stratified-k-fold', folds, seed: settings.seed },
          },
        },
      },
    };
  },

  async run({ params, db, em, progress, signal }) {
    const dataset = await em.findOne(Dataset, { id: params.datasetId });
    if (!dataset?.artifactPath || !dataset.checksum) {
      throw new JobError(`the dataset ${params.datasetId} no longer exists`);
    }
    const input: CrossValidationTaskInput = {
      dataset: {
        ...storedDatasetOf(dataset, db.artifacts.resolve(dataset.artifactPath)),
        checksum: dataset.checksum,
      },
      architecture: params.architecture,
      config: params.config,
      folds: params.folds,
      epochs: params.epochs,
      batchSize: params.batchSize,
      learningRate: params.learningRate,
      seed: params.seed,
    };
    const cv = await runInWorker<CrossValidationTaskInput, CrossValidationResult>(
      new URL('./cross-validation.task.ts', import.meta.url),
      'crossValidationTask',
      input,
      { progress, signal },
    );
    // NaN (a metric undefined on a fold, e.g. AUROC of one class) is stored as null.
    return {
      result: {
        backend: cv.backend,
        architecture: cv.architecture,
        config: { ...cv.config },
        task: cv.task,
        seed: cv.seed,
        epochs: params.epochs,
        batchSize: params.batchSize,
        learningRate: params.learningRate,
        datasetChecksum: dataset.checksum,
        split: { ...cv.split },
        folds: cv.folds.map((f) => ({
          ...f,
          testLabelCounts: { ...f.testLabelCounts },
          metrics: { ...f.metrics },
        })),
        mean: cv.mean,
        sd: cv.sd,
        undefinedFolds: cv.undefinedFolds,
      },
    };
  },
};
