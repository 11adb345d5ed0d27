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
import { checkIntRange, userError } from '../errors/user-error.ts';
import { LearningError } from '../learning/learning.error.ts';
import type { UserError } from '../errors/user-error.ts';
import { checkArchitectureForData } from '../learning/architecture-for-data.ts';
import { encodedShape } from '../learning/input-encoding.ts';
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
import { findBaselineMotif } from '../learning/pwm-baseline.ts';
import { INNER_FOLD_LIMITS } from '../learning/nested-cv.ts';
import { BUNDLED_MOTIFS, parseJaspar } from '@strand/genomics';
import type { Pfm } from '@strand/genomics';

/** The motif a caller's baselineMotif names (in baselineJaspar or the bundled ones), or an error. */
function baselineMotifOf(input: CrossValidationInput): Pfm | null | UserError {
  const id = input.baselineMotif;
  if (id === undefined || id === null) {
    if (input.baselineJaspar)
      return userError('baselineJaspar', 'INVALID_VALUE', 'baselineJaspar needs baselineMotif');
    return null;
  }
  try {
    const motifs = input.baselineJaspar
      ? parseJaspar(input.baselineJaspar, 'baselineJaspar')
      : BUNDLED_MOTIFS;
    return findBaselineMotif(
      motifs,
      id,
      input.baselineJaspar ? 'baselineJaspar' : "Strand's bundled motifs",
    );
  } catch (error) {
    const field =
      input.baselineJaspar && !(error instanceof LearningError)
        ? 'baselineJaspar'
        : 'baselineMotif';
    return userError(field, 'INVALID_VALUE', (error as Error).message);
  }
}
import type { FeatureSelectionOption } from '../learning/feature-scaling.ts';
import { readTrainingOptions, storedTrainingOptions } from './training-options.checks.ts';
import type { TrainingOptionsInput } from './training-options.checks.ts';
import type { TrainingChoices } from '../learning/training-choices.ts';

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

/** What a caller gives (besides the shared training options: training-options.checks.ts). */
export interface CrossValidationInput extends TrainingOptionsInput {
  datasetId: string;
  architecture: string;
  /** Architecture config; what the data decides is filled in, the rest takes defaults. */
  config?: Record<string, unknown> | null;
  folds?: number | null;
  epochs?: number | null;
  batchSize?: number | null;
  learningRate?: number | null;
  seed?: number | null;
  /** A motif to scan as a second baseline: JASPAR ID or factor name. */
  baselineMotif?: string | null;
  /** JASPAR text to find baselineMotif in (default: the bundled matrices). */
  baselineJaspar?: string | null;
  /** Nested CV: inner folds choosing a configuration per outer fold (learning/nested-cv.ts). */
  innerFolds?: number | null;
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
  /** `auto`, `none` or { method, k } (FeatureSelectionOption). */
  featureSelection: string | { method: string; k: number };
  /** The motif of the scan baseline (a JASPAR matrix), or null. */
  baselineMotif: { id: string; name: string; counts: number[][] } | null;
  /** The training choices that differ from the defaults (training-choices.ts); {} for none. */
  training?: JsonObject;
  /** Nested CV's inner folds; missing or null: plain CV. */
  innerFolds?: number | null;
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
    const motif = baselineMotifOf(input);
    if (motif && 'field' in motif) errors.push(motif);
    const innerFolds = input.innerFolds ?? null;
    if (innerFolds !== null) {
      const bad = checkIntRange(
        'innerFolds',
        innerFolds,
        INNER_FOLD_LIMITS.min,
        INNER_FOLD_LIMITS.max,
      );
      if (bad) errors.push(bad);
    }

    const found = await trainableDataset(em, projectId, String(input.datasetId));
    if (!found.ok) {
      const options = readTrainingOptions(input);
      return { ok: false, errors: [...found.errors, ...errors, ...options.errors] };
    }
    const { dataset, shape } = found.value;
    const options = readTrainingOptions(input, { shape, name: dataset.name });
    errors.push(...options.errors);
    if (!badFolds && folds > dataset.recordCount) {
      const message = `folds must be at most the number of records of dataset "${dataset.name}" (${dataset.recordCount}); got ${folds}`;
      errors.push({ field: 'folds', code: 'OUT_OF_RANGE', message });
    }
    if (motif && 'counts' in motif) {
      const twoClasses =
        shape.kind === 'sequence' &&
        !shape.tasks &&
        !shape.profile &&
        !shape.extraFeatures &&
        shape.labelNames.length === 2;
      if (!twoClasses) {
        const message = `a motif-scan baseline needs two classes of DNA sequences; dataset "${dataset.name}" has ${shape.kind === 'sequence' ? `${shape.labelNames.length} classes` : 'features'}`;
        errors.push(userError('baselineMotif', 'INVALID_VALUE', message));
      } else if (motif.counts.length > shape.length) {
        const message = `motif ${motif.id} (${motif.name}) is ${motif.counts.length} bp wide; the sequences of dataset "${dataset.name}" are ${shape.length} bp`;
        errors.push(userError('baselineMotif', 'INVALID_VALUE', message));
      }
    }
    const fits = checkArchitectureForData(
      String(input.architecture),
      encodedShape(shape, options.value),
      config.ok ? config.value : {},
      `dataset "${dataset.name}"`,
    );
    if (!fits.ok) errors.push(...fits.errors);
    if (innerFolds !== null) {
      const overridden =
        options.value.weightDecay > 0
          ? 'weightDecay'
          : shape.kind === 'features' && options.value.featureSelection !== 'auto'
            ? 'selectFeatures'
            : null;
      if (overridden) {
        const message = `innerFolds chooses ${overridden} (nested CV's configurations): leave ${overridden} out`;
        errors.push(userError('innerFolds', 'INVALID_VALUE', message));
      }
      if (shape.profile) {
        const message = 'innerFolds applies to labels (classes, tasks or values), not profiles';
        errors.push(userError('innerFolds', 'INVALID_VALUE', message));
      }
      const perFold = Math.floor((dataset.recordCount * (folds - 1)) / folds);
      if (innerFolds > perFold) {
        const message = `innerFolds must be at most an outer fold's training records (${perFold}); got ${innerFolds}`;
        errors.push(userError('innerFolds', 'OUT_OF_RANGE', message));
      }
    }
    if (errors.length > 0 || !fits.ok) return { ok: false, errors };

    const params: CrossValidationParams = {
      datasetId: dataset.id,
      architecture: fits.architecture,
      config: { ...fits.config },
      folds,
      ...settings,
      featureSelection: options.value.featureSelection as CrossValidationParams['featureSelection'],
      training: storedTrainingOptions({ ...options.value, featureSelection: 'auto' }),
      ...(innerFolds !== null ? { innerFolds } : {}),
      baselineMotif:
        motif && 'counts' in motif
          ? { id: motif.id, name: motif.name, counts: motif.counts.map((row) => [...row]) }
          : null,
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
        ...storedDatasetOf(dataset, await db.artifacts.pull(dataset.artifactPath)),
        checksum: dataset.checksum,
      },
      architecture: params.architecture,
      config: params.config,
      folds: params.folds,
      epochs: params.epochs,
      batchSize: params.batchSize,
      learningRate: params.learningRate,
      seed: params.seed,
      // Jobs queued before the option existed ran with the engine's default.
      featureSelection: (params.featureSelection ?? 'auto') as FeatureSelectionOption,
      // Jobs queued before the choices existed trained with every default.
      training: (params.training ?? {}) as Partial<TrainingChoices>,
      ...(params.baselineMotif ? { baselineMotif: params.baselineMotif } : {}),
      ...(params.innerFolds ? { innerFolds: params.innerFolds } : {}),
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
        featureSelection: params.featureSelection ?? 'auto',
        training: params.training ?? {},
        confusionMatrix: cv.confusionMatrix
          ? { labels: [...cv.confusionMatrix.labels], counts: cv.confusionMatrix.counts }
          : null,
        // The LR baseline on the same folds (the CV result page shows it beside the model).
        baseline: cv.baseline
          ? {
              ...cv.baseline,
              folds: cv.baseline.folds.map((f) => ({ fold: f.fold, metrics: { ...f.metrics } })),
            }
          : null,
        // Nested CV: the configuration chosen in each outer fold and the inner scores.
        nested: cv.nested ? (JSON.parse(JSON.stringify(cv.nested)) as JsonObject) : null,
      },
    };
  },
};
