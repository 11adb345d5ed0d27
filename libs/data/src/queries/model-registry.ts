import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { ArtifactStore } from '../artifacts/artifact-store.ts';
import type { EntityManager } from '@mikro-orm/core';
import { ModelAlias } from '../entities/model-alias.entity.ts';
import { ModelArtifact } from '../entities/model-artifact.entity.ts';
import { ModelVersion } from '../entities/model-version.entity.ts';
import { Project } from '../entities/project.entity.ts';
import type { Run } from '../entities/run.entity.ts';
import { TrackingError } from '../errors/tracking-error.ts';

/** Aliases one model name may have (setModelAlias refuses one more with TOO_MANY_ALIASES). */
export const MAX_ALIASES_PER_MODEL = 50;

const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const ALIAS = /^[a-z][a-z0-9_-]{0,49}$/;

/** Checks a registered model's name: 1–100 of letters, digits, `.`, `_`, `-`. */
export function checkModelName(name: string): string {
  if (!MODEL_NAME.test(name)) {
    throw new TrackingError(
      'BAD_MODEL_NAME',
      'name',
      `model name "${name.slice(0, 100)}" must be 1–100 letters, digits, ".", "_" or "-", starting with a letter or digit`,
    );
  }
  return name;
}

/** Checks an alias: lower-case, starts with a letter (so it never reads as a version number). */
export function checkAlias(alias: string): string {
  if (!ALIAS.test(alias)) {
    throw new TrackingError(
      'BAD_ALIAS',
      'alias',
      `alias "${alias.slice(0, 60)}" must be 1–50 lower-case letters, digits, "_" or "-", starting with a letter`,
    );
  }
  return alias;
}

/**
 * Registers the model a SUCCEEDED run saved as the next version of `name` in the run's project
 * (1 for a new name). RUN_NOT_SUCCEEDED / NO_MODEL_ARTIFACT when there is nothing to register;
 * given the artifact store, MODEL_FILES_MISSING when the saved model's files are gone.
 */
export async function registerModelVersion(
  em: EntityManager,
  run: Run,
  name: string,
  artifacts?: ArtifactStore,
): Promise<ModelVersion> {
  checkModelName(name);
  if (run.status !== 'SUCCEEDED') {
    throw new TrackingError(
      'RUN_NOT_SUCCEEDED',
      'runId',
      `run ${run.id} is ${run.status}; only a SUCCEEDED run can be registered`,
    );
  }
  const artifact = await em.findOne(
    ModelArtifact,
    { run: run.id },
    { orderBy: { createdAt: 'desc', id: 'desc' } },
  );
  if (!artifact) {
    throw new TrackingError('NO_MODEL_ARTIFACT', 'runId', `run ${run.id} stored no model`);
  }
  if (artifacts && !(await artifacts.exists(`${artifact.path}/model.json`))) {
    throw new TrackingError(
      'MODEL_FILES_MISSING',
      'runId',
      `the model files of run ${run.id} are gone from the artifact store; train it again to register it`,
    );
  }
  // The unique (project, name, version) key settles a race between two registrations: the
  // loser reads the new maximum and tries the next number.
  for (let attempt = 0; ; attempt++) {
    try {
      return await em.transactional(async (tx) => {
        const latest = await tx.findOne(
          ModelVersion,
          { project: run.project.id, name },
          { orderBy: { version: 'desc' } },
        );
        const version = new ModelVersion(
          run.project,
          name,
          (latest?.version ?? 0) + 1,
          run,
          artifact,
        );
        tx.persist(version);
        return version;
      });
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException) || attempt >= 4) throw error;
    }
  }
}

/**
 * Points `alias` of model `name` at `version`, creating or moving it in one upsert (atomic:
 * readers see the old target or the new one). NOT_FOUND when that version does not exist.
 */
export async function setModelAlias(
  em: EntityManager,
  projectId: string,
  name: string,
  alias: string,
  version: number,
): Promise<ModelVersion> {
  checkAlias(alias);
  const target = await em.findOne(ModelVersion, { project: projectId, name, version });
  if (!target) {
    throw new TrackingError(
      'NOT_FOUND',
      'version',
      `model "${name.slice(0, 100)}" has no version ${version}`,
    );
  }
  const existing = await em.count(ModelAlias, { project: projectId, name, alias });
  if (
    !existing &&
    (await em.count(ModelAlias, { project: projectId, name })) >= MAX_ALIASES_PER_MODEL
  ) {
    throw new TrackingError(
      'TOO_MANY_ALIASES',
      'alias',
      `model "${name.slice(0, 100)}" has ${MAX_ALIASES_PER_MODEL} aliases, the most it may have; move one instead`,
    );
  }
  await em.upsert(
    ModelAlias,
    new ModelAlias(em.getReference(Project, projectId), name, alias, target),
    {
      onConflictFields: ['project', 'name', 'alias'],
      onConflictAction: 'merge',
      onConflictMergeFields: ['version', 'updatedAt'],
    },
  );
  return target;
}

/** A version of a model by number or by alias, in one of `projectIds`; null when none. */
export async function findModelVersion(
  em: EntityManager,
  projectIds: readonly string[],
  name: string,
  ref: { version: number } | { alias: string },
): Promise<ModelVersion | null> {
  const project = { $in: [...projectIds] };
  if ('version' in ref) return em.findOne(ModelVersion, { project, name, version: ref.version });
  const alias = await em.findOne(
    ModelAlias,
    { project, name, alias: ref.alias },
    { populate: ['version'] },
  );
  return alias ? alias.version.getEntity() : null;
}

/** The aliases of each model version (versions without one are absent). */
export async function aliasesOf(
  em: EntityManager,
  versionIds: readonly string[],
): Promise<Map<string, string[]>> {
  const rows = await em.find(
    ModelAlias,
    { version: { $in: [...versionIds] } },
    { orderBy: { alias: 'asc' } },
  );
  const byVersion = new Map<string, string[]>();
  for (const row of rows) {
    byVersion.set(row.version.id, [...(byVersion.get(row.version.id) ?? []), row.alias]);
  }
  return byVersion;
}

/** Where a page of the registry starts: after this (name, project) pair. */
export interface RegistryCursor {
  name: string;
  projectId: string;
}

/**
 * One page of the registry of `projectIds`: the first `names` model names (by name, then project)
 * after `after`, and the latest `versions` versions of each, oldest first. Bounded whatever the
 * registry holds: one query for the names, one per name for its versions.
 */
export async function registryPage(
  em: EntityManager,
  projectIds: readonly string[],
  after: RegistryCursor | null,
  limits: { names: number; versions: number },
): Promise<ModelVersion[]> {
  if (projectIds.length === 0) return [];
  // Plain SQL (DISTINCT and a two-column keyset), the same on SQLite and PostgreSQL.
  const marks = projectIds.map(() => '?').join(', ');
  const keyset = after ? 'and (name > ? or (name = ? and project_id > ?))' : '';
  const keys: { name: string; project_id: string }[] = await em
    .getConnection()
    .execute(
      `select distinct name, project_id from model_version where project_id in (${marks}) ${keyset} order by name, project_id limit ?`,
      [...projectIds, ...(after ? [after.name, after.name, after.projectId] : []), limits.names],
    );
  const pages: ModelVersion[][] = [];
  for (const key of keys) {
    const versions = await em.find(
      ModelVersion,
      { project: key.project_id, name: key.name },
      { orderBy: { version: 'desc' }, limit: limits.versions },
    );
    pages.push(versions.reverse());
  }
  return pages.flat();
}
