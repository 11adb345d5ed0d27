/**
 * The worker-thread half of DESIGN (see design.kind.ts): `designSequence`, the function
 * `strand design` calls. Progress counts search steps (edits, or generations).
 */
import { designSequence, initBackend, loadModel } from '@strand/models';
import type { DesignOptions, DesignResult } from '@strand/models';
import type { WorkerTools } from '../platform/run-in-worker.ts';

export interface DesignTaskInput {
  modelDir: string;
  sequence: string;
  options: Omit<DesignOptions, 'onProgress' | 'aborted'>;
}

export type DesignTaskResult = DesignResult & { backend: string; target: 'logit' };

export async function designTask(
  input: DesignTaskInput,
  { progress, signal }: WorkerTools,
): Promise<DesignTaskResult> {
  const backend = await initBackend();
  const { model } = await loadModel(input.modelDir);
  try {
    const result = designSequence(model, input.sequence, {
      ...input.options,
      aborted: () => signal.aborted,
      onProgress: (done, total) => progress({ done, total, unit: 'steps' }),
    });
    return { backend, target: 'logit', ...result };
  } finally {
    model.dispose();
  }
}
