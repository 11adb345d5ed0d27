/**
 * The training options startTraining and startCrossValidation both take besides their settings:
 * the in-fold feature selection of expression data (selectFeatures, selectionMethod) and the
 * training choices (learning/training-choices.ts). Read with field-located userErrors, checked
 * against the dataset's shape, and stored as plain JSON (only what differs from the defaults).
 */
import type { JsonObject } from '@strand/data';
import type { UserError } from '../errors/user-error.ts';
import { userError } from '../errors/user-error.ts';
import { FEATURE_SELECTION_METHODS } from '../learning/feature-scaling.ts';
import type { FeatureSelectionOption } from '../learning/feature-scaling.ts';
import type { DataShape } from '../learning/labelled-data.ts';
import {
  changedChoices,
  checkTrainingChoicesForData,
  readTrainingChoices,
  TRAINING_CHOICE_DEFAULTS,
} from '../learning/training-choices.ts';
import type { TrainingChoices, TrainingChoicesInput } from '../learning/training-choices.ts';

/** What a caller gives (null or missing: the default). */
export interface TrainingOptionsInput extends TrainingChoicesInput {
  /** Expression: in-fold feature selection's k (null: auto, 0: none). */
  selectFeatures?: number | null;
  /** With selectFeatures: f-test (default) or variance. */
  selectionMethod?: string | null;
}

/** The options read: every choice, and the feature selection. */
export interface TrainingOptions extends TrainingChoices {
  featureSelection: FeatureSelectionOption;
}

/** The feature selection a caller's selectFeatures / selectionMethod ask for, or an error. */
function featureSelectionOf(
  input: TrainingOptionsInput,
): { ok: true; value: FeatureSelectionOption } | { ok: false; error: UserError } {
  const k = input.selectFeatures;
  const method = input.selectionMethod;
  const fail = (field: string, message: string) => ({
    ok: false as const,
    error: userError(field, 'INVALID_VALUE', message),
  });
  if (method !== undefined && method !== null) {
    if (!(FEATURE_SELECTION_METHODS as readonly string[]).includes(method))
      return fail(
        'selectionMethod',
        `selectionMethod must be ${FEATURE_SELECTION_METHODS.join(' or ')}; got "${method}"`,
      );
    if (k === undefined || k === null || k === 0)
      return fail('selectionMethod', 'selectionMethod needs selectFeatures K ≥ 1');
  }
  if (k === undefined || k === null) return { ok: true, value: 'auto' };
  if (!Number.isInteger(k) || k < 0)
    return fail('selectFeatures', `selectFeatures must be an integer ≥ 0; got ${k}`);
  if (k === 0) return { ok: true, value: 'none' };
  return { ok: true, value: { method: (method ?? 'f-test') as 'f-test' | 'variance', k } };
}

/**
 * Reads the options; with `shape` (the dataset, when found) also checks they fit it. Returns the
 * options (defaults where a field was wrong) and every error.
 */
export function readTrainingOptions(
  input: TrainingOptionsInput,
  dataset?: { shape: DataShape; name: string },
): { value: TrainingOptions; errors: UserError[] } {
  const errors: UserError[] = [];
  const selection = featureSelectionOf(input);
  if (!selection.ok) errors.push(selection.error);
  const choices = readTrainingChoices(input);
  if (!choices.ok) errors.push(...choices.errors);
  const value: TrainingOptions = {
    ...(choices.ok ? choices.value : TRAINING_CHOICE_DEFAULTS),
    featureSelection: selection.ok ? selection.value : 'auto',
  };
  if (!dataset) return { value, errors };
  const { shape, name } = dataset;
  const chosen = value.featureSelection;
  if (typeof chosen === 'object') {
    const width = shape.length * shape.alphabetSize;
    if (shape.kind !== 'features') {
      const message = `selectFeatures applies to expression datasets; dataset "${name}" holds sequences`;
      errors.push(userError('selectFeatures', 'INVALID_VALUE', message));
    } else if (chosen.k > width) {
      const message = `selectFeatures must be at most the features of dataset "${name}" (${width}); got ${chosen.k}`;
      errors.push(userError('selectFeatures', 'OUT_OF_RANGE', message));
    }
  }
  if (choices.ok) {
    errors.push(...checkTrainingChoicesForData(choices.value, shape, `dataset "${name}"`));
  }
  return { value, errors };
}

/** The options as stored with a run or a job: what differs from the defaults. */
export function storedTrainingOptions(options: TrainingOptions): JsonObject {
  return {
    ...(changedChoices(options) as JsonObject),
    ...(options.featureSelection === 'auto'
      ? {}
      : { featureSelection: options.featureSelection as JsonObject | string }),
  };
}

/** Stored options (null or {} for none) back as fit options; missing ones are defaults. */
export function trainingOptionsOf(stored: JsonObject | null | undefined): TrainingOptions {
  const s = (stored ?? {}) as Partial<TrainingOptions>;
  return {
    ...TRAINING_CHOICE_DEFAULTS,
    ...s,
    featureSelection: s.featureSelection ?? 'auto',
  };
}
