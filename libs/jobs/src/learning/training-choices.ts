/**
 * The training choices `strand train`, `strand cv`, startTraining and startCrossValidation
 * share beyond epochs, batch size, learning rate and seed (issue 12): reverse-complement
 * augmentation, test-time reverse-complement averaging, class weights against imbalance, the
 * learning-rate schedule and weight decay. One reader of the caller's values (field-located
 * errors: the API passes them on as userErrors, the CLI names its flags), one check against the
 * data, and the @strand/models TrainOptions they become (fit.ts).
 */
import type { TrainOptions } from '@strand/models';
import { userError } from '../errors/user-error.ts';
import type { Outcome, UserError } from '../errors/user-error.ts';
import type { DataShape } from './labelled-data.ts';
import { LearningError } from './learning.error.ts';
import {
  checkInputEncoding,
  checkInputEncodingForData,
  encodedShape,
  INPUT_ENCODING_DEFAULTS,
} from './input-encoding.ts';
import type { InputEncoding } from './input-encoding.ts';

/** `auto`: inverse class frequency on the training rows; `none`; or a weight per class name. */
export type ClassWeightsOption = 'auto' | 'none' | Record<string, number>;

export const LR_SCHEDULES = ['constant', 'cosine', 'plateau'] as const;
export type LrSchedule = (typeof LR_SCHEDULES)[number];

/** With the input encoding (input-encoding.ts): normalize, impute, imputeK, kmer, kmerCanonical. */
export interface TrainingChoices extends InputEncoding {
  /** Augmentation: each training sequence is read as its reverse complement half the time. */
  reverseComplement: boolean;
  /**
   * Test-time averaging: a prediction is the mean of the model's outputs on the sequence and on
   * its reverse complement (evaluation, and scoring with the saved model: strand.json keeps it).
   */
  rcAverage: boolean;
  classWeights: ClassWeightsOption;
  /** constant; cosine annealing to 0 over the epochs; plateau: halve after `plateauPatience` epochs without a lower loss. */
  lrSchedule: LrSchedule;
  /** Epochs without improvement before a plateau schedule halves the learning rate. */
  plateauPatience: number;
  /** L2 penalty weightDecay · Σ w² on the kernels (not biases); 0: none. */
  weightDecay: number;
}

export const TRAINING_CHOICE_DEFAULTS: Readonly<TrainingChoices> = Object.freeze({
  ...INPUT_ENCODING_DEFAULTS,
  reverseComplement: false,
  rcAverage: false,
  classWeights: 'none',
  lrSchedule: 'constant',
  plateauPatience: 3,
  weightDecay: 0,
});

/** What a caller gives (GraphQL input, or the CLI's flags read as values); null: default. */
export interface TrainingChoicesInput {
  reverseComplement?: boolean | null;
  rcAverage?: boolean | null;
  /** `auto`, `none` or `name=weight,…` (classes not named weigh 1). */
  classWeights?: string | null;
  lrSchedule?: string | null;
  plateauPatience?: number | null;
  weightDecay?: number | null;
  normalize?: string | null;
  impute?: string | null;
  imputeK?: number | null;
  kmer?: number | null;
  kmerCanonical?: boolean | null;
}

/** The choices' names as fields (GraphQL) and flags (CLI). */
export const TRAINING_CHOICE_FLAGS: Readonly<Record<keyof TrainingChoices, string>> = {
  reverseComplement: '--reverse-complement',
  rcAverage: '--rc-average',
  classWeights: '--class-weights',
  lrSchedule: '--lr-schedule',
  plateauPatience: '--plateau-patience',
  weightDecay: '--weight-decay',
  normalize: '--normalize',
  impute: '--impute',
  imputeK: '--impute-k',
  kmer: '--kmer',
  kmerCanonical: '--kmer-canonical',
};

/** Reads `auto`, `none` or `a=1,b=3`; the error names `field`. */
export function parseClassWeights(text: string, field = 'classWeights'): ClassWeightsOption {
  const raw = text.trim();
  if (raw === 'auto' || raw === 'none') return raw;
  const weights: Record<string, number> = {};
  for (const part of raw.split(',')) {
    const at = part.lastIndexOf('=');
    const name = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    const weight = Number(value);
    if (at < 1 || name === '' || value === '' || !(weight >= 0 && Number.isFinite(weight))) {
      throw new LearningError(
        'INVALID_OPTIONS',
        `${field} must be auto, none or class=weight pairs separated by commas (weights ≥ 0), e.g. "neg=1,pos=3"; "${part.trim()}" is not one`,
        field,
      );
    }
    if (name in weights) {
      throw new LearningError('INVALID_OPTIONS', `${field} names class "${name}" twice`, field);
    }
    weights[name] = weight;
  }
  return weights;
}

/** The caller's values read and range-checked (not yet against any data). */
export function readTrainingChoices(input: TrainingChoicesInput): Outcome<TrainingChoices> {
  const d = TRAINING_CHOICE_DEFAULTS;
  const errors: UserError[] = [];
  let classWeights: ClassWeightsOption = d.classWeights;
  if (input.classWeights !== undefined && input.classWeights !== null) {
    try {
      classWeights = parseClassWeights(input.classWeights);
    } catch (error) {
      errors.push(userError('classWeights', 'INVALID_VALUE', (error as Error).message));
    }
  }
  const lrSchedule = input.lrSchedule ?? d.lrSchedule;
  if (!(LR_SCHEDULES as readonly string[]).includes(lrSchedule)) {
    errors.push(
      userError(
        'lrSchedule',
        'INVALID_VALUE',
        `lrSchedule must be ${LR_SCHEDULES.join(', ')}; got "${lrSchedule}"`,
      ),
    );
  }
  const patience = input.plateauPatience;
  if (patience !== undefined && patience !== null) {
    if (!Number.isInteger(patience) || patience < 1 || patience > 100) {
      errors.push(
        userError(
          'plateauPatience',
          'OUT_OF_RANGE',
          `plateauPatience must be an integer from 1 to 100; got ${patience}`,
        ),
      );
    } else if (lrSchedule !== 'plateau') {
      errors.push(
        userError('plateauPatience', 'INVALID_VALUE', 'plateauPatience needs lrSchedule plateau'),
      );
    }
  }
  const weightDecay = input.weightDecay ?? d.weightDecay;
  if (!(weightDecay >= 0 && weightDecay <= 1 && Number.isFinite(weightDecay))) {
    errors.push(
      userError('weightDecay', 'OUT_OF_RANGE', `weightDecay must be in [0, 1]; got ${weightDecay}`),
    );
  }
  const encoding: InputEncoding = {
    normalize: (input.normalize ?? d.normalize) as InputEncoding['normalize'],
    impute: (input.impute ?? d.impute) as InputEncoding['impute'],
    imputeK: input.imputeK ?? d.imputeK,
    kmer: input.kmer ?? d.kmer,
    kmerCanonical: input.kmerCanonical ?? d.kmerCanonical,
  };
  errors.push(...checkInputEncoding(encoding));
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      ...encoding,
      reverseComplement: input.reverseComplement ?? d.reverseComplement,
      rcAverage: input.rcAverage ?? d.rcAverage,
      classWeights,
      lrSchedule: lrSchedule as LrSchedule,
      plateauPatience: patience ?? d.plateauPatience,
      weightDecay,
    },
  };
}

/**
 * What is wrong with these choices for data of this shape as read (empty when they fit): the
 * input encoding against it, the training choices against the data as encoded.
 */
export function checkTrainingChoicesForData(
  choices: Partial<TrainingChoices>,
  shape: DataShape,
  described = 'the data',
): UserError[] {
  return [
    ...checkInputEncodingForData(choices, shape, described),
    ...trainingProblems(choices, encodedShape(shape, choices), described),
  ];
}

/** The training choices' problems with data as the model reads it (encoded). */
function trainingProblems(
  choices: Partial<TrainingChoices>,
  shape: DataShape,
  described: string,
): UserError[] {
  const errors: UserError[] = [];
  const dna = shape.kind === 'sequence' && shape.alphabetSize === 4 && !shape.profile;
  for (const field of ['reverseComplement', 'rcAverage'] as const) {
    if (choices[field] !== true || dna) continue;
    const what =
      shape.kind !== 'features'
        ? 'count profiles'
        : (choices.kmer ?? 0) > 0
          ? 'k-mer counts (kmer; kmerCanonical counts both strands together)'
          : 'features (expression)';
    errors.push(
      userError(
        field,
        'INVALID_VALUE',
        `${field} reads DNA sequences on the other strand; ${described} holds ${what}`,
      ),
    );
  }
  if (choices.rcAverage === true && dna && shape.extraFeatures?.length) {
    errors.push(
      userError(
        'rcAverage',
        'INVALID_VALUE',
        `rcAverage would flip the sequence but not the feature columns of ${described}`,
      ),
    );
  }
  const weights = choices.classWeights;
  if (weights !== undefined && weights !== 'none') {
    const classes = !shape.tasks && !shape.profile && shape.labelNames.length >= 2;
    if (!classes) {
      errors.push(
        userError(
          'classWeights',
          'INVALID_VALUE',
          `classWeights weigh the classes of one label column; ${described} has ${shape.tasks ? `${shape.tasks.length} label columns` : 'no classes'}`,
        ),
      );
    } else if (weights !== 'auto') {
      const unknown = Object.keys(weights).filter((name) => !shape.labelNames.includes(name));
      if (unknown.length) {
        errors.push(
          userError(
            'classWeights',
            'INVALID_VALUE',
            `classWeights names ${unknown.map((n) => `"${n}"`).join(', ')}, not a class of ${described} (${shape.labelNames.join(', ')})`,
          ),
        );
      }
    }
  }
  return errors;
}

/**
 * Throws the first problem of the training choices with data as the model reads it (already
 * encoded: fit's) as a LearningError.
 */
export function assertTrainingChoicesFit(
  choices: Partial<TrainingChoices>,
  shape: DataShape,
): void {
  const [first] = trainingProblems(choices, shape, 'the data');
  if (first) throw new LearningError('INVALID_OPTIONS', first.message, first.field);
}

/**
 * The loss weight per class index: `auto` = n / (k · n_c) over the training rows (scikit-learn's
 * "balanced"; a class absent from them weighs 0), named weights (others 1), undefined for none.
 */
export function classWeightVector(
  option: ClassWeightsOption | undefined,
  labelNames: readonly string[],
  labels: ArrayLike<number>,
  rows: ArrayLike<number>,
): number[] | undefined {
  if (option === undefined || option === 'none') return undefined;
  if (option !== 'auto') return labelNames.map((name) => option[name] ?? 1);
  const k = labelNames.length;
  const counts = new Array<number>(k).fill(0);
  for (let i = 0; i < rows.length; i++) counts[labels[rows[i] as number] as number]++;
  return counts.map((c) => (c > 0 ? rows.length / (k * c) : 0));
}

/** The learning-rate options of @strand/models trainModel for a schedule. */
export function scheduleOptions(
  choices: Partial<TrainingChoices>,
  validating: boolean,
): Pick<TrainOptions, 'learningRateSchedule' | 'reduceLrOnPlateau'> {
  if (choices.lrSchedule === 'cosine') return { learningRateSchedule: 'cosine' };
  if (choices.lrSchedule !== 'plateau') return {};
  return {
    reduceLrOnPlateau: {
      // Without a validation split (small data) the training loss is all there is to watch.
      monitor: validating ? 'val_loss' : 'loss',
      factor: 0.5,
      patience: choices.plateauPatience ?? TRAINING_CHOICE_DEFAULTS.plateauPatience,
    },
  };
}

/** The choices as stored and reported: only what differs from the defaults. */
export function changedChoices(choices: Partial<TrainingChoices>): Partial<TrainingChoices> {
  const d = TRAINING_CHOICE_DEFAULTS;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(d) as (keyof TrainingChoices)[]) {
    const value = choices[key];
    const implied =
      (key === 'plateauPatience' && choices.lrSchedule === 'plateau') ||
      (key === 'imputeK' && choices.impute === 'knn');
    if (value === undefined || (!implied && JSON.stringify(value) === JSON.stringify(d[key])))
      continue;
    if (key === 'plateauPatience' && choices.lrSchedule !== 'plateau') continue;
    if (key === 'imputeK' && choices.impute !== 'knn') continue;
    out[key] = value;
  }
  return out as Partial<TrainingChoices>;
}
