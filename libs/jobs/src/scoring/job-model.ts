/**
 * The trained model a scoring or explanation job applies, chosen as a run, a registered model
 * version, or a model name + alias — resolved inside the job's project when the job is started,
 * so a later alias move or registration never changes what a queued or resumed job uses.
 */
import { sha256OfFiles } from '@strand/genomics';
import type { EntityManager } from '@mikro-orm/core';
import { findModelVersion, ModelArtifact, ModelVersion, Run } from '@strand/data';
import type { StrandDatabase } from '@strand/data';
import { ARCHITECTURES, architectureTask, isArchitectureName, MODEL_FILES } from '@strand/models';
import type { ArchitectureConfig, ArchitectureTask } from '@strand/models';
import { userError } from '../errors/user-error.ts';
import type { Outcome, UserError } from '../errors/user-error.ts';

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
}

/** Tasks a one-output sequence model can have for scoring and explanation. */
const APPLICABLE_TASKS: readonly ArchitectureTask[] = ['binary', 'multitask', 'regression'];

const fail = (error: UserError): Outcome<never> => ({ ok: false, errors: [error] });

/** Resolves and checks the chosen model in `projectId` (see file comment). */
export async function resolveJobModel(
  em: EntityManager,
  db: StrandDatabase,
  projectId: string,
  choice: ModelChoice,
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
  return describeModel(db, run, version, artifact);
}

async function describeModel(
  db: StrandDatabase,
  run: Run,
  version: ModelVersion | null,
  artifact: ModelArtifact,
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
  let task: ArchitectureTask | null = null;
  if (isArchitectureName(architecture) && ARCHITECTURES[architecture].inputKind === 'sequence') {
    try {
      task = architectureTask(architecture, metadata['config'] as ArchitectureConfig);
    } catch {
      task = null;
    }
  }
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
  let modelSha256: string;
  try {
    modelSha256 = await sha256OfFiles([
      db.artifacts.resolve(`${artifact.path}/${MODEL_FILES.topology}`),
      db.artifacts.resolve(`${artifact.path}/${MODEL_FILES.weights}`),
    ]);
  } catch {
    return missing();
  }
  return {
    ok: true,
    value: {
      runId: run.id,
      modelVersionId: version?.id ?? null,
      modelPath: artifact.path,
      architecture,
      inputLength: inputLength as number,
      labelNames: Array.isArray(metadata['labelNames']) ? metadata['labelNames'].map(String) : [],
      task,
      dataChecksum: run.dataChecksum,
      modelSha256,
    },
  };
}
