import { realpath } from 'node:fs/promises';
import { isAbsolute, join, sep } from 'node:path';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { importDataset } from '@strand/jobs';
import { targetProject } from '../auth/target-project.ts';
import { userError } from '../auth/access.ts';
import type { StrandContext } from '../context.ts';
import { ImportDatasetInput } from '../inputs/import-dataset.input.ts';
import { Dataset } from '../types/dataset.type.ts';
import { CreateDatasetPayload } from '../types/payloads.type.ts';
import { toUserErrors } from '../types/user-error.type.ts';

/**
 * Server-side files are read only from one directory, so a project admin cannot make the server
 * read (and echo in parse errors) files elsewhere on the machine.
 */
export function importRoot(): string | null {
  return process.env.STRAND_IMPORT_DIR ?? null;
}

async function insideRoot(root: string, path: string): Promise<string | null> {
  const full = isAbsolute(path) ? path : join(root, path);
  const [real, realRoot] = await Promise.all([
    realpath(full).catch(() => null),
    realpath(root).catch(() => null),
  ]);
  if (!real || !realRoot) return null;
  return real === realRoot || real.startsWith(realRoot + sep) ? real : null;
}

@Resolver()
export class DatasetImportResolver {
  @Mutation(() => CreateDatasetPayload, {
    description:
      'Imports a file from the server (inside STRAND_IMPORT_DIR). Needs ADMIN of the project. A malformed record fails with file:line: reason and nothing is stored.',
  })
  async importDataset(
    @Arg('input', () => ImportDatasetInput) input: ImportDatasetInput,
    @Ctx() { em, db, viewer }: StrandContext,
  ): Promise<CreateDatasetPayload> {
    const target = targetProject(viewer, input.projectId, 'admin');
    if ('error' in target) return { dataset: null, userErrors: [target.error] };
    const root = importRoot();
    if (!root) {
      return {
        dataset: null,
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
    if (!path || labelsPath === null) {
      const field = path ? 'labelsPath' : 'path';
      const given = path ? input.labelsPath : input.path;
      return {
        dataset: null,
        userErrors: [
          userError(field, 'FILE_NOT_FOUND', `no file "${given}" in the import directory`),
        ],
      };
    }
    const outcome = await importDataset(em, db.artifacts, {
      ...input,
      projectId: target.projectId,
      path,
      labelsPath,
    });
    return outcome.ok
      ? { dataset: Dataset.from(outcome.value), userErrors: [] }
      : { dataset: null, userErrors: toUserErrors(outcome.errors) };
  }
}
