/**
 * Which architecture fits which data, and the config the data decides. An architecture's
 * `inputKind` says what it reads: `sequence` one-hot DNA, `features` a vector per sample
 * (expression), `ordered-features` steps of features (a one-hot sequence or a profile, so both),
 * `multimodal` and `sequence+cpg` a second input no stored dataset provides yet. Class labels
 * then decide the head: two classes a single sigmoid (`tasks: 1` on multitask architectures),
 * more a softmax (`task: multiclass`, `outputs: k`) where the architecture has one;
 * reconstruction models (autoencoder, vae) ignore labels.
 */
import {
  ARCHITECTURE_NAMES,
  ARCHITECTURES,
  isArchitectureName,
  validateArchitectureConfig,
} from '@strand/models';
import type {
  ArchitectureConfig,
  ArchitectureName,
  ArchitectureTask,
  InputKind,
} from '@strand/models';
import type { DataShape } from './labelled-data.ts';
import { LearningError } from './learning.error.ts';
import type { LearningErrorCode } from './learning.error.ts';

/** The data kinds each input kind reads. */
const READS: Record<InputKind, readonly DataShape['kind'][]> = {
  sequence: ['sequence'],
  features: ['features'],
  'ordered-features': ['sequence', 'features'],
  multimodal: [],
  'sequence+cpg': [],
};

const INPUT_WORDS: Record<InputKind, string> = {
  sequence: 'one-hot DNA sequences',
  features: 'a feature vector per sample, such as an expression profile',
  'ordered-features': 'ordered steps of features (a one-hot sequence or an expression profile)',
  multimodal: 'an expression profile plus variant features as a second input',
  'sequence+cpg': 'DNA plus neighbouring CpG states as a second input',
};

/** The stored dataset kind holding each data kind. */
export const DATASET_KIND_OF: Record<DataShape['kind'], string> = {
  sequence: 'sequence-classification',
  features: 'expression',
};

/** A problem with an architecture for some data, as the API reports it. */
export interface ArchitectureProblem {
  field: string | null;
  code: LearningErrorCode;
  message: string;
}

/** A validated architecture and config for some data, or every problem found. */
export type ArchitectureForData =
  | { ok: true; architecture: ArchitectureName; config: ArchitectureConfig; task: ArchitectureTask }
  | { ok: false; errors: ArchitectureProblem[] };

/** "one-hot sequences of 57 bp in 2 classes (promoter, negative)". */
export function describeData(shape: DataShape): string {
  const what =
    shape.kind === 'sequence'
      ? `one-hot sequences of ${shape.length} bp`
      : `profiles of ${shape.length * shape.alphabetSize} features`;
  return `${what} in ${shape.labelNames.length} class${shape.labelNames.length === 1 ? '' : 'es'}`;
}

/** The architectures that train on data of this shape with their default configs. */
export function fittingArchitectures(shape: DataShape): ArchitectureName[] {
  return ARCHITECTURE_NAMES.filter((name) => check(name, shape, {}).length === 0);
}

/**
 * Checks that `name` can train on data of `shape` and fills what the data decides into the
 * caller's config (see the file comment), then validates it. Never throws.
 *
 * @example checkArchitectureForData('mlp', { kind: 'features', length: 3051, alphabetSize: 1,
 *   labelNames: ['ALL', 'AML'] }, { hiddenUnits: [32] })
 */
export function checkArchitectureForData(
  name: string,
  shape: DataShape,
  given: unknown,
  subject = 'this data',
): ArchitectureForData {
  const errors = check(name, shape, given, subject);
  if (errors.length > 0) {
    const fits = fittingArchitectures(shape);
    const use = fits.length ? `use ${fits.join(', ')}` : 'no architecture fits it';
    return {
      ok: false,
      errors: errors.map((e) =>
        e.code === 'INCOMPATIBLE_ARCHITECTURE' ? { ...e, message: `${e.message}; ${use}` } : e,
      ),
    };
  }
  const filled = fill(name as ArchitectureName, shape, given as Record<string, unknown>);
  const checked = validateArchitectureConfig(name, filled, shape);
  if (!checked.ok) throw new Error('unreachable: check() validated this config');
  const architecture = name as ArchitectureName;
  const definition = ARCHITECTURES[architecture] as { task: (c: unknown) => ArchitectureTask };
  return { ok: true, architecture, config: checked.config, task: definition.task(checked.config) };
}

/** As checkArchitectureForData, throwing a LearningError with every problem. */
export function architectureForData(
  name: string,
  shape: DataShape,
  given: unknown,
): { architecture: ArchitectureName; config: ArchitectureConfig; task: ArchitectureTask } {
  const result = checkArchitectureForData(name, shape, given);
  if (result.ok) return result;
  const first = result.errors[0];
  const message = result.errors
    .map((e) => (e.field && e.code === 'INVALID_CONFIG' ? `${e.field}: ${e.message}` : e.message))
    .join('; ');
  throw new LearningError(first.code, message, first.field);
}

function check(
  name: string,
  shape: DataShape,
  given: unknown,
  subject = 'this data',
): ArchitectureProblem[] {
  if (!isArchitectureName(name)) {
    const message = `unknown architecture "${name}"; known: ${ARCHITECTURE_NAMES.join(', ')}`;
    return [{ field: 'architecture', code: 'UNKNOWN_ARCHITECTURE', message }];
  }
  if (
    given !== undefined &&
    given !== null &&
    (typeof given !== 'object' || Array.isArray(given))
  ) {
    const got = Array.isArray(given) ? 'an array' : typeof given;
    return [{ field: 'config', code: 'INVALID_CONFIG', message: `must be an object, got ${got}` }];
  }
  const definition = ARCHITECTURES[name];
  if (!READS[definition.inputKind].includes(shape.kind)) {
    const kinds = READS[definition.inputKind].map((k) => DATASET_KIND_OF[k]);
    const fits = kinds.length
      ? `which fits ${kinds.join(' and ')} data`
      : 'which no dataset kind holds yet';
    return [
      {
        field: 'architecture',
        code: 'INCOMPATIBLE_ARCHITECTURE',
        message: `architecture "${name}" reads ${definition.inputKind} input (${INPUT_WORDS[definition.inputKind]}), ${fits}; ${subject} holds ${describeData(shape)} (${DATASET_KIND_OF[shape.kind]} data)`,
      },
    ];
  }
  const config = fill(name, shape, (given ?? {}) as Record<string, unknown>);
  const labelProblem = headProblem(name, shape, config, subject);
  if (labelProblem) return [labelProblem];
  const checked = validateArchitectureConfig(name, config, shape);
  if (checked.ok) return [];
  return checked.errors.map((e) => ({
    field: e.field,
    code: 'INVALID_CONFIG' as const,
    message: e.message,
  }));
}

/** The caller's config with what the labels decide filled in (fields the caller left out). */
function fill(
  name: ArchitectureName,
  shape: DataShape,
  given: Record<string, unknown>,
): Record<string, unknown> {
  const fields = Object.keys(ARCHITECTURES[name].defaults);
  const config: Record<string, unknown> = { ...(given ?? {}) };
  const k = shape.labelNames.length;
  if (k === 2) {
    if (fields.includes('tasks')) config.tasks ??= 1;
    if (fields.includes('task')) config.task ??= 'binary';
  } else if (k > 2 && fields.includes('task') && fields.includes('outputs')) {
    config.task ??= 'multiclass';
    config.outputs ??= k;
  }
  if (config.task === 'multiclass' && fields.includes('outputs')) config.outputs ??= k;
  return config;
}

/** Whether the (filled) config's head suits the class labels. */
function headProblem(
  name: ArchitectureName,
  shape: DataShape,
  config: Record<string, unknown>,
  subject: string,
): ArchitectureProblem | undefined {
  const definition = ARCHITECTURES[name] as unknown as {
    defaults: Record<string, unknown>;
    task: (c: Record<string, unknown>) => ArchitectureTask;
  };
  const merged = { ...definition.defaults, ...config };
  const task = definition.task(merged);
  if (task === 'reconstruction') return undefined;
  const k = shape.labelNames.length;
  const incompatible = (message: string): ArchitectureProblem => ({
    field: 'architecture',
    code: 'INCOMPATIBLE_ARCHITECTURE',
    message,
  });
  if (k < 2) {
    return {
      field: null,
      code: 'INVALID_DATA',
      message: `${subject} has one label only (${shape.labelNames[0] ?? 'none'}); a classifier needs at least two classes`,
    };
  }
  if (task !== 'binary' && task !== 'multitask' && task !== 'multiclass') {
    return incompatible(
      `architecture "${name}" with this config trains a ${task} head on numeric targets; ${subject} holds ${k} classes`,
    );
  }
  if (task === 'multiclass') {
    if (merged.outputs !== k) {
      return {
        field: 'config.outputs',
        code: 'INVALID_CONFIG',
        message: `${subject} has ${k} classes, so a softmax head needs outputs = ${k}; got ${String(merged.outputs)}`,
      };
    }
    return undefined;
  }
  if (k > 2) {
    return incompatible(
      `${k} classes need a softmax head; architecture "${name}" has ${task === 'binary' ? 'one sigmoid output' : 'sigmoid outputs only'}`,
    );
  }
  const width = task === 'multitask' ? (merged.tasks ?? merged.outputs) : 1;
  if (width !== 1) {
    const field = 'tasks' in merged ? 'config.tasks' : 'config.outputs';
    return {
      field,
      code: 'INVALID_CONFIG',
      message: `${subject} has one binary label per record, so ${field.slice(7)} must be 1; got ${String(width)}`,
    };
  }
  return undefined;
}
