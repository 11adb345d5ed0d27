import type { EntityManager } from '@mikro-orm/core';
import { Dataset, Run } from '@strand/data';
import {
  ARCHITECTURE_NAMES,
  ARCHITECTURES,
  isArchitectureName,
  validateArchitectureConfig,
} from '@strand/models';
import { checkIntRange, userError } from '../errors/user-error.ts';
import type { Outcome, UserError } from '../errors/user-error.ts';

export interface StartTrainingInput {
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
  // Datasets here are binary-labelled sequences: only sequence architectures fit, with one
  // output (multitask architectures get tasks: 1 unless the caller says otherwise).
  const config: Record<string, unknown> = { ...(input.config ?? {}) };
  if (isArchitectureName(input.architecture)) {
    const definition = ARCHITECTURES[input.architecture];
    const task = definition.task({ ...definition.defaults, ...config } as never);
    if (definition.inputKind !== 'sequence' || (task !== 'binary' && task !== 'multitask')) {
      const fits = ARCHITECTURE_NAMES.filter((name) => {
        const d = ARCHITECTURES[name];
        return (
          d.inputKind === 'sequence' &&
          ['binary', 'multitask'].includes(d.task(d.defaults as never))
        );
      });
      errors.push(
        userError(
          'architecture',
          'INCOMPATIBLE_ARCHITECTURE',
          `architecture "${input.architecture}" trains ${task} on ${definition.inputKind} input; this dataset holds labelled sequences (use ${fits.join(', ')})`,
        ),
      );
    }
    if ('tasks' in definition.defaults) config.tasks ??= 1;
  }
  const checked = validateArchitectureConfig(input.architecture, config, {
    length: dataset?.sequenceLength ?? Number.MAX_SAFE_INTEGER,
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
  if (errors.length || !dataset || !checked.ok) return { ok: false, errors };

  const run = new Run(
    dataset.project,
    dataset,
    input.architecture,
    { ...checked.config },
    seed,
    input.epochs,
    batchSize,
    learningRate,
  );
  em.persist(run);
  await em.flush();
  return { ok: true, value: run };
}
