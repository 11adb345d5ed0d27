import { arr, isRecord, num, rec, str } from './json-value.ts';
import type { JsonRecord } from './json-value.ts';

/** One trial of a sweep: the parameters it tried, how it ended, its best metric value. */
export interface SweepTrialView {
  trial: number;
  /** The training run of the trial, when the sweep ran trials as runs. */
  runId: string | null;
  params: Record<string, unknown>;
  /** completed, pruned or failed (as the result says). */
  status: string;
  value: number | null;
  bestEpoch: number | null;
  epochs: number | null;
  /** The epoch after which the median rule stopped a pruned trial. */
  prunedAfterEpoch: number | null;
  /** Why a failed trial failed. */
  error: string | null;
  /** The sweep's metric after each epoch (NaN where undefined); empty when not recorded. */
  curve: number[];
}

/** A SWEEP result. */
export interface SweepResultView {
  metric: string | null;
  direction: string | null;
  method: string | null;
  trials: SweepTrialView[];
  /** The best trial's number; null when no trial has a value. */
  best: number | null;
}

function trial(t: JsonRecord, i: number): SweepTrialView {
  const metric = rec(t.metric);
  return {
    trial: num(t.trial) ?? i + 1,
    runId: str(t.runId),
    params: rec(t.params),
    status: str(t.status) ?? 'unknown',
    value: num(t.value) ?? num(t.bestValue) ?? num(t.best) ?? num(metric.value),
    bestEpoch: num(t.bestEpoch),
    epochs: num(t.epochs),
    prunedAfterEpoch: num(t.prunedAfterEpoch),
    error: str(t.error),
    // JSON has no NaN: an epoch whose metric was undefined is stored as null.
    curve: arr(t.curve).map((v) => num(v) ?? Number.NaN),
  };
}

/** Which trial is best: the result's own choice (a trial, its number or its run id). */
function bestOf(value: unknown, trials: SweepTrialView[]): number | null {
  if (isRecord(value)) {
    const byNumber = num(value.trial);
    if (byNumber !== null) return byNumber;
    const runId = str(value.runId);
    return trials.find((t) => runId !== null && t.runId === runId)?.trial ?? null;
  }
  const n = num(value);
  if (n !== null) return n;
  const runId = str(value);
  return trials.find((t) => runId !== null && t.runId === runId)?.trial ?? null;
}

/** A SWEEP result (`trials`, `best`, `metric`, `direction`); null when it has no trials. */
export function parseSweepResult(value: unknown): SweepResultView | null {
  if (!isRecord(value)) return null;
  const trials = arr(value.trials).filter(isRecord).map(trial);
  if (trials.length === 0) return null;
  return {
    metric: str(value.metric),
    direction: str(value.direction),
    method: str(value.method),
    trials,
    best: bestOf(value.best ?? value.bestTrial, trials),
  };
}

/** The sweep's trial parameters as the columns of its table, in first-seen order. */
export function paramNames(trials: readonly SweepTrialView[]): string[] {
  const names: string[] = [];
  for (const t of trials)
    for (const k of Object.keys(t.params)) if (!names.includes(k)) names.push(k);
  return names;
}
