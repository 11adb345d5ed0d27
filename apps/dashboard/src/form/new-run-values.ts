// The New run form's state as typed text, its defaults, and its translation into the two
// mutation inputs (createDemoDataset, then startTraining), with per-field messages.
import type { CreateDemoDatasetInput, StartTrainingInput } from '../graphql/operations.ts';

/** Every field of the form, as the inputs hold it (text). */
export interface NewRunValues {
  source: 'demo' | 'existing';
  datasetId: string;
  name: string;
  sequences: string;
  length: string;
  motif: string;
  dataSeed: string;
  architecture: string;
  epochs: string;
  batchSize: string;
  learningRate: string;
  seed: string;
  /** Live interpretation: probe sequences, one per line (empty: none). */
  probes: string;
}

export type FieldName = Exclude<keyof NewRunValues, 'source'>;
export type FieldErrors = Partial<Record<FieldName, string>>;

export const DEFAULT_VALUES: NewRunValues = {
  source: 'demo',
  datasetId: '',
  name: '',
  sequences: '2000',
  length: '101',
  motif: '',
  dataSeed: '1',
  architecture: 'deepbind',
  epochs: '6',
  batchSize: '64',
  learningRate: '0.001',
  seed: '1',
  probes: '',
};

/** The most probes a run takes (startTraining refuses more). */
export const MAX_PROBES = 8;

/** The probe lines of the form: trimmed, uppercased, empty lines left out. */
export function probeLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().toUpperCase())
    .filter((line) => line !== '');
}

type Parsed = { value: number } | { error: string };

function wholeNumber(text: string, min: number): Parsed {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(value)) {
    return { error: `"${text}" is not a whole number` };
  }
  return value < min ? { error: `${value} is below the minimum ${min}` } : { value };
}

function positiveNumber(text: string): Parsed {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) return { error: `"${text}" is not a number` };
  return value > 0 ? { value } : { error: `${value} is not above 0` };
}

/** Parse the named fields; returns the numbers, or the errors of every field that failed. */
function parseAll<K extends FieldName>(
  values: NewRunValues,
  rules: Record<K, (text: string) => Parsed>,
): { ok: true; numbers: Record<K, number> } | { ok: false; errors: FieldErrors } {
  const numbers = {} as Record<K, number>;
  const errors: FieldErrors = {};
  for (const key of Object.keys(rules) as K[]) {
    const parsed = rules[key](values[key]);
    if ('error' in parsed) errors[key] = parsed.error;
    else numbers[key] = parsed.value;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, numbers };
}

export type Result<T> = { ok: true; input: T } | { ok: false; errors: FieldErrors };

/** The createDemoDataset input from the form, or the fields' errors. */
export function toDatasetInput(values: NewRunValues): Result<CreateDemoDatasetInput> {
  const parsed = parseAll(values, {
    sequences: (t) => wholeNumber(t, 2),
    length: (t) => wholeNumber(t, 1),
    dataSeed: (t) => wholeNumber(t, 0),
  });
  if (!parsed.ok) return parsed;
  const { sequences, length, dataSeed } = parsed.numbers;
  const name = values.name.trim();
  return {
    ok: true,
    input: {
      ...(name ? { name } : {}),
      sequences,
      length,
      motifs: values.motif ? [values.motif] : null,
      seed: dataSeed,
    },
  };
}

/** The startTraining input for a dataset from the form, or the fields' errors. */
export function toTrainingInput(
  values: NewRunValues,
  datasetId: string,
): Result<StartTrainingInput> {
  const parsed = parseAll(values, {
    epochs: (t) => wholeNumber(t, 1),
    batchSize: (t) => wholeNumber(t, 1),
    learningRate: positiveNumber,
    seed: (t) => wholeNumber(t, 0),
  });
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  if (!datasetId) errors.datasetId = 'choose a dataset';
  if (!values.architecture) errors.architecture = 'choose an architecture';
  const probes = probeLines(values.probes);
  const bad = probes.findIndex((p) => !/^[ACGTN]+$/.test(p));
  if (probes.length > MAX_PROBES)
    errors.probes = `at most ${MAX_PROBES} probes; got ${probes.length}`;
  else if (bad >= 0) errors.probes = `probe ${bad + 1} holds other letters than A, C, G, T, N`;
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      datasetId,
      architecture: values.architecture,
      ...parsed.numbers,
      ...(probes.length ? { probes } : {}),
    },
  };
}

/** Check the whole form before anything is sent, so every mistake shows at once. */
export function validateNewRun(values: NewRunValues): FieldErrors {
  const dataset = values.source === 'demo' ? toDatasetInput(values) : null;
  // A placeholder id: the real one exists only after createDemoDataset.
  const datasetId = values.source === 'demo' ? 'pending' : values.datasetId;
  const training = toTrainingInput(values, datasetId);
  return {
    ...(dataset && !dataset.ok ? dataset.errors : {}),
    ...(training.ok ? {} : training.errors),
  };
}
