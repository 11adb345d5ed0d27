/**
 * DISCOVER_MOTIFS: motifs discovered in a trained sequence model's DeepSHAP attributions over a
 * sequence dataset of the project (TF-MoDISco-lite; the same code as `strand modisco`), matched
 * to JASPAR (a file of the server's import directory, or Strand's bundled motifs). The dataset is
 * streamed chunk by chunk and seqlets are sampled into a bounded reservoir, so memory does not
 * grow with the dataset; the result (motifs with their PWM, CWM and matches) is the job's result.
 * A job run again after a crash starts over: it leaves nothing behind but its result.
 */
import { Dataset } from '@strand/data';
import type { JsonObject } from '@strand/data';
import { checkIntRange } from '../errors/user-error.ts';
import type { UserError } from '../errors/user-error.ts';
import type { JobKind } from '../platform/job-kind.ts';
import { JobError } from '../platform/job-kind.ts';
import { runInWorker } from '../platform/run-in-worker.ts';
import { modelLineage, resolveJobModel } from '../scoring/job-model.ts';
import type { ModelChoice } from '../scoring/job-model.ts';
import type { DiscoverMotifsTaskInput, DiscoverMotifsTaskResult } from './discover-motifs.task.ts';
import { checkSequenceDataset } from './sequence-dataset.checks.ts';

/** Bounds and defaults of DISCOVER_MOTIFS' input. */
export const DISCOVER_MOTIFS_LIMITS = Object.freeze({
  sequences: 1_000_000,
  defaultSequences: 10_000,
  shuffles: 100,
  defaultShuffles: 10,
});

export interface DiscoverMotifsInput extends ModelChoice {
  datasetId: string;
  /** Only records with this label (e.g. "1"), or every record. */
  label?: string | null;
  limit?: number | null;
  task?: number | null;
  shuffles?: number | null;
  /** Absolute path of a JASPAR file on the server (the API checks it lies in the import root). */
  jaspar?: string | null;
}

export type DiscoverMotifsParams = {
  runId: string;
  modelVersionId: string | null;
  modelPath: string;
  datasetId: string;
  label: string | null;
  limit: number;
  task: number;
  shuffles: number;
  jaspar: string | null;
} & JsonObject;

export const DISCOVER_MOTIFS_KIND: JobKind<DiscoverMotifsParams> = {
  name: 'DISCOVER_MOTIFS',
  role: 'editor',
  async prepare(em, db, projectId, raw) {
    const input = raw as unknown as DiscoverMotifsInput;
    const errors: UserError[] = [];
    const limit = input.limit ?? DISCOVER_MOTIFS_LIMITS.defaultSequences;
    const task = input.task ?? 0;
    const shuffles = input.shuffles ?? DISCOVER_MOTIFS_LIMITS.defaultShuffles;
    for (const bad of [
      checkIntRange('limit', limit, 1, DISCOVER_MOTIFS_LIMITS.sequences),
      checkIntRange('task', task, 0, 10_000),
      checkIntRange('shuffles', shuffles, 1, DISCOVER_MOTIFS_LIMITS.shuffles),
    ]) {
      if (bad) errors.push(bad);
    }
    const model = await resolveJobModel(em, db, projectId, input);
    if (!model.ok) errors.push(...model.errors);
    const { dataset, errors: datasetErrors } = await checkSequenceDataset(
      em,
      projectId,
      input.datasetId,
      model.ok ? model.value.inputLength : null,
      'motif discovery',
    );
    errors.push(...datasetErrors);
    if (errors.length > 0 || !model.ok || !dataset) return { ok: false, errors };
    const m = model.value;
    const params: DiscoverMotifsParams = {
      runId: m.runId,
      modelVersionId: m.modelVersionId,
      modelPath: m.modelPath,
      datasetId: dataset.id,
      label: input.label ?? null,
      limit,
      task,
      shuffles,
      jaspar: input.jaspar ?? null,
    };
    return {
      ok: true,
      value: {
        params,
        lineage: modelLineage(m, dataset),
      },
    };
  },

  async run({ params, db, em, progress, signal }) {
    const dataset = await em.findOne(Dataset, { id: params.datasetId });
    if (!dataset?.artifactPath)
      throw new JobError(`the dataset ${params.datasetId} no longer exists`);
    const result = await runInWorker<DiscoverMotifsTaskInput, DiscoverMotifsTaskResult>(
      new URL('./discover-motifs.task.ts', import.meta.url),
      'discoverMotifsTask',
      {
        modelDir: await db.artifacts.pull(params.modelPath),
        datasetFile: await db.artifacts.pull(dataset.artifactPath),
        label: params.label,
        limit: params.limit,
        task: params.task,
        shuffles: params.shuffles,
        jaspar: params.jaspar,
        seed: 1,
      },
      { progress, signal },
    );
    progress({ done: result.sequences, total: result.sequences, unit: 'sequences' });
    return { result: JSON.parse(JSON.stringify(result)) as JsonObject };
  },
};
