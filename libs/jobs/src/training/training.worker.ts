/**
 * The training worker: runs in a worker thread, never on the API's event loop. It loads the
 * stored dataset (any trainable kind, see learning/stored-data.ts), trains through the shared
 * learning engine (learning/fit.ts; from a checkpoint when resuming), checkpoints after every
 * epoch, saves the model and reports through messages (training-messages.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { initBackend, loadModel } from '@strand/models';
import type * as tf from '@tensorflow/tfjs';
import { splitInitFrom } from '../learning/init-from.ts';
import { fit } from '../learning/fit.ts';
import { trainingOptionsOf } from '../kinds/training-options.checks.ts';
import type { ResumePoint } from '../learning/fit.ts';
import { saveTrainedModel } from '../learning/save-trained-model.ts';
import { closeSource, loadSource } from '../learning/store-source.ts';
import { encodeInputs, encodes } from '../learning/input-encoding.ts';
import { openStoredDataset } from '../learning/stored-data.ts';
import { storedProbeAttributions } from '../learning/probes.ts';
import { loadCheckpoint, saveCheckpoint } from './checkpoint.ts';
import type { TrainingWorkerData, TrainingWorkerMessage } from './training-messages.ts';

const data = workerData as TrainingWorkerData;
const post = (message: TrainingWorkerMessage) => parentPort!.postMessage(message);
const stop = new Int32Array(data.stopFlag);

async function main(): Promise<void> {
  const backend = await initBackend();
  if (!data.dataChecksum) throw new Error('the dataset has no checksum: it was not fully imported');
  const dataChecksum = data.dataChecksum;
  // A store table streams: memory stays flat however large the dataset.
  const { initFrom, rest } = splitInitFrom(data.trainingOptions);
  const options = trainingOptionsOf(rest as typeof data.trainingOptions);
  const opened = await openStoredDataset({ ...data.dataset, checksum: dataChecksum });
  // k-mer counts, normalisation, imputation read the records in memory.
  const labelled = encodes(options) ? encodeInputs(await loadSource(opened), options) : opened;
  if (labelled !== opened) await closeSource(opened);
  let resume: ResumePoint | undefined;
  if (data.resumeEpoch > 0) {
    const checkpoint = await loadCheckpoint(data.checkpointDir, data.resumeEpoch);
    resume = { epoch: data.resumeEpoch, ...checkpoint };
  }
  let source: tf.LayersModel | undefined;
  if (initFrom) {
    if (!data.initFromDir) throw new Error('initFrom: the source model directory was not given');
    source = (await loadModel(data.initFromDir)).model;
  }
  const trained = await fit(labelled, {
    // Feature selection and the training choices the run was started with.
    ...options,
    architecture: data.architecture,
    config: data.config,
    epochs: data.epochs,
    batchSize: data.batchSize,
    learningRate: data.learningRate,
    seed: data.seed,
    validationFraction: data.validationFraction,
    split: data.split,
    // Every epoch is stored and checkpointed: the run trains the epochs it was asked for.
    earlyStopping: false,
    // evaluation.json beside the model: the last epoch's validation predictions, drawn.
    evaluate: true,
    ...(resume ? { resume } : {}),
    onStart: ({ split, batches }) =>
      post({ type: 'started', backend, count: labelled.count, batches, split }),
    ...(data.probes.length ? { probes: data.probes } : {}),
    onEpoch: (report, probes) =>
      post({
        type: 'epoch',
        report,
        ...(probes ? { probes: storedProbeAttributions(probes) } : {}),
      }),
    onBatch: (report) => post({ type: 'batch', report }),
    onCheckpoint: async (epoch, model, state) => {
      await saveCheckpoint(data.checkpointDir, epoch, model, state);
      post({ type: 'checkpoint', epoch });
      if (epoch === data.hangAfterEpoch) await hang();
    },
    shouldStop: () => Atomics.load(stop, 0) !== 0,
    ...(source && initFrom
      ? { initFrom: { model: source, freeze: initFrom.freeze, ref: initFrom.model } }
      : {}),
  }).finally(() => source?.dispose());
  await closeSource(labelled);
  try {
    if (!trained.stopped) {
      await saveTrainedModel(
        data.modelDir,
        trained,
        { seed: data.seed, backend, dataChecksum },
        options,
      );
    }
  } finally {
    trained.model.dispose();
  }
  const last = trained.history.at(-1);
  post({ type: 'finished', stopped: trained.stopped, finalMetrics: last ? last.metrics : null });
}

/** Test-only: stays alive forever without progress (see TrainingWorkerData.hangAfterEpoch). */
function hang(): Promise<never> {
  setInterval(() => undefined, 60_000);
  return new Promise<never>(() => undefined);
}

main().catch((error: unknown) => {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
});
