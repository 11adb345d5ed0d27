/**
 * Runs one queued training run: spawns the training worker thread, and turns its messages into
 * stored state (status, per-epoch metrics, model artifact) and published events. Messages are
 * handled strictly in order, so a run's final status is stored only after all its epochs.
 */
import type { EntityManager } from '@mikro-orm/core';
import { ModelArtifact, recordEpoch, Run } from '@strand/data';
import type { RunStatus, StrandDatabase } from '@strand/data';
import type { EventBus, TrainingProgressEvent } from '../events/event-bus.ts';
import { spawnWorker } from '../worker/spawn-worker.ts';
import type { TrainingWorkerData, TrainingWorkerMessage } from './training-messages.ts';

const workerEntry = new URL('./training.worker.ts', import.meta.url);

/** Fraction of a dataset held out for per-epoch validation. */
export const VALIDATION_FRACTION = 0.2;

export class TrainingExecutor {
  private readonly stopFlags = new Map<string, Int32Array>();

  constructor(
    private readonly db: StrandDatabase,
    private readonly bus: EventBus,
    private readonly codeVersion: string,
  ) {}

  /** Asks a running run to stop after its current batch; false if it is not running here. */
  requestStop(runId: string): boolean {
    const flag = this.stopFlags.get(runId);
    if (!flag) return false;
    Atomics.store(flag, 0, 1);
    return true;
  }

  /** Asks every running run to stop (shutdown). */
  stopAll(): void {
    for (const flag of this.stopFlags.values()) Atomics.store(flag, 0, 1);
  }

  async execute(runId: string): Promise<void> {
    const em = this.db.fork();
    const run = await em.findOne(Run, runId, { populate: ['dataset'] });
    if (!run || run.status !== 'QUEUED') return;
    const dataset = run.dataset.getEntity();
    if (!dataset.artifactPath) {
      await this.setStatus(em, run, 'FAILED', `dataset ${dataset.id} has no stored content`);
      return;
    }
    const stopFlag = new SharedArrayBuffer(4);
    this.stopFlags.set(runId, new Int32Array(stopFlag));
    const modelPath = `models/${run.id}`;
    const workerData: TrainingWorkerData = {
      runId,
      datasetFile: this.db.artifacts.resolve(dataset.artifactPath),
      architecture: run.architecture,
      config: run.config,
      epochs: run.epochs,
      batchSize: run.batchSize,
      learningRate: run.learningRate,
      seed: run.seed,
      validationFraction: VALIDATION_FRACTION,
      modelDir: this.db.artifacts.resolve(modelPath),
      dataChecksum: dataset.checksum ?? null,
      stopFlag,
    };
    run.dataChecksum = dataset.checksum ?? null;
    run.codeVersion = this.codeVersion;
    try {
      await this.runWorker(em, run, workerData, modelPath);
    } finally {
      this.stopFlags.delete(runId);
    }
  }

  private runWorker(
    em: EntityManager,
    run: Run,
    data: TrainingWorkerData,
    modelPath: string,
  ): Promise<void> {
    return new Promise((resolve) => {
      const worker = spawnWorker(workerEntry, data as unknown as Record<string, unknown>);
      let chain = Promise.resolve();
      let settled = false;
      const handle = (step: () => Promise<void>) => {
        chain = chain.then(step).catch(async (error: unknown) => {
          settled = true;
          await this.setStatus(
            em,
            run,
            'FAILED',
            `could not store progress: ${String(error)}`,
          ).catch(() => undefined);
        });
      };
      worker.on('message', (message: TrainingWorkerMessage) => {
        handle(async () => {
          if (settled) return;
          settled = message.type === 'finished' || message.type === 'failed';
          await this.onMessage(em, run, message, modelPath);
        });
      });
      worker.on('error', (error) => {
        handle(async () => {
          if (settled) return;
          settled = true;
          await this.setStatus(em, run, 'FAILED', `training worker crashed: ${error.message}`);
        });
      });
      worker.on('exit', (code) => {
        handle(async () => {
          if (!settled) {
            settled = true;
            await this.setStatus(em, run, 'FAILED', `training worker exited with code ${code}`);
          }
        });
        void chain.then(resolve);
      });
    });
  }

  private async onMessage(
    em: EntityManager,
    run: Run,
    message: TrainingWorkerMessage,
    modelPath: string,
  ) {
    switch (message.type) {
      case 'started':
        run.backend = message.backend;
        run.startedAt = new Date();
        await this.setStatus(em, run, 'RUNNING');
        return;
      case 'batch': {
        const r = message.report;
        this.publishProgress(run, {
          epoch: r.epoch,
          batch: r.batch,
          batches: r.batches,
          loss: r.loss,
          metrics: null,
          samplesPerSecond: r.samplesPerSecond,
          etaSeconds: r.etaSeconds,
          done: false,
        });
        return;
      }
      case 'epoch': {
        const r = message.report;
        // finalMetrics holds the latest epoch's metrics while the run goes on.
        run.finalMetrics = r.metrics;
        await recordEpoch(em, run, {
          epoch: r.epoch,
          metrics: r.metrics,
          samplesPerSecond: r.samplesPerSecond,
          seconds: r.seconds,
        });
        this.publishProgress(run, {
          epoch: r.epoch,
          batch: null,
          batches: null,
          loss: r.metrics.loss ?? Number.NaN,
          metrics: r.metrics,
          samplesPerSecond: r.samplesPerSecond,
          etaSeconds: r.seconds * (r.epochs - r.epoch),
          done: false,
        });
        return;
      }
      case 'finished': {
        run.finalMetrics = message.finalMetrics ?? run.finalMetrics ?? null;
        if (!message.stopped) {
          const artifact = new ModelArtifact(
            run,
            modelPath,
            'tfjs-layers',
            await this.db.artifacts.sizeOf(modelPath),
          );
          em.persist(artifact);
        }
        await this.setStatus(em, run, message.stopped ? 'CANCELLED' : 'SUCCEEDED');
        return;
      }
      case 'failed':
        await this.setStatus(em, run, 'FAILED', message.message);
        return;
    }
  }

  private async setStatus(em: EntityManager, run: Run, status: RunStatus, error?: string) {
    run.status = status;
    if (error) run.error = error;
    const final = status === 'SUCCEEDED' || status === 'FAILED' || status === 'CANCELLED';
    if (final) run.finishedAt = new Date();
    await em.flush();
    this.bus.publish('RUN_STATUS', { runId: run.id, projectId: run.project.id, status });
    if (final) {
      const metrics = run.finalMetrics ?? null;
      this.publishProgress(run, {
        epoch: run.currentEpoch,
        batch: null,
        batches: null,
        loss: metrics?.loss ?? Number.NaN,
        metrics,
        samplesPerSecond: null,
        etaSeconds: 0,
        done: true,
      });
    }
  }

  private publishProgress(
    run: Run,
    event: Omit<TrainingProgressEvent, 'runId' | 'status' | 'epochs'>,
  ) {
    this.bus.publish('TRAINING_PROGRESS', run.id, {
      runId: run.id,
      status: run.status,
      epochs: run.epochs,
      ...event,
    });
  }
}
