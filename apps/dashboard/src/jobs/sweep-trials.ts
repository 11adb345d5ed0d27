// A running sweep's trial table, kept live from the subscriptions instead of refetching the job:
// `runStatusChanged` brings a trial's run whenever it is queued, starts, ends or is pruned (the
// sweep marks a hopeless trial "trial N (pruned)" before cancelling it), and `trainingProgress`
// of each active trial moves its epoch and metrics. Pure, so it runs under StrictMode twice.
import type { JobRun, Metric, RunStatus, TrainingProgress } from '../graphql/types.ts';

/** What a trial row shows as its status: the run's, or PRUNED once the sweep stopped it. */
export type TrialStatus = RunStatus | 'PRUNED';

export interface TrialRow extends JobRun {
  /** The trial number from the group label ("trial 3"); null for a run without one. */
  trial: number | null;
  trialStatus: TrialStatus;
}

/** The tag and label suffix the sweep gives a pruned trial's run (libs/jobs sweep.trial.ts). */
const PRUNED_TAG = 'pruned';
const LABEL = /^trial (\d+)( \(pruned\))?$/;

/** The trial number in a group label ("trial 3", "trial 3 (pruned)"); null for others. */
export function trialNumber(groupLabel: string | null): number | null {
  const match = LABEL.exec(groupLabel ?? '');
  return match ? Number(match[1]) : null;
}

/** Whether the sweep pruned the run: its label says so, or it carries the `pruned` tag. */
export function isPruned(run: Pick<JobRun, 'groupLabel' | 'tags'>): boolean {
  return LABEL.exec(run.groupLabel ?? '')?.[2] !== undefined || run.tags.includes(PRUNED_TAG);
}

/** A run as a trial row; a pruned trial shows PRUNED whatever status its cancel left. */
export function trialRow(run: JobRun): TrialRow {
  return {
    ...run,
    trial: trialNumber(run.groupLabel),
    trialStatus: isPruned(run) ? 'PRUNED' : run.status,
  };
}

/** Live news about the trials, by run id; merged over the queried `Job.runs`. */
export type TrialNews = Readonly<Record<string, JobRun>>;

export type TrialAction =
  /** A run changed status (runStatusChanged): a whole fresh snapshot. */
  | { type: 'run'; run: JobRun }
  /** A trial's trainingProgress event; ignored for a run not seen yet. */
  | { type: 'progress'; event: TrainingProgress }
  /** The job was read again (after a reconnect): the query is the truth once more. */
  | { type: 'reset' };

/** Merges one piece of news into what is known beyond the query. */
export function trialNewsReducer(
  news: TrialNews,
  action: TrialAction,
  base: readonly JobRun[] = [],
): TrialNews {
  if (action.type === 'reset') return {};
  if (action.type === 'run') return { ...news, [action.run.id]: action.run };
  const { event } = action;
  const known = news[event.runId] ?? base.find((r) => r.id === event.runId);
  if (!known) return news;
  // A batch event is inside epoch `epoch`; an epoch event says that epoch has finished.
  const finished = event.batch == null ? event.epoch : Math.max(0, event.epoch - 1);
  const metrics: Metric[] =
    event.batch == null && event.metrics.length > 0 ? event.metrics : known.metrics;
  // A status change comes with runStatusChanged; a progress event only moves a queued run on.
  const status: RunStatus = known.status === 'QUEUED' ? event.status : known.status;
  return {
    ...news,
    [event.runId]: {
      ...known,
      status,
      currentEpoch: Math.max(known.currentEpoch, finished),
      epochs: event.epochs,
      metrics,
    },
  };
}

/** The rows in trial order: the queried runs with the news over them, new trials added. */
export function trialRows(base: readonly JobRun[], news: TrialNews): TrialRow[] {
  const byId = new Map<string, JobRun>(base.map((r) => [r.id, r]));
  for (const run of Object.values(news)) byId.set(run.id, run);
  const rows = [...byId.values()].map(trialRow);
  // Trials by number; a run without a label keeps its place after the numbered ones.
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => (a.row.trial ?? Infinity) - (b.row.trial ?? Infinity) || a.i - b.i)
    .map(({ row }) => row);
}
