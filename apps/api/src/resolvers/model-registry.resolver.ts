import { GraphQLError } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  aliasesOf,
  findModelVersion,
  ModelArtifact as ModelArtifactEntity,
  ModelVersion as ModelVersionEntity,
  Project as ProjectEntity,
  registerModelVersion,
  registryPage,
  Run as RunEntity,
  setModelAlias,
} from '@strand/data';
import type { RegistryCursor } from '@strand/data';
import { targetProject } from '../auth/target-project.ts';
import { BOUNDS } from '../limits/bounds.ts';
import { ListBound } from '../limits/list-bound.ts';
import type { StrandContext } from '../context.ts';
import { ModelArtifact } from '../types/model-artifact.type.ts';
import { ModelVersion } from '../types/model-version.type.ts';
import { Project } from '../types/project.type.ts';
import { ModelAliasEntry, RegisteredModel } from '../types/registered-model.type.ts';
import { Run } from '../types/run.type.ts';
import { ModelVersionPayload } from '../types/tracking-payloads.type.ts';
import { runFor, trackingErrors } from './run-access.ts';

@Resolver(() => ModelVersion)
export class ModelRegistryResolver {
  @Mutation(() => ModelVersionPayload, {
    description:
      "Registers the model a SUCCEEDED run saved as the next version (1, 2, …) of `name` in the run's project. Needs EDITOR.",
  })
  async registerModel(
    @Arg('runId', () => ID) runId: string,
    @Arg('name', () => String) name: string,
    @Ctx() ctx: StrandContext,
  ): Promise<ModelVersionPayload> {
    const found = await runFor(ctx, runId, 'editor');
    if ('error' in found) return { modelVersion: null, userErrors: [found.error] };
    try {
      const version = await registerModelVersion(ctx.em, found.run, name, ctx.db.artifacts);
      return { modelVersion: ModelVersion.from(version), userErrors: [] };
    } catch (error) {
      return { modelVersion: null, userErrors: trackingErrors(error) };
    }
  }

  @Mutation(() => ModelVersionPayload, {
    description:
      'Points an alias (e.g. production, candidate) of a model at one of its versions, creating or moving it atomically (projectId may be left out when the caller has exactly one). Needs EDITOR.',
  })
  async setModelAlias(
    @Arg('name', () => String) name: string,
    @Arg('alias', () => String) alias: string,
    @Arg('version', () => Int) version: number,
    @Arg('projectId', () => ID, { nullable: true }) projectId: string | null,
    @Ctx() { em, viewer }: StrandContext,
  ): Promise<ModelVersionPayload> {
    const target = targetProject(viewer, projectId, 'editor');
    if ('error' in target) return { modelVersion: null, userErrors: [target.error] };
    try {
      const moved = await setModelAlias(em, target.projectId, name, alias, version);
      return { modelVersion: ModelVersion.from(moved), userErrors: [] };
    } catch (error) {
      return { modelVersion: null, userErrors: trackingErrors(error) };
    }
  }

  @Query(() => [RegisteredModel], {
    description: `Registered models of the caller's projects (or one of them), by name then project (at most ${BOUNDS.registeredModels}: for more, pass the last name as \`after\`).`,
  })
  @ListBound(BOUNDS.registeredModels)
  async registeredModels(
    @Arg('projectId', () => ID, { nullable: true }) projectId: string | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The cursor of the last model of the previous answer.',
    })
    after: string | null,
    @Arg('first', () => Int, {
      nullable: true,
      description: `Models in this answer: 1–${BOUNDS.registeredModels}, default ${BOUNDS.registeredModels}; outside that range the query fails (BAD_USER_INPUT). A smaller page keeps a query that selects versions under the cost limit.`,
    })
    first: number | null,
    @Ctx() { em, viewer }: StrandContext,
  ): Promise<RegisteredModel[]> {
    if (
      first != null &&
      (!Number.isInteger(first) || first < 1 || first > BOUNDS.registeredModels)
    ) {
      throw new GraphQLError(`first must be from 1 to ${BOUNDS.registeredModels}; got ${first}`, {
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' },
      });
    }
    const projectIds = readable(viewer.projectIds, projectId);
    const versions = await registryPage(
      em,
      projectIds,
      after ? decodeRegistryCursor(after) : null,
      {
        names: first ?? BOUNDS.registeredModels,
        versions: BOUNDS.modelVersions,
      },
    );
    const aliases = await aliasesOf(
      em,
      versions.map((v) => v.id),
    );
    const projects = new Map(
      (await em.find(ProjectEntity, { id: { $in: projectIds } })).map((p) => [p.id, p]),
    );
    const models = new Map<string, RegisteredModel>();
    for (const v of versions) {
      const key = `${v.project.id}/${v.name}`;
      let model = models.get(key);
      if (!model) {
        const project = projects.get(v.project.id) as ProjectEntity;
        model = Object.assign(new RegisteredModel(), {
          cursor: encodeRegistryCursor({ name: v.name, projectId: v.project.id }),
          name: v.name,
          project: Project.from(project, viewer.roleIn(project.id) ?? 'viewer'),
          latestVersion: 0,
          versions: [],
          aliases: [],
        });
        models.set(key, model);
      }
      model.latestVersion = v.version;
      model.versions.push(ModelVersion.from(v));
      for (const alias of aliases.get(v.id) ?? []) {
        model.aliases.push(Object.assign(new ModelAliasEntry(), { alias, version: v.version }));
      }
    }
    for (const model of models.values())
      model.aliases.sort((a, b) => a.alias.localeCompare(b.alias));
    return [...models.values()];
  }

  @Query(() => ModelVersion, {
    nullable: true,
    description:
      'A version of a registered model, by number or by alias (give exactly one); null when there is none the caller can read. projectId is needed only when the name exists in several of the caller’s projects.',
  })
  async modelVersion(
    @Arg('name', () => String) name: string,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Arg('alias', () => String, { nullable: true }) alias: string | null,
    @Arg('projectId', () => ID, { nullable: true }) projectId: string | null,
    @Ctx() { em, viewer }: StrandContext,
  ): Promise<ModelVersion | null> {
    if ((version == null) === (alias == null)) {
      throw new GraphQLError('give exactly one of version and alias', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    const projectIds = readable(viewer.projectIds, projectId);
    const holders = await em.find(
      ModelVersionEntity,
      { project: { $in: projectIds }, name, version: 1 },
      { limit: 2 },
    );
    if (holders.length > 1) {
      throw new GraphQLError(
        `model "${name}" exists in more than one of your projects; give projectId`,
        { extensions: { code: 'BAD_USER_INPUT', argumentName: 'projectId' } },
      );
    }
    const found = await findModelVersion(
      em,
      projectIds,
      name,
      version != null ? { version } : { alias: alias as string },
    );
    return found ? ModelVersion.from(found) : null;
  }

  @FieldResolver(() => [String], { description: 'The aliases pointing at this version.' })
  async aliases(@Root() version: ModelVersion, @Ctx() { em }: StrandContext): Promise<string[]> {
    return (await aliasesOf(em, [version.id])).get(version.id) ?? [];
  }

  @FieldResolver(() => Run, { description: 'The run that trained it.' })
  async run(@Root() version: ModelVersion, @Ctx() { em }: StrandContext): Promise<Run> {
    return Run.from(await em.findOneOrFail(RunEntity, { id: version.runId }));
  }

  @FieldResolver(() => ModelArtifact, { description: 'The stored model.' })
  async artifact(@Root() version: ModelVersion, @Ctx() { em }: StrandContext) {
    return ModelArtifact.from(
      await em.findOneOrFail(ModelArtifactEntity, { id: version.artifactId }),
    );
  }

  @FieldResolver(() => Project)
  async project(@Root() version: ModelVersion, @Ctx() { em, viewer }: StrandContext) {
    const project = await em.findOneOrFail(ProjectEntity, { id: version.projectId });
    return Project.from(project, viewer.roleIn(project.id) ?? 'viewer');
  }
}

/** The caller's projects, or only `projectId` when given (none when it is not theirs). */
function encodeRegistryCursor(cursor: RegistryCursor): string {
  return Buffer.from(JSON.stringify([cursor.name, cursor.projectId])).toString('base64url');
}

/** The position a registry cursor names; BAD_USER_INPUT when it is not one. */
function decodeRegistryCursor(text: string): RegistryCursor {
  try {
    const [name, projectId] = JSON.parse(
      Buffer.from(text, 'base64url').toString('utf8'),
    ) as unknown[];
    if (typeof name === 'string' && typeof projectId === 'string') return { name, projectId };
  } catch {
    // falls through to the error below
  }
  throw new GraphQLError(`after: "${text.slice(0, 60)}" is not a registry cursor`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

function readable(mine: string[], projectId: string | null): string[] {
  return projectId == null ? mine : mine.filter((id) => id === projectId);
}
