/**
 * One trial of a SWEEP job (see sweep.kind.ts), watched until its run ends. The run is an
 * ordinary training run in the training queue; the sweep reads its stored epochs (EpochMetric
 * rows, polled: they are the truth after a restart as well as live) and applies the median
 * stopping rule (learning/median-stopping.ts) after each. A hopeless trial is marked first —
 * group label "trial N (pruned)" and tag `pruned` — and then cancelled, so a sweep that restarts
 * in between still knows. Pruning is decided on stored curves alone, so a restart does not
 * change a decision made; but the other trials' curves it compares with are those stored by
 * then, so with trials in parallel (trainingSlots > 1) the decisions depend on their pace: the
 * same seed gives the same decisions only when trials run one at a time. The cancel is sent
 * again on every poll until the run ends, since a run being started by the queue cannot be
 * cancelled yet.
 */
import type { EntityManager } from '@mikro-orm/core';
import { epochHistory, FINAL_RUN_STATUSES, Run, tagRun } from '@strand/data';
import type { EpochMetric, JsonObject, StrandDatabase } from '@strand/data';
import { bestSoFar, medianStops } from '../learning/median-stopping.ts';
import type { Direction, MedianStoppingRule } from '../learning/median-stopping.ts';
import type { PlannedTrial } from '../learning/sweep-space.ts';
import type { JobServices } from '../platform/job-kind.ts';
import { JobError } from '../platform/job-kind.ts';
import { WorkerAbortedError } from '../platform/run-in-worker.ts';

/** A stored epoch as epochHistory reads it (without the probes' attributions). */
type EpochRow = Omit<EpochMetric, 'probeAttributions'>;

/** How often a running trial's stored epochs are read. */
export const TRIAL_POLL_MS = 150;
/** The tag a pruned trial's run carries. */
export const PRUNED_TAG = 'pruned';

/** How a trial ended, for the sweep's result. */
export interface TrialOutcome {
  trial: number;
  runId: string;
  params: JsonObject;
  config: JsonObject;
  learningRate: number;
  batchSize: number;
  status: 'completed' | 'pruned' | 'failed';
  /** Epochs the run trained. */
  epochs: number;
  /** Best value of the sweep's metric over them (NaN when never defined). */
  value: number;
  bestEpoch: number | null;
  /** All metrics of that epoch. */
  metrics: Record<string, number>;
  /** The metric after each epoch. */
  curve: number[];
  /** The epoch after which the median rule stopped it (pruned trials). */
  prunedAfterEpoch: number | null;
  /** Why a failed trial failed. */
  error: string | null;
  /** The run's training/validation split. */
  split: JsonObject | null;
}

export interface TrialWatch {
  db: StrandDatabase;
  runId: string;
  plan: PlannedTrial;
  epochs: number;
  metric: string;
  direction: Direction;
  rule: MedianStoppingRule | null;
  /** Curves of the sweep's completed trials so far. */
  completed: readonly (readonly number[])[];
  services: JobServices;
  signal: AbortSignal;
  /** After each newly stored epoch. */
  onEpoch(epoch: number): void;
}

/** The group label of trial `n`, and of trial `n` once pruned. */
export const trialLabel = (n: number, pruned = false) => `trial ${n}${pruned ? ' (pruned)' : ''}`;

/** The trial number in a group label ("trial 3", "trial 3 (pruned)"); null for others. */
export function trialOf(label: string | null): number | null {
  const match = /^trial (\d+)( \(pruned\))?$/.exec(label ?? '');
  return match ? Number(match[1]) : null;
}

/** Watches the trial's run to its end (see the file comment). */
export async function watchTrial(w: TrialWatch): Promise<TrialOutcome> {
  let reported = 0;
  for (;;) {
    const em = w.db.fork();
    const run = await em.findOne(Run, { id: w.runId });
    if (!run) throw new JobError(`the run of trial ${w.plan.trial} no longer exists`);
    const rows = await epochHistory(em, run.id);
    const curve = rows.map((row) => valueOf(row, w.metric));
    if (curve.some((v) => v === undefined)) {
      await stopAndWait(w);
      const known = Object.keys(rows[0].metrics).join(', ');
      throw new JobError(`metric "${w.metric}" is not reported; metrics: ${known}`);
    }
    const values = curve as number[];
    if (rows.length > reported) {
      reported = rows.length;
      w.onEpoch(reported);
    }
    const marked = trialOf(run.groupLabel) !== null && /\(pruned\)$/.test(run.groupLabel ?? '');
    const prunedAfter = w.rule ? firstStop(values, w) : null;
    if (FINAL_RUN_STATUSES.includes(run.status)) {
      if (!marked && prunedAfter !== null) await markPruned(em, run);
      return outcome(w, run, rows, values, marked || prunedAfter !== null, prunedAfter);
    }
    if (w.signal.aborted) {
      // On shutdown the trial is left to the training queue, which resumes it at the next start.
      if (w.signal.reason === 'cancel') await stopAndWait(w);
      throw new WorkerAbortedError();
    }
    if (marked || prunedAfter !== null) {
      if (!marked) await markPruned(em, run);
      await w.services.cancelChildRun(run.id);
    }
    await pause(TRIAL_POLL_MS, w.signal);
  }
}

/** The first epoch after which the median rule stops the curve (never its last epoch). */
function firstStop(curve: number[], w: TrialWatch): number | null {
  const rule = w.rule as MedianStoppingRule;
  for (let epoch = 1; epoch <= curve.length && epoch < w.epochs; epoch++) {
    if (medianStops(curve, epoch, w.completed, w.direction, rule)) return epoch;
  }
  return null;
}

function valueOf(row: EpochRow, metric: string): number | undefined {
  if (!(metric in row.metrics)) return undefined;
  // A value undefined on an epoch (NaN) is stored as JSON null.
  const value = row.metrics[metric] as number | null;
  return value === null ? Number.NaN : value;
}

async function markPruned(em: EntityManager, run: Run): Promise<void> {
  run.groupLabel = trialLabel(trialOf(run.groupLabel) ?? 0, true);
  await em.flush();
  // The label is the mark the sweep reads; the tag lets people filter runs by it.
  await tagRun(em, run, [PRUNED_TAG]).catch(() => undefined);
}

/** Cancels the trial's run and waits (a bounded while) until it has ended. */
async function stopAndWait(w: TrialWatch): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const run = await w.db.fork().findOne(Run, { id: w.runId });
    if (!run || FINAL_RUN_STATUSES.includes(run.status)) return;
    await w.services.cancelChildRun(w.runId);
    await new Promise((resolve) => setTimeout(resolve, TRIAL_POLL_MS));
  }
}

function outcome(
  w: TrialWatch,
  run: Run,
  rows: EpochRow[],
  curve: number[],
  pruned: boolean,
  prunedAfter: number | null,
): TrialOutcome {
  const value = bestSoFar(curve, curve.length, w.direction);
  const at = Number.isNaN(value) ? -1 : curve.indexOf(value);
  // The rule's decision, not the timing of the cancel, makes a trial pruned: a run that ended
  // before its cancel landed still does not count among the completed trials.
  const status = pruned ? 'pruned' : run.status === 'SUCCEEDED' ? 'completed' : 'failed';
  const error =
    status !== 'failed'
      ? null
      : run.status === 'CANCELLED'
        ? 'the run was cancelled outside the sweep'
        : (run.error ?? `the run ended ${run.status}`);
  return {
    trial: w.plan.trial,
    runId: run.id,
    params: { ...(w.plan.params as JsonObject) },
    config: { ...(w.plan.config as unknown as JsonObject) },
    learningRate: w.plan.learningRate,
    batchSize: w.plan.batchSize,
    status,
    epochs: rows.length,
    value,
    bestEpoch: at >= 0 ? rows[at].epoch : null,
    metrics: at >= 0 ? { ...rows[at].metrics } : {},
    curve,
    prunedAfterEpoch: pruned ? prunedAfter : null,
    error,
    split: run.split,
  };
}

/** Waits `ms`, or less when the signal aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
