import { GraphQLError } from 'graphql';
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import {
  DataError,
  Dataset as DatasetEntity,
  Job as JobEntity,
  ModelVersion as ModelVersionEntity,
  paginate,
  Project as ProjectEntity,
  Run as RunEntity,
} from '@strand/data';
import type { JobKindName, JsonObject } from '@strand/data';
import type { JobProgressEvent, JobStatusEvent } from '@strand/jobs';
import { accessError } from '../auth/access.ts';
import { targetProject } from '../auth/target-project.ts';
import type { StrandContext } from '../context.ts';
import { checkPageSize } from '../limits/page-size.ts';
import { Dataset } from '../types/dataset.type.ts';
import { JobPayload } from '../types/job-payloads.type.ts';
import {
  Job,
  JobConnection,
  JobKind,
  JobProgress,
  JobProgressEvent as JobProgressEventType,
  JobStatus,
} from '../types/job.type.ts';
import { ModelVersion } from '../types/model-version.type.ts';
import { Project } from '../types/project.type.ts';
import { Run } from '../types/run.type.ts';
import { TrainingProgress } from '../types/training-progress.type.ts';
import { toUserErrors } from '../types/user-error.type.ts';
import { jobStream } from './job-stream.ts';
import { PaginationArgs } from './pagination.args.ts';
import { BOUNDS } from '../limits/bounds.ts';
import { ListBound } from '../limits/list-bound.ts';

@ArgsType()
class JobsArgs extends PaginationArgs {
  @Field(() => JobKind, { nullable: true })
  kind?: JobKind | null;

  @Field(() => JobStatus, { nullable: true })
  status?: JobStatus | null;
}

/**
 * Starts a job of `kind` in the target project for the caller, checking the role the kind needs;
 * every job-starting mutation goes through here.
 */
export async function startJobFor(
  { em, jobs, viewer }: StrandContext,
  kind: JobKindName,
  projectId: string | null | undefined,
  params: JsonObject,
): Promise<JobPayload> {
  const definition = jobs.jobKind(kind);
  if (!definition) {
    return {
      job: null,
      userErrors: toUserErrors([
        { field: null, code: 'UNAVAILABLE', message: `this server does not run ${kind} jobs` },
      ]),
    };
  }
  const target = targetProject(viewer, projectId, definition.role);
  if ('error' in target) return { job: null, userErrors: [target.error] };
  const outcome = await jobs.startJob(em, { projectId: target.projectId, kind, params });
  return outcome.ok
    ? { job: Job.from(outcome.value), userErrors: [] }
    : { job: null, userErrors: toUserErrors(outcome.errors) };
}

@Resolver(() => Job)
export class JobResolver {
  @Query(() => JobConnection, {
    description: "Jobs of the caller's projects, newest first; optionally of one kind or status.",
  })
  async jobs(@Args(() => JobsArgs) args: JobsArgs, @Ctx() { em, viewer }: StrandContext) {
    checkPageSize(args.first);
    const projects = args.projectId
      ? viewer.projectIds.filter((id) => id === args.projectId)
      : viewer.projectIds;
    try {
      const page = await paginate(em, JobEntity, {
        first: args.first,
        after: args.after,
        where: {
          project: { $in: projects },
          ...(args.kind ? { kind: args.kind } : {}),
          ...(args.status ? { status: args.status } : {}),
        },
      });
      return JobConnection.from(page, Job.from);
    } catch (error) {
      if (error instanceof DataError) {
        throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } });
      }
      throw error;
    }
  }

  @Query(() => Job, {
    nullable: true,
    description: 'A job by id; null when it does not exist or is in a project of others.',
  })
  async job(@Arg('id', () => ID) id: string, @Ctx() { em, viewer }: StrandContext) {
    const entity = await em.findOne(JobEntity, { id, project: { $in: viewer.projectIds } });
    return entity ? Job.from(entity) : null;
  }

  @Mutation(() => JobPayload, {
    description:
      'Cancels a queued job at once, or asks a running one to stop. Needs the role that starts that kind of job.',
  })
  async cancelJob(
    @Arg('id', () => ID) id: string,
    @Ctx() { em, jobs, viewer }: StrandContext,
  ): Promise<JobPayload> {
    const entity = await em.findOne(JobEntity, { id, project: { $in: viewer.projectIds } });
    const role = entity ? (jobs.jobKind(entity.kind)?.role ?? 'admin') : 'viewer';
    if (!entity) {
      return {
        job: null,
        userErrors: toUserErrors([
          { field: 'id', code: 'NOT_FOUND', message: `no job with id "${id}"` },
        ]),
      };
    }
    // A member whose role is too small learns FORBIDDEN (README: roles), not NOT_FOUND.
    const denied = accessError(viewer, entity.project.id, role, 'id', `no job with id "${id}"`);
    if (denied) return { job: null, userErrors: [denied] };
    const outcome = await jobs.cancelJob(em, id);
    return outcome.ok
      ? { job: Job.from(outcome.value), userErrors: [] }
      : { job: null, userErrors: toUserErrors(outcome.errors) };
  }

  @FieldResolver(() => Project)
  async project(@Root() job: Job, @Ctx() { em, viewer }: StrandContext) {
    const project = await em.findOneOrFail(ProjectEntity, { id: job.projectId });
    return Project.from(project, viewer.roleIn(project.id) ?? 'viewer');
  }

  @FieldResolver(() => Dataset, { nullable: true, description: 'Lineage: the dataset it read.' })
  async dataset(@Root() job: Job, @Ctx() { em }: StrandContext) {
    if (!job.datasetId) return null;
    const entity = await em.findOne(DatasetEntity, { id: job.datasetId });
    return entity ? Dataset.from(entity) : null;
  }

  @FieldResolver(() => Run, {
    nullable: true,
    description: 'Lineage: the run whose model it used.',
  })
  async run(@Root() job: Job, @Ctx() { em }: StrandContext) {
    if (!job.runId) return null;
    const entity = await em.findOne(RunEntity, { id: job.runId });
    return entity ? Run.from(entity) : null;
  }

  @FieldResolver(() => ModelVersion, {
    nullable: true,
    description: 'Lineage: the registered model version it used.',
  })
  async modelVersion(@Root() job: Job, @Ctx() { em }: StrandContext) {
    if (!job.modelVersionId) return null;
    const entity = await em.findOne(ModelVersionEntity, { id: job.modelVersionId });
    return entity ? ModelVersion.from(entity) : null;
  }

  @FieldResolver(() => Dataset, { nullable: true, description: 'The dataset it made (imports).' })
  async outputDataset(@Root() job: Job, @Ctx() { em }: StrandContext) {
    if (!job.outputDatasetId) return null;
    const entity = await em.findOne(DatasetEntity, { id: job.outputDatasetId });
    return entity ? Dataset.from(entity) : null;
  }

  @FieldResolver(() => [Run], {
    description: `The training runs it started (a sweep's trials; at most ${BOUNDS.jobRuns}).`,
  })
  @ListBound(BOUNDS.jobRuns)
  async runs(@Root() job: Job, @Ctx() { em }: StrandContext) {
    const runs = await em.find(
      RunEntity,
      { parentJob: job.id },
      { orderBy: { createdAt: 'asc' }, limit: BOUNDS.jobRuns },
    );
    return runs.map((run) => Run.from(run));
  }

  @Subscription(() => JobProgressEventType, {
    description:
      "A job's live progress (throttled), ending with an event with done: true and the final status.",
    subscribe: ({ args, context }) => jobStream(context as StrandContext, String(args.jobId)),
  })
  jobProgress(
    @Root() event: JobProgressEvent,
    @Arg('jobId', () => ID) _jobId: string,
  ): JobProgressEventType {
    return Object.assign(new JobProgressEventType(), {
      jobId: event.jobId,
      status: event.status as JobStatus,
      progress: JobProgress.from(event.progress),
      done: event.done,
      training: event.training
        ? TrainingProgress.from({ ...event.training, done: event.done })
        : null,
    });
  }

  @Subscription(() => Job, {
    topics: 'JOB_STATUS',
    filter: ({ payload, context }: { payload: JobStatusEvent; context: StrandContext }) =>
      context.viewer.canRead(payload.projectId),
    description: "A job of one of the caller's projects changed status.",
  })
  async jobStatusChanged(
    @Root() event: JobStatusEvent,
    @Ctx() { db }: StrandContext,
  ): Promise<Job> {
    return Job.from(await db.fork().findOneOrFail(JobEntity, { id: event.jobId }));
  }
}
