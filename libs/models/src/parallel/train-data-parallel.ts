import type { ModelSpec } from '../architectures/build-model.ts';
import type { TrainingData } from '../training/training-data.ts';
import type { TrainingStream } from '../training/training-stream.ts';
import { DataParallelTrainer } from './data-parallel-trainer.ts';
import type {
  DataParallelResult,
  DataParallelTrainOptions,
  WorkerPoolOptions,
} from './parallel-options.ts';

/**
 * Builds the model of `spec` and trains it data-parallel across worker threads (one backend
 * each); the workers are gone when this resolves. The caller disposes the returned model.
 *
 * @example
 * const { model, history } = await trainDataParallel(spec, data, { epochs: 2, batchSize: 64,
 *   learningRate: 1e-3, seed: 1, workers: 2 });
 */
export async function trainDataParallel(
  spec: ModelSpec,
  data: TrainingData | TrainingStream,
  options: DataParallelTrainOptions & WorkerPoolOptions,
): Promise<DataParallelResult> {
  const trainer = await DataParallelTrainer.start(spec, options);
  try {
    const result = await trainer.train(data, options);
    await trainer.close();
    return { model: trainer.model, workers: trainer.workers, ...result };
  } catch (error) {
    await trainer.close().catch(() => undefined);
    trainer.model.dispose();
    throw error;
  }
}
