/**
 * Runs one queued training run (for its TRAIN job, kinds/train.kind.ts): spawns the training worker thread, and turns its messages into
 * stored state (status, per-epoch metrics, checkpoints, heartbeats, model artifact) and live
 * batch and epoch details, which the TRAIN job publishes as its progress (one stream per job).
 * Messages are handled strictly in order, so a run's final status is stored only after all
 * its epochs.
 *
 * Map: requestStop (cancel vs. shutdown) · checkStalls (the watchdog's sweep) ·
 * execute (worker data, resuming from the run's last checkpoint) · runWorker (message chain,
 * stall and exit handling) · onMessage (one case per message) · setStatus / report.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { Worker } from 'node:worker_threads';
import { DataError, ModelArtifact, recordEpoch, Run } from '@strand/data';
import type { RunStatus, StrandDatabase } from '@strand/data';
import type { EventBus, TrainingDetail } from '../events/event-bus.ts';
import { DatasetSplitError } from '../datasets/dataset-split.error.ts';
import { storeSplit } from '../datasets/dataset-splits.ts';
import type { StoredSplit } from '../datasets/dataset-splits.ts';
import { spawnWorker } from '../worker/spawn-worker.ts';
import { checkpointPath } from './checkpoint.ts';
import { storedDatasetOf } from './dataset-shape.ts';
import type { JobLog } from './job-log.ts';
import type { TrainingWorkerData, TrainingWorkerMessage } from './training-messages.ts';
import { splitInitFrom } from '../learning/init-from.ts';

const workerEntry = new URL('./training.worker.ts', import.meta.url);

/** Fraction of a dataset held out for per-epoch validation. */
export const VALIDATION_FRACTION = 0.2;

/** A run's heartbeat is written at most this often (progress messages come every 250 ms). */
export const HEARTBEAT_WRITE_MS = 5_000;

/** Stop-flag values: a cancel ends the run CANCELLED; a shutdown leaves it QUEUED to resume. */
const STOP_CANCEL = 1;
const STOP_SHUTDOWN = 2;

interface ActiveRun {
  stop: Int32Array;
  worker: Worker | null;
  lastProgress: number;
  onStall: ((idleMs: number) => void) | null;
  observer: TrainingObserver | null;
}

/** Told of every batch and every stored epoch (the TRAIN job's progress events). */
export type TrainingObserver = (detail: TrainingDetail) => void;

export interface ExecutorOptions {
  codeVersion: string;
  log: JobLog;
  /** Test-only: make workers hang after this epoch's checkpoint. */
  hangAfterEpoch?: number;
}

export class TrainingExecutor {
  private readonly active = new Map<string, ActiveRun>();

  constructor(
    private readonly db: StrandDatabase,
    private readonly bus: EventBus,
    private readonly options: ExecutorOptions,
  ) {}

  /**
   * Asks a running run to stop after its current batch: a cancel ends it CANCELLED, a shutdown
   * leaves it QUEUED to resume from its last checkpoint. False if it is not running here.
   */
  requestStop(runId: string, reason: 'cancel' | 'shutdown'): boolean {
    const run = this.active.get(runId);
    if (!run) return false;
    Atomics.store(run.stop, 0, reason === 'cancel' ? STOP_CANCEL : STOP_SHUTDOWN);
    return true;
  }

  /** The watchdog's sweep: runs with no progress for `stallMs` are stalled (worker terminated). */
  checkStalls(stallMs: number, now = Date.now()): void {
    for (const run of this.active.values()) {
      const idle = now - run.lastProgress;
      if (idle > stallMs && run.onStall) run.onStall(idle);
    }
  }

  /** Trains a QUEUED run to its end (or until stopped); resolves when its outcome is stored. */
  async execute(runId: string, observer: TrainingObserver | null = null): Promise<void> {
    const em = this.db.fork();
    const run = await em.findOne(Run, runId, { populate: ['dataset'] });
    if (!run || run.status !== 'QUEUED') return;
    const dataset = run.dataset.getEntity();
    if (!dataset.artifactPath) {
      await this.setStatus(em, run, 'FAILED', `dataset ${dataset.id} has no stored content`);
      return;
    }
    // The run trains and validates on a split stored with the dataset (idempotent per dataset
    // checksum, fraction and seed), so it can say exactly which records it saw.
    let stored: StoredSplit;
    try {
      stored = await storeSplit(this.db.artifacts, dataset, {
        method: 'stratified',
        train: 1 - VALIDATION_FRACTION,
        valid: VALIDATION_FRACTION,
        test: 0,
        seed: run.seed,
      });
    } catch (error) {
      if (!(error instanceof DatasetSplitError)) throw error;
      await this.setStatus(em, run, 'FAILED', `could not split the dataset: ${error.message}`);
      return;
    }
    // Local copies of what the run reads (the store may be an object store): the dataset, the
    // model it starts from, and the checkpoint it resumes from (none on a first start).
    const modelPath = `models/${run.id}`;
    const { initFrom } = splitInitFrom(run.trainingOptions);
    let datasetFile: string;
    let initFromDir: string | null = null;
    try {
      datasetFile = await this.db.artifacts.pull(dataset.artifactPath);
      if (initFrom) initFromDir = await this.db.artifacts.pull(initFrom.path);
      await this.db.artifacts.pull(checkpointsOf(run.id), { optional: true });
    } catch (error) {
      if (!(error instanceof DataError && error.code === 'NOT_FOUND')) throw error;
      await this.setStatus(em, run, 'FAILED', error.message);
      return;
    }
    const stopFlag = new SharedArrayBuffer(4);
    const active: ActiveRun = {
      stop: new Int32Array(stopFlag),
      worker: null,
      lastProgress: Date.now(),
      onStall: null,
      observer,
    };
    this.active.set(runId, active);
    const workerData: TrainingWorkerData = {
      runId,
      dataset: storedDatasetOf(dataset, datasetFile),
      architecture: run.architecture,
      config: run.config,
      epochs: run.epochs,
      batchSize: run.batchSize,
      learningRate: run.learningRate,
      seed: run.seed,
      validationFraction: VALIDATION_FRACTION,
      trainingOptions: run.trainingOptions,
      probes: run.probes ?? [],
      split: {
        splitId: stored.splitId,
        train: stored.parts.train ?? [],
        validation: stored.parts.valid ?? [],
      },
      modelDir: this.db.artifacts.resolve(modelPath),
      ...(initFromDir ? { initFromDir } : {}),
      dataChecksum: dataset.checksum ?? null,
      stopFlag,
      checkpointDir: this.db.artifacts.resolve(checkpointsOf(run.id)),
      resumeEpoch: run.checkpointEpoch,
      ...(this.options.hangAfterEpoch !== undefined
        ? { hangAfterEpoch: this.options.hangAfterEpoch }
        : {}),
    };
    run.dataChecksum = dataset.checksum ?? null;
    run.codeVersion = this.options.codeVersion;
    this.options.log.info(
      { runId, epochs: run.epochs, resumeEpoch: run.checkpointEpoch },
      run.checkpointEpoch > 0 ? 'run resuming from checkpoint' : 'run starting',
    );
    try {
      await this.runWorker(em, run, workerData, modelPath, active);
    } finally {
      this.active.delete(runId);
    }
  }

  private runWorker(
    em: EntityManager,
    run: Run,
    data: TrainingWorkerData,
    modelPath: string,
    active: ActiveRun,
  ): Promise<void> {
    return new Promise((resolve) => {
      const worker = spawnWorker(workerEntry, data as unknown as Record<string, unknown>);
      active.worker = worker;
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
      active.onStall = (idleMs) => {
        active.onStall = null;
        const seconds = Math.round(idleMs / 1000);
        handle(async () => {
          if (settled) return;
          settled = true;
          await this.setStatus(em, run, 'STALLED', `no progress for ${seconds} s: worker stopped`);
        });
        void worker.terminate();
      };
      worker.on('message', (message: TrainingWorkerMessage) => {
        active.lastProgress = Date.now();
        handle(async () => {
          if (settled) return;
          settled = message.type === 'finished' || message.type === 'failed';
          await this.onMessage(em, run, message, modelPath, active);
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
    active: ActiveRun,
  ) {
    switch (message.type) {
      case 'started':
        run.backend = message.backend;
        // A resumed run posts the same split again (same seed, same data).
        run.split = { ...message.split };
        run.startedAt ??= new Date();
        run.heartbeatAt = new Date();
        await this.setStatus(em, run, 'RUNNING');
        return;
      case 'batch': {
        const r = message.report;
        await this.heartbeat(em, run);
        this.report(active, run, {
          epoch: r.epoch,
          batch: r.batch,
          batches: r.batches,
          loss: r.loss,
          metrics: null,
          samplesPerSecond: r.samplesPerSecond,
          etaSeconds: r.etaSeconds,
        });
        return;
      }
      case 'epoch': {
        const r = message.report;
        // finalMetrics holds the latest epoch's metrics while the run goes on.
        run.finalMetrics = r.metrics;
        run.heartbeatAt = new Date();
        await recordEpoch(em, run, {
          epoch: r.epoch,
          metrics: r.metrics,
          samplesPerSecond: r.samplesPerSecond,
          seconds: r.seconds,
          probeAttributions: message.probes ?? null,
        });
        this.options.log.info(
          {
            runId: run.id,
            epoch: r.epoch,
            epochs: r.epochs,
            seconds: r.seconds,
            samplesPerSecond: r.samplesPerSecond,
          },
          'epoch stored',
        );
        this.report(active, run, {
          epoch: r.epoch,
          batch: null,
          batches: null,
          loss: r.metrics.loss ?? Number.NaN,
          metrics: r.metrics,
          samplesPerSecond: r.samplesPerSecond,
          etaSeconds: r.seconds * (r.epochs - r.epoch),
          ...(message.probes
            ? {
                probeAttributions: message.probes.map((p) => ({
                  ...p,
                  sequence: run.probes?.[p.probe] ?? '',
                })),
              }
            : {}),
        });
        return;
      }
      case 'checkpoint': {
        const previous = run.checkpointEpoch;
        // Published before the row points at it: a retry elsewhere finds what the row says.
        await this.db.artifacts.push(checkpointPath(checkpointsOf(run.id), message.epoch));
        run.checkpointEpoch = message.epoch;
        await em.flush();
        // Only the newest checkpoint is needed once the row points at it.
        if (previous >= 1 && previous < message.epoch) {
          await this.db.artifacts.remove(checkpointPath(checkpointsOf(run.id), previous));
        }
        return;
      }
      case 'finished': {
        run.finalMetrics = message.finalMetrics ?? run.finalMetrics ?? null;
        if (message.stopped && Atomics.load(active.stop, 0) === STOP_SHUTDOWN) {
          // Shutdown: back to QUEUED; the next start resumes from the last checkpoint.
          await this.setStatus(em, run, 'QUEUED');
          return;
        }
        if (!message.stopped) {
          await this.db.artifacts.push(modelPath);
          const artifact = new ModelArtifact(
            run,
            modelPath,
            'tfjs-layers',
            await this.db.artifacts.sizeOf(modelPath),
          );
          em.persist(artifact);
        }
        // Stored final first: a crash before the removal leaves unused files, never a run
        // pointing at a checkpoint that is gone.
        run.status = message.stopped ? 'CANCELLED' : 'SUCCEEDED';
        // With the status: a reader that sees a final run sees when it finished.
        run.finishedAt = new Date();
        await em.flush();
        await this.db.artifacts.remove(checkpointsOf(run.id));
        await this.setStatus(em, run, run.status);
        return;
      }
      case 'failed':
        await this.setStatus(em, run, 'FAILED', message.message);
        return;
    }
  }

  /** Writes `heartbeatAt` when the stored one is older than HEARTBEAT_WRITE_MS. */
  private async heartbeat(em: EntityManager, run: Run): Promise<void> {
    const now = new Date();
    if (run.heartbeatAt && now.getTime() - run.heartbeatAt.getTime() < HEARTBEAT_WRITE_MS) return;
    run.heartbeatAt = now;
    await em.flush();
  }

  private async setStatus(em: EntityManager, run: Run, status: RunStatus, error?: string) {
    run.status = status;
    if (error) run.error = error;
    // A run resumed after a stall or a crash is no longer what stopped it.
    if (status === 'RUNNING') Object.assign(run, { error: null, finishedAt: null });
    const final = status !== 'QUEUED' && status !== 'RUNNING';
    if (final) run.finishedAt ??= new Date();
    await em.flush();
    const fields = { runId: run.id, status, epoch: run.currentEpoch };
    // The error text stays out of logs: a domain error may quote a label or a value.
    if (status === 'FAILED' || status === 'STALLED') this.options.log.warn(fields, 'run status');
    else this.options.log.info(fields, 'run status');
    this.bus.publish('RUN_STATUS', { runId: run.id, projectId: run.project.id, status });
    // The final state goes out as the TRAIN job's last event, once the job has ended too.
  }

  private report(
    active: ActiveRun,
    run: Run,
    detail: Omit<TrainingDetail, 'runId' | 'status' | 'epochs'>,
  ) {
    active.observer?.({ runId: run.id, status: run.status, epochs: run.epochs, ...detail });
  }
}

/** A run's checkpoint directory, relative to the artifact store. */
export function checkpointsOf(runId: string): string {
  return `checkpoints/${runId}`;
}
