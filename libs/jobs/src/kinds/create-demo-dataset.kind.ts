/**
 * CREATE_DEMO_DATASET: the planted-motif demo dataset (datasets/create-demo-dataset.ts) as a job,
 * so that making up to 200,000,000 bases never holds a request open. prepare checks the request
 * (every problem a userError, nothing queued); run writes the records with progress in records,
 * stops on cancel, and adds the dataset (the job's outputDataset) only once it is complete. A job
 * recovered after a crash starts over: the start-up sweep removed what the crash left.
 */
import type { JsonObject } from '@strand/data';
import {
  checkDemoInput,
  DemoAborted,
  generateDemoDataset,
} from '../datasets/create-demo-dataset.ts';
import type { CreateDemoDatasetInput, DemoPlan } from '../datasets/create-demo-dataset.ts';
import type { JobKind } from '../platform/job-kind.ts';
import { JobError } from '../platform/job-kind.ts';

export type DemoJobParams = DemoPlan & JsonObject;

export const CREATE_DEMO_DATASET_KIND: JobKind<DemoJobParams> = {
  name: 'CREATE_DEMO_DATASET',
  role: 'editor',
  async prepare(_em, _db, _projectId, raw) {
    const checked = checkDemoInput(raw as unknown as Omit<CreateDemoDatasetInput, 'projectId'>);
    if (!checked.ok) return checked;
    const params = { ...checked.value } as DemoJobParams;
    return {
      ok: true,
      value: { params, lineage: { details: { generator: 'planted-motifs' } } },
    };
  },
  async run({ em, db, projectId, params, progress, signal }) {
    // Parameters stored by an older build, or edited in the database, are checked again.
    const checked = checkDemoInput(params);
    if (!checked.ok) throw new JobError(checked.errors.map((e) => e.message).join('; '));
    try {
      const dataset = await generateDemoDataset(em, db.artifacts, projectId, checked.value, {
        onProgress: (done, total) => progress({ done, total, unit: 'records' }),
        signal,
      });
      return {
        result: {
          datasetId: dataset.id,
          records: dataset.recordCount,
          checksum: dataset.checksum,
        },
        outputDatasetId: dataset.id,
      };
    } catch (error) {
      if (error instanceof DemoAborted) throw new JobError(error.message);
      throw error;
    }
  },
};
