/**
 * IMPORT_DATASET: importDataset (datasets/import-dataset.ts) as a job, so a long import reports
 * progress and never holds a request open. Atomic as before: a failed or cancelled import leaves
 * nothing visible, so a job recovered after a crash simply imports again.
 */
import type { JsonObject } from '@strand/data';
import { checkImportInput, importDataset } from '../datasets/import-dataset.ts';
import type { ImportDatasetInput } from '../datasets/import-dataset.ts';
import type { JobKind } from '../platform/job-kind.ts';
import { JobError } from '../platform/job-kind.ts';

export type ImportJobParams = Omit<ImportDatasetInput, 'projectId'> & JsonObject;

export const IMPORT_DATASET_KIND: JobKind<ImportJobParams> = {
  name: 'IMPORT_DATASET',
  role: 'admin',
  async prepare(em, _db, projectId, raw) {
    const input = raw as unknown as ImportDatasetInput;
    const checked = await checkImportInput(em, { ...input, projectId });
    if (!checked.ok) return checked;
    const params: ImportJobParams = {
      kind: input.kind,
      path: input.path,
      name: input.name ?? null,
      labelsPath: input.labelsPath ?? null,
      labelColumn: input.labelColumn ?? null,
      featureColumns: input.featureColumns ?? null,
      profileColumn: input.profileColumn ?? null,
      genomeBuild: input.genomeBuild ?? null,
      orientation: input.orientation ?? null,
      strict: input.strict ?? false,
      ...(input.kind === 'intervals'
        ? {
            referencePath: input.referencePath ?? null,
            taskPaths: input.taskPaths ?? null,
            windowWidth: input.windowWidth ?? null,
            negatives: input.negatives ?? null,
            seed: input.seed ?? null,
          }
        : {}),
    };
    return { ok: true, value: { params, lineage: { details: { importKind: input.kind } } } };
  },
  async run({ em, db, projectId, params, progress, signal }) {
    const outcome = await importDataset(
      em,
      db.artifacts,
      { ...params, projectId },
      {
        onProgress: (p) =>
          progress({
            done: p.done,
            total: p.total ?? null,
            unit: p.unit,
            message: `${p.phase}: ${p.message ?? `${p.records} records`}`,
          }),
        signal,
      },
    );
    if (!outcome.ok) throw new JobError(outcome.errors.map((e) => e.message).join('; '));
    const dataset = outcome.value;
    return {
      result: {
        datasetId: dataset.id,
        records: dataset.recordCount,
        checksum: dataset.checksum,
        // The import summary: warnings per rule (their examples are on the dataset).
        warnings: Object.fromEntries((dataset.warnings ?? []).map((w) => [w.rule, w.count])),
      },
      outputDatasetId: dataset.id,
    };
  },
};
