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
import type { StrandDatabase } from '@strand/data';
import { initConfig, initFromProblems, readFreeze } from '../learning/init-from.ts';
import { resolveModelRef } from '../scoring/job-model.ts';
import type { JobModel } from '../scoring/job-model.ts';
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
  /**
   * Transfer learning: the model to start from, as a run id, a model version id or NAME@ALIAS
   * of the run's project (learning/init-from.ts); its trunk config is the run's default config.
   */
  initFrom?: string | null;
  /** With initFrom: none (default), N (the first N layers with weights), conv or all-but-head. */
  freeze?: string | null;
  /** Live interpretation: up to MAX_PROBES DNA sequences of the dataset's length. */
  probes?: readonly string[] | null;
}

export const TRAINING_DEFAULTS = { batchSize: 64, learningRate: 1e-3, seed: 42 } as const;
export const TRAINING_LIMITS = { epochs: [1, 1000], batchSize: [1, 4096] } as const;

/** Validates a training request and stores the run as QUEUED; the caller enqueues it. */
export async function createTrainingRun(
  em: EntityManager,
  input: StartTrainingInput,
  /** Where stored models are: needed to resolve initFrom. */
  db?: StrandDatabase,
): Promise<Outcome<Run>> {
  const errors: UserError[] = [];
  const freeze = readFreeze(input.freeze);
  if (!freeze.ok) errors.push(freeze.error);
  let source: JobModel | undefined;
  if (input.initFrom != null) {
    if (!db) throw new Error('createTrainingRun: initFrom needs the database');
    const found = await resolveModelRef(
      em,
      db,
      input.projectId,
      input.initFrom,
      'transfer',
      'initFrom',
    );
    if (found.ok) source = found.value;
    else errors.push(...found.errors);
  } else if (freeze.ok && freeze.value !== 'none') {
    errors.push(
      userError('freeze', 'INVALID_VALUE', 'freeze needs initFrom (the model to start from)'),
    );
  }
  const givenConfig =
    source && source.architecture === input.architecture
      ? initConfig(source.config ?? {}, input.config)
      : (input.config ?? {});
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
    const encoded = encodedShape(found.shape, options.value);
    if (source) {
      const from = { ...source, ref: input.initFrom ?? source.runId };
      errors.push(
        ...initFromProblems(from, input.architecture, encoded, `dataset "${dataset.name}"`),
      );
    }
    const checked = checkArchitectureForData(
      input.architecture,
      encoded,
      givenConfig,
      `dataset "${dataset.name}"`,
    );
    if (checked.ok) config = checked.config;
    else for (const e of checked.errors) errors.push(userError(e.field, e.code, e.message));
  } else {
    // No usable dataset: still report what is wrong with the architecture and config.
    const checked = validateArchitectureConfig(input.architecture, givenConfig, {
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
  const stored = {
    ...storedTrainingOptions(options.value),
    // Lineage: the exact model the run starts from (an alias moved later changes nothing).
    ...(source
      ? {
          initFrom: {
            model: input.initFrom ?? source.runId,
            runId: source.runId,
            modelVersionId: source.modelVersionId,
            architecture: source.architecture,
            modelSha256: source.modelSha256,
            path: source.modelPath,
          },
          ...(freeze.ok && freeze.value !== 'none' ? { freeze: freeze.value } : {}),
        }
      : {}),
  };
  run.trainingOptions = Object.keys(stored).length ? stored : null;
  run.probes = probes.value.length ? probes.value : null;
  em.persist(run);
  await em.flush();
  return { ok: true, value: run };
}
