import { parseArgs } from 'node:util';
import { CliError } from '../cli-error.ts';
import {
  AUTO_SELECTED_FEATURES,
  INPUT_ENCODING_DEFAULTS,
  MAX_KMER,
  checkTrainingChoicesForData,
  FEATURE_SELECTION_METHODS,
  LR_SCHEDULES,
  readTrainingChoices,
  TRAINING_CHOICE_DEFAULTS,
  TRAINING_CHOICE_FLAGS,
} from '@strand/jobs';
import type { DataFiles, DataShape, FeatureSelectionOption, TrainingChoices } from '@strand/jobs';

/** Options shared by `strand train` and `strand cv`. */
export const TRAIN_OPTIONS = {
  architecture: { type: 'string', default: 'deepbind' },
  train: { type: 'string' },
  labels: { type: 'string' },
  'label-column': { type: 'string' },
  'feature-columns': { type: 'string' },
  'profile-column': { type: 'string' },
  epochs: { type: 'string', default: '30' },
  'batch-size': { type: 'string', default: '32' },
  'learning-rate': { type: 'string', default: '0.003' },
  seed: { type: 'string', default: '42' },
  config: { type: 'string' },
  workers: { type: 'string', default: '1' },
  'select-features': { type: 'string', default: 'auto' },
  'selection-method': { type: 'string' },
  'reverse-complement': { type: 'boolean', default: false },
  'rc-average': { type: 'boolean', default: false },
  'class-weights': { type: 'string', default: 'none' },
  'lr-schedule': { type: 'string', default: 'constant' },
  'plateau-patience': { type: 'string' },
  'weight-decay': { type: 'string', default: '0' },
  normalize: { type: 'string', default: 'none' },
  impute: { type: 'string', default: 'none' },
  'impute-k': { type: 'string' },
  kmer: { type: 'string', default: '0' },
  'kmer-canonical': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

export const TRAIN_HELP = `  --architecture NAME   sequences: deepbind (default), deepsea, danq, basset, lstm;
                        several 0/1 label columns: deepsea, danq, basset, lstm (multitask);
                        with --feature-columns: deepcpg; count profiles: bpnet;
                        expression: mlp, lstm, autoencoder, vae
  --train FILE          a labelled sequence table (TSV/CSV with id, label, sequence columns), a
                        labelled FASTA (>id label=x), or an expression matrix (genes × samples,
                        first column the gene id) with --labels
  --labels FILE         sample table for an expression matrix (first column the sample id)
  --label-column COL    the label column of --labels (default: its second column); of a
                        sequence table (default: label, else every label_* column), or several
                        separated by commas (a,b,c): one 0/1 sigmoid output each (multitask)
  --feature-columns C   numeric columns of a sequence table read as a second input (deepcpg):
                        names separated by commas, or a prefix (cpg_ reads cpg_1, cpg_2, …)
  --profile-column COL  per-position read counts for bpnet (default: counts, in a table without
                        labels): one count per position, comma-separated, tracks separated by ;
  --epochs N            at most N epochs; from 50 records, early stopping on a seeded, stratified
                        10% validation split (default 30)
  --batch-size N        default 32
  --learning-rate X     Adam's, default 0.003
  --seed S              default 42: the same seed gives the same result on the same backend
  --config JSON         architecture config, e.g. '{"filters":32}'
  --select-features K   expression: keep the K features that score best on each training set
                        alone (no leakage into validation or test rows); auto (default): the
                        top ${AUTO_SELECTED_FEATURES} when there are more features than training
                        samples (p ≫ n), else all; none: all
  --selection-method M  with --select-features K: f-test (default; ANOVA F of the classes, t²
                        for two) or variance
  --reverse-complement  augment: each training sequence is read as its reverse complement at
                        random (seeded), half the time (DNA sequences)
  --rc-average          test-time averaging: a prediction is the mean of the outputs on the
                        sequence and on its reverse complement (test metrics; a model saved
                        with --out keeps it in strand.json and strand score follows it)
  --class-weights W     loss weight per class against imbalance: none (default), auto (inverse
                        class frequency on the training rows: n / (k · n_class)), or
                        name=weight pairs, e.g. neg=1,pos=3 (classes not named weigh 1)
  --lr-schedule S       ${LR_SCHEDULES.join(', ')}: constant (default); cosine annealing to 0
                        over the epochs; plateau: halve after --plateau-patience epochs
                        without a lower validation loss (training loss without a split)
  --plateau-patience N  with --lr-schedule plateau, default ${TRAINING_CHOICE_DEFAULTS.plateauPatience}
  --weight-decay X      L2 penalty X · Σ w² on the kernels (not biases), in [0, 1]; default 0
  --normalize M         expression, per sample before anything else: none (default), log1p
                        (ln(1 + x)), cpm (counts per million), log-cpm (both), or quantile
                        (limma's normalizeQuantiles over every sample given)
  --impute M            expression: none (default: a missing value reads as the training mean)
                        or knn: a sample's missing value is the mean of its --impute-k nearest
                        samples that have it (Bioconductor impute.knn's distance)
  --impute-k K          neighbours of --impute knn, default ${INPUT_ENCODING_DEFAULTS.imputeK}
  --kmer K              sequences: read each as its counts of the 4^K K-mers (1–${MAX_KMER}) instead
                        of one-hot bases: a feature vector for mlp (and the LR baseline on the
                        counts); default 0: one-hot
  --kmer-canonical      with --kmer: count a K-mer and its reverse complement together
  (quantile and knn use every sample given, never a label: in cv the test samples' values too)
  --workers N           train data-parallel on N worker threads, one core each (default 1; the
                        machine has as many cores as os.availableParallelism() says)
  --json                print the result as JSON
Labels may be strings: they become classes in sorted order, the second being the positive class
of a binary task; more than two classes train a softmax head (deepbind, deepsea, basset, danq,
mlp, lstm; --config '{"task":"multiclass"}' is then implied). Expression features
and feature columns are standardised with the training rows' mean and sd; missing values (NA)
in feature columns are an error.`;

export interface TrainArgs {
  command: string;
  architecture: string;
  files: DataFiles;
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  config: Record<string, unknown>;
  /** Gradient workers (data-parallel training). */
  workers: number;
  /** In-fold feature selection of expression inputs (--select-features, --selection-method). */
  featureSelection: FeatureSelectionOption;
  json: boolean;
}

/** TrainArgs and the shared training choices (--reverse-complement … --weight-decay). */
export type TrainArgsWithChoices = TrainArgs & TrainingChoices;

function int(command: string, flag: string, raw: string | undefined, min: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new CliError(`${command}: ${flag} must be an integer ≥ ${min}; got "${raw}"`, 2);
  return n;
}

/** Parses the shared options; `values` holds the command's own ones too. */
export function readTrainArgs<T extends Record<string, unknown>>(
  command: string,
  values: T & Record<string, string | boolean | undefined>,
  help: string,
): TrainArgsWithChoices {
  if (!values.train) throw new CliError(`${command}: --train FILE is required\n${help}`, 2);
  return { ...readTrainOptions(command, values), files: dataFiles(command, values) };
}

/** The shared options but the data's (--train and its columns). */
export function readTrainOptions(
  command: string,
  values: Record<string, string | boolean | undefined>,
): Omit<TrainArgsWithChoices, 'files'> {
  const learningRate = Number(values['learning-rate']);
  if (!(learningRate > 0 && learningRate <= 1))
    throw new CliError(
      `${command}: --learning-rate must be in (0, 1]; got "${values['learning-rate']}"`,
      2,
    );
  let config: Record<string, unknown> = {};
  if (typeof values.config === 'string') {
    try {
      config = JSON.parse(values.config);
    } catch {
      config = [] as unknown as Record<string, unknown>;
    }
    if (typeof config !== 'object' || config === null || Array.isArray(config)) {
      throw new CliError(`${command}: --config must be a JSON object, e.g. '{"filters":32}'`, 2);
    }
  }
  return {
    command,
    architecture: String(values.architecture),
    epochs: int(command, '--epochs', values.epochs as string, 1),
    batchSize: int(command, '--batch-size', values['batch-size'] as string, 1),
    learningRate,
    seed: int(command, '--seed', values.seed as string, 0),
    config,
    workers: int(command, '--workers', values.workers as string, 1),
    featureSelection: featureSelection(command, values),
    json: values.json === true,
    ...trainingChoices(command, values),
  };
}

/** A usage error naming the flag when a training choice does not fit the data. */
export function assertChoicesFitData(
  command: string,
  choices: TrainingChoices,
  data: DataShape,
  described: string,
): void {
  const [first] = checkTrainingChoicesForData(choices, data, described);
  if (!first) return;
  const flag = TRAINING_CHOICE_FLAGS[first.field as keyof TrainingChoices] ?? first.field;
  throw new CliError(`${command}: ${flag}: ${first.message}`, 2);
}

/** --reverse-complement … --weight-decay, read and checked as the API reads them. */
function trainingChoices(
  command: string,
  values: Record<string, string | boolean | undefined>,
): TrainingChoices {
  const number = (flag: string): number | null => {
    const raw = values[flag];
    if (typeof raw !== 'string') return null;
    const n = raw.trim() === '' ? Number.NaN : Number(raw);
    if (!Number.isFinite(n))
      throw new CliError(`${command}: --${flag} must be a number; got "${raw}"`, 2);
    return n;
  };
  const read = readTrainingChoices({
    reverseComplement: values['reverse-complement'] === true,
    rcAverage: values['rc-average'] === true,
    classWeights: (values['class-weights'] as string | undefined) ?? null,
    lrSchedule: (values['lr-schedule'] as string | undefined) ?? null,
    plateauPatience: number('plateau-patience'),
    weightDecay: number('weight-decay'),
    normalize: (values.normalize as string | undefined) ?? null,
    impute: (values.impute as string | undefined) ?? null,
    imputeK: number('impute-k'),
    kmer: number('kmer'),
    kmerCanonical: values['kmer-canonical'] === true,
  });
  if (!read.ok) {
    const [first] = read.errors;
    const flag = TRAINING_CHOICE_FLAGS[first?.field as keyof TrainingChoices] ?? first?.field;
    throw new CliError(`${command}: ${flag}: ${first?.message}`, 2);
  }
  return read.value;
}

function featureSelection(
  command: string,
  values: Record<string, string | boolean | undefined>,
): FeatureSelectionOption {
  const raw = String(values['select-features'] ?? 'auto');
  const method = values['selection-method'] as string | undefined;
  if (method !== undefined && !(FEATURE_SELECTION_METHODS as readonly string[]).includes(method)) {
    throw new CliError(
      `${command}: --selection-method must be ${FEATURE_SELECTION_METHODS.join(' or ')}; got "${method}"`,
      2,
    );
  }
  if (raw === 'auto' || raw === 'none') {
    if (method !== undefined)
      throw new CliError(`${command}: --selection-method needs --select-features K`, 2);
    return raw;
  }
  const k = int(command, '--select-features', raw, 1);
  return { method: (method ?? 'f-test') as 'f-test' | 'variance', k };
}

/** The data files and columns of the shared options. */
export function dataFiles(
  command: string,
  values: Record<string, string | boolean | undefined>,
): DataFiles {
  const list = (flag: string): string[] | undefined => {
    const raw = values[flag];
    if (typeof raw !== 'string') return undefined;
    const names = raw.split(',').map((name) => name.trim());
    if (names.some((name) => name === '')) {
      throw new CliError(`${command}: --${flag} has an empty column name in "${raw}"`, 2);
    }
    return names;
  };
  const labels = values.labels as string | undefined;
  const labelColumn = values['label-column'] as string | undefined;
  const featureColumns = list('feature-columns');
  const profileColumn = values['profile-column'] as string | undefined;
  return {
    file: String(values.train),
    ...(labels ? { labels } : {}),
    ...(labels && labelColumn ? { labelColumn } : {}),
    ...(!labels && labelColumn ? { labelColumns: list('label-column') } : {}),
    ...(featureColumns ? { featureColumns } : {}),
    ...(profileColumn ? { profileColumn } : {}),
  };
}

export { parseArgs };
