/**
 * Checks the learning jobs (CROSS_VALIDATION, SWEEP) make in `prepare`, with the codes and
 * limits single training runs use (training/start-training.ts): a READY dataset of the project
 * that models train on, and training settings in range.
 */
import type { EntityManager } from '@mikro-orm/core';
import { Dataset } from '@strand/data';
import { checkIntRange, userError } from '../errors/user-error.ts';
import type { Outcome, UserError } from '../errors/user-error.ts';
import type { DataShape } from '../learning/labelled-data.ts';
import { datasetShape } from '../training/dataset-shape.ts';
import { TRAINING_LIMITS } from '../training/start-training.ts';

/** The project's dataset `datasetId` and the shape of its data, when models can train on it. */
export async function trainableDataset(
  em: EntityManager,
  projectId: string,
  datasetId: string,
): Promise<Outcome<{ dataset: Dataset; shape: DataShape }>> {
  const fail = (code: string, message: string): Outcome<never> => ({
    ok: false,
    errors: [userError('datasetId', code, message)],
  });
  const dataset = await em.findOne(Dataset, { id: datasetId, project: projectId });
  if (!dataset) return fail('NOT_FOUND', `no dataset with id "${datasetId}"`);
  if (dataset.status !== 'READY' || !dataset.artifactPath) {
    return fail('NOT_READY', `dataset "${dataset.name}" is ${dataset.status}, not READY`);
  }
  const found = datasetShape(dataset);
  if ('problem' in found) return fail('NOT_TRAINABLE', found.problem);
  return { ok: true, value: { dataset, shape: found.shape } };
}

/** Training settings every trial or fold uses. */
export interface TrainingSettings {
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
}

/** The settings given, defaults filled in. */
export function trainingSettingsOf(
  given: { [K in keyof TrainingSettings]?: number | null },
  defaults: TrainingSettings,
): TrainingSettings {
  return {
    epochs: given.epochs ?? defaults.epochs,
    batchSize: given.batchSize ?? defaults.batchSize,
    learningRate: given.learningRate ?? defaults.learningRate,
    seed: given.seed ?? defaults.seed,
  };
}

/** What is out of range in `settings` (the limits of a single training run). */
export function checkTrainingSettings(settings: TrainingSettings): UserError[] {
  const errors = [
    checkIntRange('epochs', settings.epochs, ...TRAINING_LIMITS.epochs),
    checkIntRange('batchSize', settings.batchSize, ...TRAINING_LIMITS.batchSize),
    checkIntRange('seed', settings.seed, 0, 2 ** 31 - 1),
  ].filter((e): e is UserError => e !== null);
  const rate = settings.learningRate;
  if (!(typeof rate === 'number' && rate > 0 && rate <= 1)) {
    errors.push(
      userError('learningRate', 'OUT_OF_RANGE', `learningRate must be in (0, 1]; got ${rate}`),
    );
  }
  return errors;
}

/** `config` as the engine takes it: an object (none is `{}`), or an error for anything else. */
export function configObject(config: unknown): Outcome<Record<string, unknown>> {
  if (config === undefined || config === null) return { ok: true, value: {} };
  if (typeof config !== 'object' || Array.isArray(config)) {
    const message = 'config must be an object, e.g. {"filters": 32}';
    return { ok: false, errors: [userError('config', 'INVALID_CONFIG', message)] };
  }
  return { ok: true, value: config as Record<string, unknown> };
}
