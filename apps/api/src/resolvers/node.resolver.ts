import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import {
  Dataset as DatasetEntity,
  Job as JobEntity,
  ModelVersion as ModelVersionEntity,
  Project as ProjectEntity,
  Run as RunEntity,
} from '@strand/data';
import type { StrandContext } from '../context.ts';
import { Dataset } from '../types/dataset.type.ts';
import { Job } from '../types/job.type.ts';
import { ModelVersion } from '../types/model-version.type.ts';
import { Node } from '../types/node.interface.ts';
import { Project } from '../types/project.type.ts';
import { Run } from '../types/run.type.ts';

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'Any Run, Dataset, Job, ModelVersion or Project by its id; null when none exists or it is in a project of others.',
  })
  async node(@Arg('id', () => ID) id: string, @Ctx() { em, viewer }: StrandContext) {
    // Ids are UUIDs unique across tables, so looking in each table in turn finds at most one.
    const mine = { $in: viewer.projectIds };
    const run = await em.findOne(RunEntity, { id, project: mine });
    if (run) return Run.from(run);
    const dataset = await em.findOne(DatasetEntity, { id, project: mine });
    if (dataset) return Dataset.from(dataset);
    const version = await em.findOne(ModelVersionEntity, { id, project: mine });
    if (version) return ModelVersion.from(version);
    const job = await em.findOne(JobEntity, { id, project: mine });
    if (job) return Job.from(job);
    if (!viewer.canRead(id)) return null; // a project id is readable when the caller is a member
    const project = await em.findOne(ProjectEntity, { id });
    return project ? Project.from(project, viewer.roleIn(id) ?? 'viewer') : null;
  }
}
