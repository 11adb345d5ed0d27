/**
 * Which architecture fits which data, and the config the data decides. An architecture's
 * `inputKind` says what it reads: `sequence` one-hot DNA, `features` a vector per sample
 * (expression), `ordered-features` steps of features (a one-hot sequence or a profile, so both),
 * `sequence+cpg` one-hot DNA plus numeric feature columns as a second input (DeepCpG), and
 * `multimodal` expression plus variant features, which trains through the risk pipeline instead.
 * The targets then decide the head: two classes a single sigmoid (`tasks: 1` on multitask
 * architectures), more a softmax (`task: multiclass`, `outputs: k`) where the architecture has
 * one; several 0/1 label columns one sigmoid each (`tasks: k`, or `task: multitask, outputs: k`);
 * a per-position count profile BPNet's profile + counts heads (`tasks` = its tracks);
 * reconstruction models (autoencoder, vae) ignore labels. The width of the second input is
 * filled in too (`cpgFeatures`).
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
  'sequence+cpg': ['sequence'],
};

const INPUT_WORDS: Record<InputKind, string> = {
  sequence: 'one-hot DNA sequences',
  features: 'a feature vector per sample, such as an expression profile',
  'ordered-features': 'ordered steps of features (a one-hot sequence or an expression profile)',
  multimodal: 'an expression profile plus variant features as a second input',
  'sequence+cpg':
    'one-hot DNA plus numeric feature columns of the sequence table as a second input, such as neighbouring CpG states (featureColumns, --feature-columns)',
};

/** How a sequence table holds a count profile, for messages. */
const PROFILE_WORDS =
  'a count column (counts: one count per position, comma-separated; tracks separated by ";")';

/** The stored dataset kind holding each data kind. */
export const DATASET_KIND_OF: Record<DataShape['kind'], string> = {
  sequence: 'sequence-classification',
  features: 'expression',
};

/** The stored dataset kind of data of this shape (a profile without labels: sequence-regression). */
export function datasetKindOf(shape: DataShape): string {
  if (shape.kind === 'sequence' && shape.profile && shape.labelNames.length === 0) {
    return 'sequence-regression';
  }
  return DATASET_KIND_OF[shape.kind];
}

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
  const k = shape.labelNames.length;
  const parts = [what];
  if (shape.tasks?.length) parts.push(`with ${shape.tasks.length} label columns (0/1)`);
  else if (k > 0) parts.push(`in ${k} class${k === 1 ? '' : 'es'}`);
  const extras: string[] = [];
  if (shape.profile) {
    const t = shape.profile.tracks;
    extras.push(`a count profile of ${t} track${t === 1 ? '' : 's'}`);
  }
  if (shape.extraFeatures?.length) extras.push(`${shape.extraFeatures.length} feature columns`);
  if (extras.length)
    parts.push(`${k > 0 || shape.tasks?.length ? 'and' : 'with'} ${extras.join(' and ')}`);
  if (k === 0 && !shape.tasks?.length) parts.push(`${extras.length ? 'and' : 'with'} no labels`);
  return parts.join(' ');
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
  const inputProblem = inputMismatch(name, shape, subject);
  if (inputProblem) return [inputProblem];
  const config = fill(name, shape, (given ?? {}) as Record<string, unknown>);
  const widthProblem = secondInputWidth(name, shape, config, subject);
  if (widthProblem) return [widthProblem];
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

const incompatible = (message: string): ArchitectureProblem => ({
  field: 'architecture',
  code: 'INCOMPATIBLE_ARCHITECTURE',
  message,
});

/** Whether the architecture reads the data's inputs: its kind, and a second input or none. */
function inputMismatch(
  name: ArchitectureName,
  shape: DataShape,
  subject: string,
): ArchitectureProblem | undefined {
  const { inputKind } = ARCHITECTURES[name];
  const holds = `${subject} holds ${describeData(shape)} (${datasetKindOf(shape)} data)`;
  const reads = `architecture "${name}" reads ${inputKind} input (${INPUT_WORDS[inputKind]})`;
  if (inputKind === 'multimodal') {
    return incompatible(
      `${reads}, which no dataset kind holds: it trains on an expression dataset joined with a variants dataset through the PREDICT_RISK job (predictRisk in the API) or \`strand risk\`; ${holds}`,
    );
  }
  if (!READS[inputKind].includes(shape.kind)) {
    const kinds = READS[inputKind].map((k) => DATASET_KIND_OF[k]);
    return incompatible(`${reads}, which fits ${kinds.join(' and ')} data; ${holds}`);
  }
  const extra = shape.extraFeatures ?? [];
  if (inputKind === 'sequence+cpg' && extra.length === 0) {
    return incompatible(`${reads}; ${subject} has no feature columns: ${holds}`);
  }
  if (inputKind !== 'sequence+cpg' && extra.length > 0) {
    const shown = extra.length > 3 ? `${extra[0]}, …, ${extra.at(-1)}` : extra.join(', ');
    return incompatible(
      `architecture "${name}" reads no second input, but ${subject} has ${extra.length} feature column${extra.length === 1 ? '' : 's'} (${shown}) for one; leave them out to train ${name}`,
    );
  }
  return undefined;
}

/** Whether the config's second input is as wide as the data's feature columns. */
function secondInputWidth(
  name: ArchitectureName,
  shape: DataShape,
  config: Record<string, unknown>,
  subject: string,
): ArchitectureProblem | undefined {
  const m = shape.extraFeatures?.length ?? 0;
  if (m === 0 || !('cpgFeatures' in ARCHITECTURES[name].defaults)) return undefined;
  if (config.cpgFeatures === m) return undefined;
  return {
    field: 'config.cpgFeatures',
    code: 'INVALID_CONFIG',
    message: `${subject} has ${m} feature columns, so cpgFeatures must be ${m}; got ${String(config.cpgFeatures)}`,
  };
}

/** The task of a config of `name` with the architecture's defaults for what it leaves out. */
function taskOf(name: ArchitectureName, config: Record<string, unknown>): ArchitectureTask {
  const definition = ARCHITECTURES[name] as unknown as {
    defaults: Record<string, unknown>;
    task: (c: Record<string, unknown>) => ArchitectureTask;
  };
  return definition.task({ ...definition.defaults, ...config });
}

/** Whether a task trains on the count profile: BPNet's heads, or regression on log totals. */
function onProfile(task: ArchitectureTask, shape: DataShape): boolean {
  return task === 'profile' || (task === 'regression' && shape.profile !== undefined);
}

/** The caller's config with what the data decides filled in (fields the caller left out). */
function fill(
  name: ArchitectureName,
  shape: DataShape,
  given: Record<string, unknown>,
): Record<string, unknown> {
  const fields = Object.keys(ARCHITECTURES[name].defaults);
  const config: Record<string, unknown> = { ...(given ?? {}) };
  const extra = shape.extraFeatures?.length ?? 0;
  if (extra > 0 && fields.includes('cpgFeatures')) config.cpgFeatures ??= extra;
  const task = taskOf(name, config);
  if (shape.profile && onProfile(task, shape)) {
    if (fields.includes('tasks')) config.tasks ??= shape.profile.tracks;
    else if (fields.includes('outputs')) config.outputs ??= shape.profile.tracks;
    return config;
  }
  const m = shape.tasks?.length ?? 0;
  if (m > 0) {
    if (fields.includes('tasks')) config.tasks ??= m;
    if (fields.includes('task') && fields.includes('outputs')) {
      config.task ??= 'multitask';
      config.outputs ??= m;
    }
    return config;
  }
  const k = shape.labelNames.length;
  // The output width is `outputs` (mlp, lstm, deepbind) or `tasks` (deepsea, basset, danq).
  const widthField = fields.includes('outputs') ? 'outputs' : 'tasks';
  if (k === 2) {
    if (fields.includes('tasks')) config.tasks ??= 1;
    if (fields.includes('task') && widthField === 'outputs') config.task ??= 'binary';
  } else if (k > 2 && fields.includes('task') && fields.includes(widthField)) {
    config.task ??= 'multiclass';
    config[widthField] ??= k;
  }
  if (config.task === 'multiclass' && fields.includes(widthField)) config[widthField] ??= k;
  return config;
}

/** Whether the (filled) config's head suits the data's targets. */
function headProblem(
  name: ArchitectureName,
  shape: DataShape,
  config: Record<string, unknown>,
  subject: string,
): ArchitectureProblem | undefined {
  const definition = ARCHITECTURES[name] as unknown as { defaults: Record<string, unknown> };
  const merged = { ...definition.defaults, ...config };
  const task = taskOf(name, config);
  if (task === 'reconstruction') return undefined;
  const holds = `${subject} holds ${describeData(shape)}`;
  const widthField = 'tasks' in merged ? 'tasks' : 'outputs';
  const width = merged[widthField];
  const wrongWidth = (what: string, wanted: number): ArchitectureProblem => ({
    field: `config.${widthField}`,
    code: 'INVALID_CONFIG',
    message: `${subject} has ${what}, so ${widthField} must be ${wanted}; got ${String(width)}`,
  });
  if (task === 'profile' || task === 'regression') {
    if (!shape.profile) {
      return incompatible(
        task === 'profile'
          ? `architecture "${name}" trains profile + counts heads on per-position read counts, ${PROFILE_WORDS}; ${holds}`
          : `architecture "${name}" with this config trains a regression head on numeric targets (here: the log total counts of a count profile); ${holds}`,
      );
    }
    const t = shape.profile.tracks;
    if (width !== t) return wrongWidth(`a count profile of ${t} track${t === 1 ? '' : 's'}`, t);
    return undefined;
  }
  const m = shape.tasks?.length ?? 0;
  if (m > 0) {
    if (task !== 'multitask') {
      return incompatible(
        `${m} label columns need one sigmoid output each (a multitask head); architecture "${name}" has ${task === 'binary' ? 'one sigmoid output' : 'a softmax head'}`,
      );
    }
    return width === m ? undefined : wrongWidth(`${m} label columns (0/1)`, m);
  }
  const k = shape.labelNames.length;
  if (k === 0) {
    return incompatible(
      `architecture "${name}" trains a classifier on a label column; ${holds} (${datasetKindOf(shape)} data)`,
    );
  }
  if (k < 2) {
    return {
      field: null,
      code: 'INVALID_DATA',
      message: `${subject} has one label only (${shape.labelNames[0] ?? 'none'}); a classifier needs at least two classes`,
    };
  }
  if (task === 'multiclass') {
    if (width !== k) {
      return {
        field: `config.${widthField}`,
        code: 'INVALID_CONFIG',
        message: `${subject} has ${k} classes, so a softmax head needs ${widthField} = ${k}; got ${String(width)}`,
      };
    }
    return undefined;
  }
  if (k > 2) {
    return incompatible(
      `${k} classes need a softmax head; architecture "${name}" has ${task === 'binary' ? 'one sigmoid output' : 'sigmoid outputs only'}`,
    );
  }
  const binaryWidth = task === 'multitask' ? width : 1;
  if (binaryWidth !== 1) {
    return {
      field: `config.${widthField}`,
      code: 'INVALID_CONFIG',
      message: `${subject} has one binary label per record, so ${widthField} must be 1; got ${String(binaryWidth)}`,
    };
  }
  return undefined;
}
