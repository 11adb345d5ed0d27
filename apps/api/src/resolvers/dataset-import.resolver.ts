import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { targetProject } from '../auth/target-project.ts';
import { userError } from '../auth/access.ts';
import { importRoot, insideRoot } from '../auth/import-root.ts';
import type { StrandContext } from '../context.ts';
import { ImportDatasetInput } from '../inputs/import-dataset.input.ts';
import { JobPayload } from '../types/job-payloads.type.ts';
import { startJobFor } from './job.resolver.ts';

@Resolver()
export class DatasetImportResolver {
  @Mutation(() => JobPayload, {
    description:
      "Imports a file from the server (inside STRAND_IMPORT_DIR) as a job: follow it with jobProgress; its outputDataset is the dataset. Needs ADMIN of the project. A malformed record fails the job with file:line: reason and nothing is stored; what the format's common readers tolerate is read, and kept as Dataset.warnings (strict: refused).",
  })
  async importDataset(
    @Arg('input', () => ImportDatasetInput) input: ImportDatasetInput,
    @Ctx() ctx: StrandContext,
  ): Promise<JobPayload> {
    // Checked here too, before the import directory: a non-admin learns nothing about it.
    const target = targetProject(ctx.viewer, input.projectId, 'admin');
    if ('error' in target) return { job: null, userErrors: [target.error] };
    const root = importRoot();
    if (!root) {
      return {
        job: null,
        userErrors: [
          userError(
            'path',
            'IMPORT_DISABLED',
            'server-side import is off: set STRAND_IMPORT_DIR on the server',
          ),
        ],
      };
    }
    const path = await insideRoot(root, input.path);
    const labelsPath = input.labelsPath ? await insideRoot(root, input.labelsPath) : undefined;
    const referencePath = input.referencePath
      ? await insideRoot(root, input.referencePath)
      : undefined;
    const taskPaths = await Promise.all((input.taskPaths ?? []).map((p) => insideRoot(root, p)));
    const missing = !path
      ? ['path', input.path]
      : labelsPath === null
        ? ['labelsPath', input.labelsPath]
        : referencePath === null
          ? ['referencePath', input.referencePath]
          : taskPaths.includes(null)
            ? ['taskPaths', input.taskPaths?.[taskPaths.indexOf(null)]]
            : null;
    if (missing) {
      return {
        job: null,
        userErrors: [
          userError(
            missing[0] as string,
            'FILE_NOT_FOUND',
            `no file "${missing[1]}" in the import directory`,
          ),
        ],
      };
    }
    return startJobFor(ctx, 'IMPORT_DATASET', target.projectId, {
      kind: input.kind,
      path,
      labelsPath: labelsPath ?? null,
      name: input.name ?? null,
      labelColumn: input.labelColumn ?? null,
      featureColumns: input.featureColumns ?? null,
      profileColumn: input.profileColumn ?? null,
      genomeBuild: input.genomeBuild ?? null,
      orientation: input.orientation ?? null,
      strict: input.strict ?? false,
      ...(input.kind === 'intervals'
        ? {
            referencePath: referencePath ?? null,
            taskPaths: input.taskPaths ? (taskPaths as string[]) : null,
            windowWidth: input.windowWidth ?? null,
            negatives: input.negatives ?? null,
            seed: input.seed ?? null,
          }
        : {}),
    });
  }
}
