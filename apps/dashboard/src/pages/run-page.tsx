import { skipToken, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { canEdit } from '../project/project-choice.ts';
import { lazy, Suspense, useEffect, useReducer, useState } from 'react';
import { BestEpochTable } from '../components/best-epoch.tsx';
import { ConfusionMatrix } from '../components/confusion-matrix.tsx';
import { EpochTable } from '../components/epoch-table.tsx';
import { ProbeLogos } from '../components/probe-logos.tsx';
import { ProgressBar } from '../components/progress-bar.tsx';
import { RegisterModelForm } from '../components/register-model-form.tsx';
import { RunCharts } from '../components/run-charts.tsx';
import { RunDetails } from '../components/run-details.tsx';
import { StaleNotice } from '../components/stale-notice.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { TrainingOptions } from '../components/training-options.tsx';
import {
  CANCEL_RUN_MUTATION,
  RUN_QUERY,
  RUN_STATUS_CHANGED_SUBSCRIPTION,
  TRAINING_PROGRESS_SUBSCRIPTION,
} from '../graphql/operations.ts';
import { initialLiveState, liveReducer } from '../live/progress-reducer.ts';
import { useSocketState } from '../use-socket-state.ts';
import { displayStatus, isActive, progressView } from '../view/progress-view.ts';

// Evaluation plots load with their own code and query, only for a finished run.
const RunEvaluationSection = lazy(() =>
  import('./run-evaluation.tsx').then((m) => ({ default: m.RunEvaluationSection })),
);

/** One run: status, live progress and curves, per-epoch table, setup; Cancel while active. */
export function RunPage(props: { id: string }): ReactNode {
  const { id } = props;
  const { data, error, loading, refetch } = useQuery(RUN_QUERY, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const run = data?.run ?? null;
  const [live, dispatch] = useReducer(liveReducer, initialLiveState);
  const [cancelRun, cancel] = useMutation(CANCEL_RUN_MUTATION);
  const [cancelErrors, setCancelErrors] = useState<string[]>([]);

  const history = run?.history;
  useEffect(() => {
    if (history) dispatch({ type: 'history', history });
  }, [history]);

  // Subscribe before the query answers, so no early event is missed; stop once the run ended.
  const active = run ? isActive(run.status) : true;
  useSubscription(
    TRAINING_PROGRESS_SUBSCRIPTION,
    active
      ? {
          variables: { runId: id },
          fetchPolicy: 'no-cache',
          ignoreResults: true,
          onData: ({ data: result }) => {
            const event = result.data?.trainingProgress;
            if (!event) return;
            dispatch({ type: 'progress', event });
            // Epoch ends and the finish change stored fields (history seconds, status, times).
            if (event.batch == null || event.done) void refetch();
          },
        }
      : skipToken,
  );
  useSubscription(RUN_STATUS_CHANGED_SUBSCRIPTION, {
    onData: ({ data: result }) => {
      if (result.data?.runStatusChanged.id === id) void refetch();
    },
  });
  // After the socket reconnects, events sent meanwhile are lost: reload the stored history.
  const { connects } = useSocketState();
  useEffect(() => {
    if (connects > 1) void refetch();
  }, [connects, refetch]);

  if (!data && loading) return <p className="muted">Loading run {id}…</p>;
  if (!data && error)
    return (
      <p className="error-box">
        Could not load run {id}: {error.message}
      </p>
    );
  if (!run) return <p className="error-box">There is no run with id “{id}”.</p>;

  const status = displayStatus(run.status, live);
  async function onCancel() {
    setCancelErrors([]);
    try {
      const result = await cancelRun({ variables: { id } });
      setCancelErrors(result.data?.cancelRun.userErrors.map((e) => e.message) ?? []);
    } catch (err) {
      setCancelErrors([err instanceof Error ? err.message : String(err)]);
    }
  }

  return (
    <article className="run">
      <header className="run-head">
        <h1>
          Run {run.id}{' '}
          <small>
            {run.architecture} on {run.dataset.name}
          </small>
        </h1>
        <StatusBadge status={status} testId="run-status" />
        {isActive(status) && canEdit(run.project.viewerRole) ? (
          <button type="button" onClick={onCancel} disabled={cancel.loading}>
            {cancel.loading ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : null}
      </header>
      {cancelErrors.map((message) => (
        <p key={message} className="error-box" role="alert">
          {message}
        </p>
      ))}
      {isActive(status) ? <StaleNotice what="progress" /> : null}
      {run.error ? <p className="error-box">Training failed: {run.error}</p> : null}
      <ProgressBar view={progressView(run, live)} />
      <RunCharts live={live} epochs={live.latest?.epochs ?? run.epochs} />
      {run.probes.length ? (
        <ProbeLogos runId={run.id} currentEpoch={run.currentEpoch} live={live.probes ?? null} />
      ) : null}
      <h2>Epochs</h2>
      <EpochTable epochs={live.epochs} />
      <BestEpochTable best={run.bestEpoch} last={live.epochs.at(-1) ?? null} />
      <ConfusionMatrix metrics={live.epochs.at(-1)?.metrics ?? null} classNames={run.classNames} />
      {status === 'SUCCEEDED' ? (
        <Suspense fallback={<p className="muted">Loading the evaluation…</p>}>
          <RunEvaluationSection runId={run.id} />
        </Suspense>
      ) : null}
      <h2>Setup</h2>
      <RunDetails run={run} />
      <h2>Training options</h2>
      <TrainingOptions json={run.trainingOptions} />
      {status === 'SUCCEEDED' && canEdit(run.project.viewerRole) ? (
        <>
          <h2>Model registry</h2>
          <RegisterModelForm
            runId={run.id}
            architecture={run.architecture}
            datasetName={run.dataset.name}
          />
        </>
      ) : null}
    </article>
  );
}
