/**
 * The trained model a scoring or explanation job applies, chosen as a run, a registered model
 * version, or a model name + alias — resolved inside the job's project when the job is started,
 * so a later alias move or registration never changes what a queued or resumed job uses.
 */
import { sha256OfFiles } from '@strand/genomics';
import type { EntityManager } from '@mikro-orm/core';
import { findModelVersion, ModelArtifact, ModelVersion, Run } from '@strand/data';
import type { JsonObject, StrandDatabase } from '@strand/data';
import { ARCHITECTURES, architectureTask, isArchitectureName, MODEL_FILES } from '@strand/models';
import type { ArchitectureConfig, ArchitectureTask } from '@strand/models';
import { userError } from '../errors/user-error.ts';
import type { Outcome, UserError } from '../errors/user-error.ts';
import type { JobLineage } from '../platform/job-kind.ts';

/** How a caller names the model: exactly one of a run, a version, or a name with an alias. */
export interface ModelChoice {
  runId?: string | null;
  modelVersionId?: string | null;
  modelName?: string | null;
  alias?: string | null;
}

/** The resolved model: where its files are and what it is. */
export interface JobModel {
  runId: string;
  modelVersionId: string | null;
  /** The model directory, relative to the artifact root. */
  modelPath: string;
  architecture: string;
  inputLength: number;
  labelNames: string[];
  task: ArchitectureTask;
  /** SHA-256 of the data the model was trained on (as its run recorded it). */
  dataChecksum: string | null;
  /** SHA-256 of model.json followed by weights.bin: which exact weights were applied. */
  modelSha256: string;
  /** Its architecture config (strand.json). */
  config?: Record<string, unknown>;
  /** Channels per input position when not 4 (strand.json's inputChannels). */
  inputChannels?: number;
}

/**
 * What the job does with the model: `sequence` (scoring, explanation, motifs) needs a DNA
 * sequence model with one output per sequence; `pileup` (variant calling) a `pileup` genotyper;
 * `transfer` (training initialised from it) any model of a known architecture.
 */
export type ModelPurpose = 'sequence' | 'pileup' | 'transfer';

/** Tasks a one-output sequence model can have for scoring and explanation. */
const APPLICABLE_TASKS: readonly ArchitectureTask[] = ['binary', 'multitask', 'regression'];

const fail = (error: UserError): Outcome<never> => ({ ok: false, errors: [error] });

/** Resolves and checks the chosen model in `projectId` (see file comment). */
export async function resolveJobModel(
  em: EntityManager,
  db: StrandDatabase,
  projectId: string,
  choice: ModelChoice,
  purpose: ModelPurpose = 'sequence',
): Promise<Outcome<JobModel>> {
  const ways = [
    choice.runId != null,
    choice.modelVersionId != null,
    choice.modelName != null || choice.alias != null,
  ].filter(Boolean).length;
  if (ways !== 1) {
    return fail(
      userError(
        'model',
        ways === 0 ? 'MODEL_REQUIRED' : 'AMBIGUOUS_MODEL',
        'name the model by exactly one of runId, modelVersionId, or modelName with alias',
      ),
    );
  }
  let run: Run | null;
  let version: ModelVersion | null = null;
  let artifact: ModelArtifact | null;
  if (choice.runId != null) {
    run = await em.findOne(Run, { id: choice.runId, project: projectId });
    if (!run) return fail(userError('runId', 'NOT_FOUND', `no run with id "${choice.runId}"`));
    if (run.status !== 'SUCCEEDED') {
      return fail(
        userError(
          'runId',
          'RUN_NOT_SUCCEEDED',
          `run ${run.id} is ${run.status}; only a SUCCEEDED run has a model to apply`,
        ),
      );
    }
    artifact = await em.findOne(
      ModelArtifact,
      { run: run.id },
      { orderBy: { createdAt: 'desc', id: 'desc' } },
    );
    if (!artifact) return fail(userError('runId', 'NO_MODEL', `run ${run.id} stored no model`));
  } else {
    if (choice.modelVersionId != null) {
      version = await em.findOne(ModelVersion, { id: choice.modelVersionId, project: projectId });
      if (!version) {
        const message = `no model version with id "${choice.modelVersionId}"`;
        return fail(userError('modelVersionId', 'NOT_FOUND', message));
      }
    } else {
      if (choice.modelName == null || choice.alias == null) {
        const field = choice.modelName == null ? 'modelName' : 'alias';
        return fail(userError(field, 'REQUIRED', 'modelName and alias go together'));
      }
      version = await findModelVersion(em, [projectId], choice.modelName, {
        alias: choice.alias,
      });
      if (!version) {
        const message = `model "${choice.modelName.slice(0, 100)}" has no alias "${choice.alias.slice(0, 60)}"`;
        return fail(userError('alias', 'NOT_FOUND', message));
      }
    }
    run = await em.findOneOrFail(Run, { id: version.run.id });
    artifact = await em.findOneOrFail(ModelArtifact, { id: version.artifact.id });
  }
  return describeModel(db, run, version, artifact, purpose);
}

async function describeModel(
  db: StrandDatabase,
  run: Run,
  version: ModelVersion | null,
  artifact: ModelArtifact,
  purpose: ModelPurpose,
): Promise<Outcome<JobModel>> {
  const field = version ? 'modelVersionId' : 'runId';
  const missing = () =>
    fail(userError(field, 'NO_MODEL', `the model files of run ${run.id} are missing`));
  let metadata: Record<string, unknown>;
  try {
    const text = (await db.artifacts.read(`${artifact.path}/${MODEL_FILES.metadata}`)).toString();
    metadata = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return missing();
  }
  const architecture = String(metadata['architecture']);
  const inputLength = metadata['inputLength'];
  const task = modelTask(purpose, run, field, architecture, inputLength, metadata);
  if (!task.ok) return task;
  return fingerprinted(
    db,
    run,
    version,
    artifact,
    architecture,
    inputLength as number,
    metadata,
    task.value,
  );
}

/** The task of a stored model, if it can serve `purpose`; the located refusal otherwise. */
function modelTask(
  purpose: ModelPurpose,
  run: Run,
  field: string,
  architecture: string,
  inputLength: unknown,
  metadata: Record<string, unknown>,
): Outcome<ArchitectureTask> {
  const taskOf = (): ArchitectureTask | null => {
    try {
      return isArchitectureName(architecture)
        ? architectureTask(architecture, metadata['config'] as ArchitectureConfig)
        : null;
    } catch {
      return null;
    }
  };
  if (purpose === 'pileup') {
    if (architecture !== 'pileup' || !Number.isInteger(inputLength)) {
      return fail(
        userError(
          field,
          'NOT_A_PILEUP_MODEL',
          `the model of run ${run.id} (${architecture}) cannot call variants; give a pileup model (strand call train)`,
        ),
      );
    }
    return { ok: true, value: 'multiclass' };
  }
  if (purpose === 'transfer') {
    const task = taskOf();
    if (task === null || !Number.isInteger(inputLength)) {
      const message = `the model of run ${run.id} (${architecture}) is not a model Strand can train from`;
      return fail(userError(field, 'INVALID_MODEL', message));
    }
    return { ok: true, value: task };
  }
  const sequence =
    isArchitectureName(architecture) && ARCHITECTURES[architecture].inputKind === 'sequence';
  const task = sequence ? taskOf() : null;
  if (
    task === null ||
    !APPLICABLE_TASKS.includes(task) ||
    metadata['alphabet'] !== 'ACGT' ||
    !Number.isInteger(inputLength)
  ) {
    return fail(
      userError(
        field,
        'NOT_A_SEQUENCE_MODEL',
        `the model of run ${run.id} (${architecture}${task ? `, ${task}` : ''}) is not a DNA sequence model with one output per sequence; scoring and explanation need one (e.g. deepbind, deepsea, danq, basset)`,
      ),
    );
  }
  return { ok: true, value: task };
}

/** The resolved model, with the SHA-256 of its weights (NO_MODEL when its files are gone). */
async function fingerprinted(
  db: StrandDatabase,
  run: Run,
  version: ModelVersion | null,
  artifact: ModelArtifact,
  architecture: string,
  inputLength: number,
  metadata: Record<string, unknown>,
  task: ArchitectureTask,
): Promise<Outcome<JobModel>> {
  const field = version ? 'modelVersionId' : 'runId';
  let modelSha256: string;
  try {
    modelSha256 = await sha256OfFiles([
      await db.artifacts.pull(`${artifact.path}/${MODEL_FILES.topology}`),
      await db.artifacts.pull(`${artifact.path}/${MODEL_FILES.weights}`),
    ]);
  } catch {
    return fail(userError(field, 'NO_MODEL', `the model files of run ${run.id} are missing`));
  }
  return {
    ok: true,
    value: {
      runId: run.id,
      modelVersionId: version?.id ?? null,
      modelPath: artifact.path,
      architecture,
      inputLength,
      labelNames: Array.isArray(metadata['labelNames']) ? metadata['labelNames'].map(String) : [],
      task,
      dataChecksum: run.dataChecksum,
      modelSha256,
      ...(isRecord(metadata['config']) ? { config: metadata['config'] } : {}),
      ...(typeof metadata['inputChannels'] === 'number'
        ? { inputChannels: metadata['inputChannels'] }
        : {}),
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Longest model reference taken (`name@alias` or an id). */
export const MODEL_REF_MAX_LENGTH = 300;

/**
 * The ways one string may name a model (`strand call --model`, `callVariants(model:)`): a
 * SUCCEEDED run's id or a registered version's id (a UUID is tried as both), or `NAME@ALIAS`
 * (the last `@` splits). INVALID_MODEL on `field` when it is none of these.
 */
export function modelRefChoices(value: string, field = 'model'): Outcome<ModelChoice[]> {
  const ref = value.trim();
  if (ref.length > MODEL_REF_MAX_LENGTH) {
    const message = `the model reference must be at most ${MODEL_REF_MAX_LENGTH} characters`;
    return fail(userError(field, 'INVALID_MODEL', message));
  }
  if (UUID.test(ref)) return { ok: true, value: [{ runId: ref }, { modelVersionId: ref }] };
  const at = ref.lastIndexOf('@');
  if (at > 0 && at < ref.length - 1) {
    return { ok: true, value: [{ modelName: ref.slice(0, at), alias: ref.slice(at + 1) }] };
  }
  const message = `"${ref.slice(0, 100)}" names no model: give a run id, a model version id, or NAME@ALIAS`;
  return fail(userError(field, 'INVALID_MODEL', message));
}

/**
 * The model one string names (see {@link modelRefChoices}), resolved in `projectId` for
 * `purpose`, every error on `field`. An id that is neither a run nor a version of the project is
 * NOT_FOUND, as is a name or alias the project does not have: another project's models are
 * never seen.
 */
export async function resolveModelRef(
  em: EntityManager,
  db: StrandDatabase,
  projectId: string,
  value: string,
  purpose: ModelPurpose,
  field = 'model',
): Promise<Outcome<JobModel>> {
  const choices = modelRefChoices(value, field);
  if (!choices.ok) return choices;
  let error: UserError | undefined;
  for (const choice of choices.value) {
    const found = await resolveJobModel(em, db, projectId, choice, purpose);
    if (found.ok) return found;
    const [e] = found.errors;
    // A run id that is no run may be a version id: keep looking; report the most telling error.
    if (e && (e.code !== 'NOT_FOUND' || !error)) error = e;
  }
  return fail({ ...(error ?? userError(field, 'NOT_FOUND', 'no such model')), field });
}

/**
 * The lineage of a job that applies model `m` (and reads `dataset`, when one): the run, the
 * version and the checksums that say exactly which model and data; `details` adds the rest.
 */
export function modelLineage(
  m: JobModel,
  dataset: { id: string; checksum?: string | null } | null,
  details: JsonObject = {},
): JobLineage {
  return {
    datasetId: dataset?.id ?? null,
    runId: m.runId,
    modelVersionId: m.modelVersionId,
    details: {
      ...(dataset ? { datasetChecksum: dataset.checksum ?? null } : {}),
      modelDataChecksum: m.dataChecksum,
      modelSha256: m.modelSha256,
      architecture: m.architecture,
      ...details,
    },
  };
}
