/**
 * Transfer learning for `strand train --init-from MODEL --freeze …` and startTraining's
 * `initFrom` / `freeze` (issue 12): the new model is the architecture of the source model, its
 * trunk config taken from the source (the data still decides the head), every layer whose name
 * and weight shapes match copied from the source (@strand/models transferModel), so the head is
 * new when the task shape differs (classes, tasks) and copied when it does not; the `freeze`
 * rule's layers are not trained. The source must read inputs of the data's shape.
 */
import type { FreezeRule } from '@strand/models';
import { userError } from '../errors/user-error.ts';
import type { UserError } from '../errors/user-error.ts';
import type { DataShape } from './labelled-data.ts';

/** `none` (default: every layer trains), or a rule of @strand/models transferModel. */
export type FreezeOption = 'none' | FreezeRule;

/** How a caller writes the freeze rules (CLI --freeze, GraphQL freeze). */
export const FREEZE_HELP = 'none, N (the first N layers with weights), conv or all-but-head';

/** The config fields the data decides (the head), never taken from the source model. */
const DATA_DECIDED = ['task', 'tasks', 'outputs', 'cpgFeatures'];

/** Reads `none`, `conv`, `all-but-head` or a count N ≥ 0 (0 is none); the error names `field`. */
export function readFreeze(
  text: string | null | undefined,
  field = 'freeze',
): { ok: true; value: FreezeOption } | { ok: false; error: UserError } {
  const raw = (text ?? 'none').trim();
  if (raw === 'none' || raw === 'conv' || raw === 'all-but-head') return { ok: true, value: raw };
  if (/^\d{1,3}$/.test(raw)) {
    const n = Number(raw);
    return { ok: true, value: n === 0 ? 'none' : n };
  }
  const message = `${field} must be ${FREEZE_HELP}; got "${raw.slice(0, 40)}"`;
  return { ok: false, error: userError(field, 'INVALID_VALUE', message) };
}

/** The target's config: the source's trunk (not the head fields) under the caller's values. */
export function initConfig(
  source: Record<string, unknown>,
  given: Record<string, unknown> | null | undefined,
): Record<string, unknown> {
  const trunk = Object.fromEntries(
    Object.entries(source).filter(([key]) => !DATA_DECIDED.includes(key)),
  );
  return { ...trunk, ...(given ?? {}) };
}

/** What is known of a source model before loading it (strand.json). */
export interface InitSource {
  architecture: string;
  inputLength: number;
  /** Channels per position (4 for one-hot DNA, 1 for feature vectors). */
  inputChannels?: number;
  /** How the caller named it, for messages. */
  ref: string;
}

/**
 * Problems of training `architecture` on data of `shape` (as the model reads it: encoded) from
 * `source`, located on `initFrom` (empty when it fits).
 */
export function initFromProblems(
  source: InitSource,
  architecture: string,
  shape: DataShape,
  described = 'the data',
): UserError[] {
  const errors: UserError[] = [];
  if (source.architecture !== architecture) {
    errors.push(
      userError(
        'initFrom',
        'INCOMPATIBLE_ARCHITECTURE',
        `initFrom: model ${source.ref} is a ${source.architecture}; train a ${source.architecture} from it, not a ${architecture}`,
      ),
    );
    return errors;
  }
  if (shape.kind === 'features') {
    // A fine-tuned model reads every feature (fit refuses a new selection): the widths must agree.
    const width = shape.length * shape.alphabetSize;
    if (source.inputLength !== width) {
      errors.push(
        userError(
          'initFrom',
          'INCOMPATIBLE_INPUT',
          `initFrom: model ${source.ref} reads ${source.inputLength} features; ${described} has ${width}`,
        ),
      );
    }
    return errors;
  }
  const channels = source.inputChannels ?? 4;
  if (source.inputLength !== shape.length || channels !== shape.alphabetSize) {
    errors.push(
      userError(
        'initFrom',
        'INCOMPATIBLE_INPUT',
        `initFrom: model ${source.ref} reads sequences of ${source.inputLength} × ${channels}; ${described} has ${shape.length} × ${shape.alphabetSize}`,
      ),
    );
  }
  return errors;
}

/** The source a run's stored training options name (see createTrainingRun), or null. */
export interface StoredInitFrom {
  /** How the caller named it. */
  model: string;
  runId: string;
  modelVersionId: string | null;
  /** The model directory, relative to the artifact root. */
  path: string;
  freeze: FreezeOption;
}

/**
 * Splits a run's stored training options into the transfer source (initFrom, freeze) and the
 * rest (what trainingOptionsOf reads).
 */
export function splitInitFrom(stored: Record<string, unknown> | null | undefined): {
  initFrom: StoredInitFrom | null;
  rest: Record<string, unknown> | null;
} {
  if (!stored || !('initFrom' in stored)) return { initFrom: null, rest: stored ?? null };
  const { initFrom, freeze, ...rest } = stored;
  const from = initFrom as Record<string, unknown>;
  const read = readFreeze(typeof freeze === 'number' ? String(freeze) : (freeze as string));
  return {
    initFrom: {
      model: String(from['model']),
      runId: String(from['runId']),
      modelVersionId: typeof from['modelVersionId'] === 'string' ? from['modelVersionId'] : null,
      path: String(from['path']),
      freeze: read.ok ? read.value : 'none',
    },
    rest,
  };
}
