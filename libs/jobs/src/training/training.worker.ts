/**
 * The training worker: runs in a worker thread, never on the API's event loop. It reads the
 * stored dataset, trains (from a checkpoint when resuming), checkpoints after every epoch, saves
 * the model and reports through messages (training-messages.ts).
 */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { oneHotEncodeBatch } from '@strand/genomics';
import {
  architectureTask,
  buildModel,
  initBackend,
  isArchitectureName,
  saveModel,
  trainModel,
  validateArchitectureConfig,
} from '@strand/models';
import type { TrainingState } from '@strand/models';
import { parseSequenceTable } from '../datasets/sequence-table.ts';
import { loadCheckpoint, saveCheckpoint } from './checkpoint.ts';
import type { TrainingWorkerData, TrainingWorkerMessage } from './training-messages.ts';

const data = workerData as TrainingWorkerData;
const post = (message: TrainingWorkerMessage) => parentPort!.postMessage(message);
const stop = new Int32Array(data.stopFlag);

async function main(): Promise<void> {
  const backend = await initBackend();
  const table = parseSequenceTable(await readFile(data.datasetFile, 'utf8'), 'sequences.tsv');
  const count = table.sequences.length;
  const length = table.sequences[0]?.length ?? 0;
  const checked = validateArchitectureConfig(data.architecture, data.config, {
    length,
    alphabetSize: 4,
  });
  if (!checked.ok || !isArchitectureName(data.architecture)) {
    const errors = checked.ok ? [] : checked.errors;
    throw new Error(
      errors.map((e) => `${e.field}: ${e.message}`).join('; ') ||
        `unknown architecture "${data.architecture}"`,
    );
  }
  if (!data.dataChecksum) throw new Error('the dataset has no checksum: it was not fully imported');
  const architecture = data.architecture;
  const dataChecksum = data.dataChecksum;
  const x = oneHotEncodeBatch(table.sequences, length);
  const y = Float32Array.from(table.labels);
  const model = buildModel({
    architecture,
    config: checked.config,
    inputLength: length,
    alphabetSize: 4,
    seed: data.seed,
  });
  let resumeFrom: TrainingState | undefined;
  if (data.resumeEpoch > 0) {
    // Same seed, same architecture: the model has the same weights in the same order.
    const checkpoint = await loadCheckpoint(data.checkpointDir, data.resumeEpoch);
    const tensors = checkpoint.weights.map((w) => tf.tensor(w.values, w.shape));
    model.setWeights(tensors);
    tf.dispose(tensors);
    resumeFrom = checkpoint.state;
  }
  const trainCount = count - Math.round(count * data.validationFraction);
  post({ type: 'started', backend, count, batches: Math.ceil(trainCount / data.batchSize) });
  const result = await trainModel(
    model,
    { x, y, count, length, alphabetSize: 4 },
    {
      task: architectureTask(architecture, checked.config),
      epochs: data.epochs,
      batchSize: data.batchSize,
      learningRate: data.learningRate,
      seed: data.seed,
      validationFraction: data.validationFraction,
      onEpoch: (report) => post({ type: 'epoch', report }),
      onBatch: (report) => post({ type: 'batch', report }),
      onCheckpoint: async (epoch, trained, state) => {
        await saveCheckpoint(data.checkpointDir, epoch, trained, state);
        post({ type: 'checkpoint', epoch });
        if (epoch === data.hangAfterEpoch) await hang();
      },
      shouldStop: () => Atomics.load(stop, 0) !== 0,
      ...(resumeFrom ? { startEpoch: data.resumeEpoch, resumeFrom } : {}),
    },
  );
  if (!result.stopped) {
    await saveModel(model, data.modelDir, {
      architecture,
      config: checked.config,
      alphabet: 'ACGT',
      inputLength: length,
      labelNames: ['0', '1'],
      seed: data.seed,
      backend,
      dataChecksum,
      createdAt: new Date().toISOString(),
    });
  }
  model.dispose();
  const last = result.history.at(-1);
  post({ type: 'finished', stopped: result.stopped, finalMetrics: last ? last.metrics : null });
}

/** Test-only: stays alive forever without progress (see TrainingWorkerData.hangAfterEpoch). */
function hang(): Promise<never> {
  setInterval(() => undefined, 60_000);
  return new Promise<never>(() => undefined);
}

main().catch((error: unknown) => {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
});
