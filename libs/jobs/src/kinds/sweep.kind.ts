/**
 * SWEEP: a hyperparameter sweep whose trials are ordinary training runs grouped under the job
 * (Run.parentJob = the job, groupLabel "trial N"). Parts:
 *   prepare — checks the dataset and settings and plans every trial with the rules runSweep uses
 *             (learning/sweep-space.ts planSweep: space, method, maxTrials, metric, direction,
 *             each trial's config against the data); the planned trials are stored in the params,
 *             so random draws are made once;
 *   run     — starts the trials with services.startChildRun, as many at once as the training
 *             queue runs (services.trainingSlots: one core each, so a 2-core server trains two
 *             trials side by side; 1 by default; scaled out, the slots of every worker, so the
 *             trials spread over the workers), and watches each (sweep.trial.ts), pruning
 *             hopeless ones by the median rule over the trials completed so far; the result
 *             lists every trial, in trial order, and the best completed one.
 * Resumable: after a restart run() finds the job's existing trial runs by their group labels,
 * takes the finished ones from the database, waits for an unfinished one (the training queue
 * resumes it from its checkpoint) and goes on with the next. Cancel stops the running trial.
 */
import { Run } from '@strand/data';
import type { JsonObject } from '@strand/data';
import type { ArchitectureTask } from '@strand/models';
import { checkIntRange, userError } from '../errors/user-error.ts';
import type { UserError } from '../errors/user-error.ts';
import {
  architectureForData,
  checkArchitectureForData,
} from '../learning/architecture-for-data.ts';
import { LearningError } from '../learning/learning.error.ts';
import { bestTrial } from '../learning/median-stopping.ts';
import type { Direction, MedianStoppingRule } from '../learning/median-stopping.ts';
import { planSweep } from '../learning/sweep-space.ts';
import type { PlannedTrial, SweepMethod, SweepSpace } from '../learning/sweep-space.ts';
import type { JobKind } from '../platform/job-kind.ts';
import { JobError } from '../platform/job-kind.ts';
import { WorkerAbortedError } from '../platform/run-in-worker.ts';
import { TRAINING_DEFAULTS, TRAINING_LIMITS } from '../training/start-training.ts';
import { VALIDATION_FRACTION } from '../training/training-executor.ts';
import {
  checkTrainingSettings,
  trainingSettingsOf,
  configObject,
  trainableDataset,
} from './cross-validation.checks.ts';
import { trialLabel, trialOf, watchTrial } from './sweep.trial.ts';
import type { TrialOutcome } from './sweep.trial.ts';

/** Defaults of SWEEP (a trial's batch size, learning rate and seed: those of training runs). */
export const SWEEP_DEFAULTS = Object.freeze({
  epochs: 10,
  batchSize: TRAINING_DEFAULTS.batchSize,
  learningRate: TRAINING_DEFAULTS.learningRate,
  seed: TRAINING_DEFAULTS.seed,
  minCompleted: 2,
});

/** Bounds of SWEEP. */
export const SWEEP_LIMITS = Object.freeze({ maxTrials: 50, afterEpochs: { min: 1, max: 1000 } });

/** What a caller gives. */
export interface SweepInput {
  datasetId: string;
  architecture: string;
  /** Config shared by every trial; swept `config.<field>` values replace its fields. */
  config?: Record<string, unknown> | null;
  /** Parameter (`learningRate`, `batchSize`, `config.<field>`) → values, or a range (random). */
  space: SweepSpace;
  method?: string | null;
  maxTrials?: number | null;
  metric?: string | null;
  direction?: string | null;
  epochs?: number | null;
  batchSize?: number | null;
  learningRate?: number | null;
  seed?: number | null;
  /** The median stopping rule: after `afterEpochs` epochs, once `minCompleted` trials ended. */
  earlyStop?: { afterEpochs: number; minCompleted?: number | null } | null;
}

/** The stored parameters: every trial planned. */
export type SweepParams = {
  datasetId: string;
  architecture: string;
  task: ArchitectureTask;
  method: SweepMethod;
  metric: string;
  direction: Direction;
  epochs: number;
  seed: number;
  earlyStop: { after: number; minCompleted: number } | null;
  trials: (PlannedTrial & JsonObject)[];
} & JsonObject;

export const SWEEP_KIND: JobKind<SweepParams> = {
  name: 'SWEEP',
  role: 'editor',
  async prepare(em, _db, projectId, raw) {
    const input = raw as unknown as SweepInput;
    const d = SWEEP_DEFAULTS;
    const settings = trainingSettingsOf(input, d);
    const errors: UserError[] = checkTrainingSettings(settings);
    const config = configObject(input.config);
    if (!config.ok) errors.push(...config.errors);
    const space = input.space as unknown;
    if (typeof space !== 'object' || space === null || Array.isArray(space)) {
      const message =
        'space must be an object: parameter → list of values, or (random) { min, max, log?, integer? }';
      errors.push(userError('space', 'INVALID_OPTIONS', message));
    }
    let earlyStop: MedianStoppingRule | null = null;
    if (input.earlyStop) {
      const { min, max } = SWEEP_LIMITS.afterEpochs;
      const after = input.earlyStop.afterEpochs;
      const bad = checkIntRange('earlyStop.afterEpochs', after, min, max);
      const minCompleted = input.earlyStop.minCompleted ?? d.minCompleted;
      const badMin = checkIntRange(
        'earlyStop.minCompleted',
        minCompleted,
        1,
        SWEEP_LIMITS.maxTrials,
      );
      for (const e of [bad, badMin]) if (e) errors.push(e);
      earlyStop = { after, minCompleted };
    }
    const found = await trainableDataset(em, projectId, String(input.datasetId));
    if (!found.ok) return { ok: false, errors: [...found.errors, ...errors] };
    const { dataset, shape } = found.value;
    const base = checkArchitectureForData(
      String(input.architecture),
      shape,
      config.ok ? config.value : {},
      `dataset "${dataset.name}"`,
    );
    if (!base.ok) errors.push(...base.errors);
    if (errors.length > 0 || !base.ok || !config.ok) return { ok: false, errors };

    let plan;
    try {
      plan = planSweep({
        space: space as SweepSpace,
        ...(input.method != null ? { method: input.method as SweepMethod } : {}),
        ...(input.maxTrials != null ? { maxTrials: input.maxTrials } : {}),
        ...(input.metric != null ? { metric: input.metric } : {}),
        ...(input.direction != null ? { direction: input.direction as Direction } : {}),
        ...(earlyStop ? { earlyStop } : {}),
        limit: SWEEP_LIMITS.maxTrials,
        seed: settings.seed,
        architecture: base.architecture,
        task: base.task,
        base: { config: config.value, ...settings },
        checkConfig: (c) => architectureForData(base.architecture, shape, c).config,
      });
    } catch (error) {
      if (!(error instanceof LearningError)) throw error;
      return { ok: false, errors: [userError(error.field ?? 'space', error.code, error.message)] };
    }
    const maxBatch = TRAINING_LIMITS.batchSize[1];
    const tooBig = plan.trials.find((t) => t.batchSize > maxBatch);
    if (tooBig) {
      const message = `batch sizes must be at most ${maxBatch}; trial ${tooBig.trial} has ${tooBig.batchSize}`;
      return { ok: false, errors: [userError('space.batchSize', 'OUT_OF_RANGE', message)] };
    }

    const params: SweepParams = {
      datasetId: dataset.id,
      architecture: base.architecture,
      task: base.task,
      method: plan.method,
      metric: plan.metric,
      direction: plan.direction,
      epochs: settings.epochs,
      seed: settings.seed,
      earlyStop: earlyStop
        ? { after: earlyStop.after, minCompleted: earlyStop.minCompleted ?? d.minCompleted }
        : null,
      trials: plan.trials.map(
        (t) => ({ ...t, config: { ...t.config } }) as PlannedTrial & JsonObject,
      ),
    };
    return {
      ok: true,
      value: {
        params,
        lineage: {
          datasetId: dataset.id,
          details: {
            datasetChecksum: dataset.checksum,
            architecture: base.architecture,
            trials: plan.trials.length,
            split: {
              method: 'stratified-holdout',
              validationFraction: VALIDATION_FRACTION,
              seed: settings.seed,
            },
          },
        },
      },
    };
  },

  async run({ jobId, params, db, progress, signal, services }) {
    const n = params.trials.length;
    // Trials started before a restart, by trial number (the newest run if there are several).
    const earlier = new Map<number, string>();
    const children = await db
      .fork()
      .find(Run, { parentJob: jobId }, { orderBy: { createdAt: 'asc' } });
    for (const run of children) {
      const trial = trialOf(run.groupLabel);
      if (trial !== null) earlier.set(trial, run.id);
    }
    const outcomes: TrialOutcome[] = [];
    const completed: number[][] = [];
    let finished = 0;
    let next = 0;
    let failed = false; // one lane threw: the others start no further trial
    /** Runs trials one after another until none is left; several of these run at once. */
    const lane = async (): Promise<void> => {
      while (next < n && !failed) {
        if (signal.aborted) throw new WorkerAbortedError();
        const plan = params.trials[next++] as SweepParams['trials'][number];
        let runId = earlier.get(plan.trial);
        if (runId === undefined) {
          const started = await services.startChildRun(
            {
              datasetId: params.datasetId,
              architecture: params.architecture,
              config: plan.config,
              epochs: params.epochs,
              batchSize: plan.batchSize,
              learningRate: plan.learningRate,
              seed: params.seed,
            },
            trialLabel(plan.trial),
          );
          if (!started.ok) {
            const why = started.errors.map((e) => e.message).join('; ');
            throw new JobError(`trial ${plan.trial} could not start: ${why}`);
          }
          runId = started.value;
        }
        report(`trial ${plan.trial}/${n}`);
        const result = await watchTrial({
          db,
          runId,
          plan,
          epochs: params.epochs,
          metric: params.metric,
          direction: params.direction,
          rule: params.earlyStop,
          completed,
          services,
          signal,
          onEpoch: (epoch) => report(`trial ${plan.trial}/${n}, epoch ${epoch}/${params.epochs}`),
        });
        outcomes.push(result);
        if (result.status === 'completed') completed.push(result.curve);
        finished++;
        report(`trial ${plan.trial}/${n} ${result.status}`);
      }
    };
    const report = (message: string) =>
      progress({ done: finished, total: n, unit: 'trials', message });
    const lanes = Math.max(1, Math.min(services.trainingSlots, n));
    await Promise.all(
      Array.from({ length: lanes }, () =>
        lane().catch((error: unknown) => {
          failed = true;
          throw error;
        }),
      ),
    );
    outcomes.sort((a, b) => a.trial - b.trial);
    if (!outcomes.some((t) => t.status !== 'failed')) {
      throw new JobError(`every trial failed; trial 1: ${outcomes[0]?.error ?? 'no trial ran'}`);
    }
    const best = bestTrial(outcomes, params.direction);
    return {
      result: {
        architecture: params.architecture,
        task: params.task,
        method: params.method,
        metric: params.metric,
        direction: params.direction,
        epochs: params.epochs,
        seed: params.seed,
        earlyStop: params.earlyStop,
        split: outcomes.find((t) => t.split)?.split ?? null,
        trials: outcomes.map(({ split: _split, ...t }) => ({ ...t, metrics: { ...t.metrics } })),
        best: best
          ? {
              trial: best.trial,
              runId: best.runId,
              params: best.params,
              value: best.value,
              bestEpoch: best.bestEpoch,
            }
          : null,
      },
    };
  },
};
