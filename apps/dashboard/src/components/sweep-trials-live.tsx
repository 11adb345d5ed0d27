import { skipToken, useSubscription } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useEffect, useReducer } from 'react';
import {
  SWEEP_TRIAL_CHANGED_SUBSCRIPTION,
  TRAINING_PROGRESS_SUBSCRIPTION,
} from '../graphql/operations.ts';
import type { JobRun, TrainingProgress } from '../graphql/types.ts';
import { trialNewsReducer, trialRows } from '../jobs/sweep-trials.ts';
import { isActive } from '../view/progress-view.ts';
import { TrialRuns } from './sweep-result-view.tsx';

/** Follows one active trial's training progress; renders nothing. */
function TrialFollower(props: { runId: string; onEvent(event: TrainingProgress): void }) {
  useSubscription(TRAINING_PROGRESS_SUBSCRIPTION, {
    variables: { runId: props.runId },
    fetchPolicy: 'no-cache',
    ignoreResults: true,
    onData: ({ data }) => {
      const event = data.data?.trainingProgress;
      if (event) props.onEvent(event);
    },
  });
  return null;
}

/**
 * A sweep's trials while it runs, live: each trial's run status from `runStatusChanged` (new
 * trials appear, pruned ones turn PRUNED) and each active trial's epochs from
 * `trainingProgress` — no refetch of the job. `runs` is the job as last queried.
 */
export function SweepTrialsLive(props: {
  jobId: string;
  runs: readonly JobRun[];
  /** The metric the sweep ranks trials by, shown per trial as it comes. */
  metric: string | null;
  /** Whether the sweep may still start or stop trials. */
  live: boolean;
}): ReactNode {
  const { jobId, runs, live } = props;
  const [news, dispatch] = useReducer(
    (
      state: Parameters<typeof trialNewsReducer>[0],
      action: Parameters<typeof trialNewsReducer>[1],
    ) => trialNewsReducer(state, action, runs),
    {},
  );
  // A new query answer (after a reconnect or the job's end) is newer than the news kept so far.
  useEffect(() => dispatch({ type: 'reset' }), [runs]);
  useSubscription(
    SWEEP_TRIAL_CHANGED_SUBSCRIPTION,
    live
      ? {
          fetchPolicy: 'no-cache',
          ignoreResults: true,
          onData: ({ data }) => {
            const changed = data.data?.runStatusChanged;
            if (changed?.parentJob?.id !== jobId) return;
            const { parentJob: _parent, ...run } = changed;
            dispatch({ type: 'run', run });
          },
        }
      : skipToken,
  );
  const rows = trialRows(runs, news);
  if (!live && rows.length === 0) return null;
  const following = live ? rows.filter((r) => isActive(r.status)) : [];
  return (
    <>
      {following.map((r) => (
        <TrialFollower
          key={r.id}
          runId={r.id}
          onEvent={(event) => dispatch({ type: 'progress', event })}
        />
      ))}
      <TrialRuns rows={rows} metric={props.metric} />
    </>
  );
}
