/**
 * The worker-thread half of MARGINALIZE (see marginalize.kind.ts): reads the first records of a
 * stored sequence table (of one class when asked) and runs `marginalizeMotifs`, the function
 * `strand marginalize` calls. Progress counts measurements: the motif alone, each scanned start,
 * each spacing, the ablation.
 */
import { initBackend, loadModel, marginalizeMotifs } from '@strand/models';
import type { MarginalizeReport, MotifToInsert } from '@strand/models';
import { JobError } from '../platform/job-kind.ts';
import type { WorkerTools } from '../platform/run-in-worker.ts';
import { isStoreTable } from '../datasets/sequence-store.ts';
import { storedBatches } from './discover-motifs.task.ts';

export interface MarginalizeTaskInput {
  modelDir: string;
  datasetFile: string;
  label: string | null;
  motif: MotifToInsert;
  position: number | null;
  positions: number[];
  second: MotifToInsert | null;
  spacings: number[];
  ablate: boolean;
  /** Backgrounds, made from as many records (fewer records are taken in turn). */
  backgrounds: number;
  task: number;
  seed: number;
}

export type MarginalizeTaskResult = MarginalizeReport & {
  backend: string;
  /** Records read to make the backgrounds (and ablated). */
  sequences: number;
};

export async function marginalizeTask(
  input: MarginalizeTaskInput,
  { progress, signal }: WorkerTools,
): Promise<MarginalizeTaskResult> {
  if (!isStoreTable(input.datasetFile)) {
    throw new JobError('marginalisation reads datasets of the store; import the dataset again');
  }
  const sequences: string[] = [];
  for await (const batch of storedBatches({ ...input, limit: input.backgrounds })) {
    sequences.push(...batch);
  }
  if (sequences.length === 0) {
    throw new JobError(
      input.label === null
        ? 'the dataset has no records'
        : `the dataset has no records labelled "${input.label}"`,
    );
  }
  const backend = await initBackend();
  const { model } = await loadModel(input.modelDir);
  try {
    const report = marginalizeMotifs(model, sequences, {
      motif: input.motif,
      position: input.position,
      positions: input.positions,
      second: input.second,
      spacings: input.spacings,
      ablate: input.ablate,
      backgrounds: input.backgrounds,
      task: input.task,
      seed: input.seed,
      aborted: () => signal.aborted,
      onProgress: (done, total) => progress({ done, total, unit: 'measurements' }),
    });
    return { backend, sequences: sequences.length, ...report };
  } finally {
    model.dispose();
  }
}
