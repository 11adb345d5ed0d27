import type { EntityManager } from '@mikro-orm/core';
import { Dataset, Run } from '@strand/data';
import { validateArchitectureConfig } from '@strand/models';
import type { ArchitectureConfig } from '@strand/models';
import { checkArchitectureForData } from '../learning/architecture-for-data.ts';
import { checkIntRange, userError } from '../errors/user-error.ts';
import type { Outcome, UserError } from '../errors/user-error.ts';
import { datasetShape } from './dataset-shape.ts';
import { encodedShape } from '../learning/input-encoding.ts';
import { readTrainingOptions, storedTrainingOptions } from '../kinds/training-options.checks.ts';
import type { TrainingOptionsInput } from '../kinds/training-options.checks.ts';
import { readProbes } from '../learning/probes.ts';

/** What a caller gives, the shared training options (training-options.checks.ts) included. */
export interface StartTrainingInput extends TrainingOptionsInput {
  /** The run's project; the dataset must belong to it (the caller checked the right to train). */
  projectId: string;
  datasetId: string;
  architecture: string;
  epochs: number;
  batchSize?: number | null;
  learningRate?: number | null;
  seed?: number | null;
  /** Architecture hyperparameters; missing ones take the architecture's defaults. */
  config?: Record<string, unknown> | null;
  /** Live interpretation: up to MAX_PROBES DNA sequences of the dataset's length. */
  probes?: readonly string[] | null;
}

export const TRAINING_DEFAULTS = { batchSize: 64, learningRate: 1e-3, seed: 42 } as const;
export const TRAINING_LIMITS = { epochs: [1, 1000], batchSize: [1, 4096] } as const;

/** Validates a training request and stores the run as QUEUED; the caller enqueues it. */
export async function createTrainingRun(
  em: EntityManager,
  input: StartTrainingInput,
): Promise<Outcome<Run>> {
  const errors: UserError[] = [];
  const batchSize = input.batchSize ?? TRAINING_DEFAULTS.batchSize;
  const learningRate = input.learningRate ?? TRAINING_DEFAULTS.learningRate;
  const seed = input.seed ?? TRAINING_DEFAULTS.seed;
  const epochsError = checkIntRange('epochs', input.epochs, ...TRAINING_LIMITS.epochs);
  const batchError = checkIntRange('batchSize', batchSize, ...TRAINING_LIMITS.batchSize);
  const seedError = checkIntRange('seed', seed, 0, 2 ** 31 - 1);
  for (const e of [epochsError, batchError, seedError]) if (e) errors.push(e);
  if (!(learningRate > 0 && learningRate <= 1)) {
    errors.push(
      userError(
        'learningRate',
        'OUT_OF_RANGE',
        `learningRate must be in (0, 1]; got ${learningRate}`,
      ),
    );
  }
  const dataset = await em.findOne(Dataset, { id: input.datasetId, project: input.projectId });
  if (!dataset) {
    errors.push(userError('datasetId', 'NOT_FOUND', `no dataset with id "${input.datasetId}"`));
  } else if (dataset.status !== 'READY') {
    errors.push(
      userError(
        'datasetId',
        'NOT_READY',
        `dataset "${dataset.name}" is ${dataset.status}, not READY`,
      ),
    );
  }
  // The dataset's kind and labels decide which architectures fit and what their heads are
  // (learning/architecture-for-data.ts); the run stores the complete config the worker trains.
  let config: ArchitectureConfig | undefined;
  const found = dataset && dataset.status === 'READY' ? datasetShape(dataset) : undefined;
  const options = readTrainingOptions(
    input,
    found && dataset && !('problem' in found)
      ? { shape: found.shape, name: dataset.name }
      : undefined,
  );
  errors.push(...options.errors);
  const probes = readProbes(
    input.probes,
    found && dataset && !('problem' in found)
      ? { shape: found.shape, name: dataset.name, encoding: options.value }
      : undefined,
  );
  errors.push(...probes.errors);
  if (found && 'problem' in found) {
    errors.push(userError('datasetId', 'NOT_TRAINABLE', found.problem));
  } else if (found && dataset) {
    const checked = checkArchitectureForData(
      input.architecture,
      encodedShape(found.shape, options.value),
      input.config ?? {},
      `dataset "${dataset.name}"`,
    );
    if (checked.ok) config = checked.config;
    else for (const e of checked.errors) errors.push(userError(e.field, e.code, e.message));
  } else {
    // No usable dataset: still report what is wrong with the architecture and config.
    const checked = validateArchitectureConfig(input.architecture, input.config ?? {}, {
      length: Number.MAX_SAFE_INTEGER,
      alphabetSize: 4,
    });
    if (!checked.ok) {
      for (const e of checked.errors)
        errors.push(
          userError(
            e.field,
            e.field === 'architecture' ? 'UNKNOWN_ARCHITECTURE' : 'INVALID_CONFIG',
            e.message,
          ),
        );
    }
  }
  if (errors.length || !dataset || !config) return { ok: false, errors };

  const run = new Run(
    dataset.project,
    dataset,
    input.architecture,
    { ...config },
    seed,
    input.epochs,
    batchSize,
    learningRate,
  );
  const stored = storedTrainingOptions(options.value);
  run.trainingOptions = Object.keys(stored).length ? stored : null;
  run.probes = probes.value.length ? probes.value : null;
  em.persist(run);
  await em.flush();
  return { ok: true, value: run };
}
