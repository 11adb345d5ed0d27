/**
 * The worker-thread half of CALL_VARIANTS (see call-variants.kind.ts): `callVariants`, what
 * `strand call` runs, with the job's directory as the VCF's folder. Progress is counted in bases
 * of the region; an abort is honoured between tiles.
 */
import { JobError } from '../platform/job-kind.ts';
import type { WorkerTools } from '../platform/run-in-worker.ts';
import { callVariants } from '../calling/call-variants.ts';
import type { PileupsWritten } from '../calling/call-variants.ts';
import { withLabels } from './score-variants.task.ts';

export interface CallVariantsTaskInput {
  bam: string;
  reference: string;
  region: string | null;
  minQual: number;
  /** A stored pileup model's directory; null for the shipped model. */
  modelDir: string | null;
  out: string;
  /** Where to write the pileups table too (a `pileups` dataset's file), or null. */
  pileups: string | null;
  /** With pileups: the truth VCF labelling the stored candidates, or null. */
  truth: string | null;
  /** How messages name each file instead of its server path: path → label. */
  labels: Record<string, string>;
}

export interface CallVariantsTaskResult {
  backend: string;
  basesTotal: number;
  candidates: number;
  calls: number;
  snvs: number;
  indels: number;
  lowQual: number;
  alleleBalance: number;
  readsFetched: number;
  pileups: PileupsWritten | null;
}

export async function callVariantsTask(
  input: CallVariantsTaskInput,
  { progress, signal }: WorkerTools,
): Promise<CallVariantsTaskResult> {
  try {
    const result = await callVariants({
      bam: input.bam,
      reference: input.reference,
      region: input.region ?? undefined,
      minQual: input.minQual,
      modelDir: input.modelDir ?? undefined,
      out: input.out,
      pileups: input.pileups ?? undefined,
      truth: input.truth ?? undefined,
      onProgress: (p) => {
        progress({
          done: p.basesDone,
          total: p.basesTotal,
          unit: 'bases',
          message: `${p.candidates} candidates, ${p.calls} calls`,
        });
        if (signal.aborted) throw new JobError('aborted');
      },
    });
    return {
      backend: result.backend,
      basesTotal: result.basesTotal,
      candidates: result.candidates,
      calls: result.calls,
      snvs: result.snvs,
      indels: result.indels,
      lowQual: result.lowQual,
      alleleBalance: result.alleleBalance,
      readsFetched: result.readsFetched,
      pileups: result.pileups ?? null,
    };
  } catch (error) {
    throw withLabels(error, input.labels);
  }
}
