import type { ReactNode } from 'react';
import { formatCount, formatMetric, formatNumber } from '../format/number.ts';
import type { JobRun } from '../graphql/types.ts';
import { humanKey, scalarText } from '../jobs/json-summary.ts';
import { shortId } from '../format/ids.ts';
import type { SweepResultView } from '../jobs/sweep-result.ts';
import type { TrialRow } from '../jobs/sweep-trials.ts';
import { metricValue } from '../live/metrics.ts';
import { paramNames } from '../jobs/sweep-result.ts';
import { routeHref } from '../routing/route.ts';
import { StatusBadge } from './status-badge.tsx';
import { SweepCharts } from './sweep-charts-view.tsx';

/** A trial outcome of the result as a badge, in the words and colours of the live table. */
const TRIAL_OUTCOME: Record<string, { text: string; className: string }> = {
  completed: { text: 'COMPLETED', className: 'status-succeeded' },
  pruned: { text: 'PRUNED', className: 'status-pruned' },
  failed: { text: 'FAILED', className: 'status-failed' },
};

/** A sweep's trials: parameters, outcome, best metric, each trial's run; the best highlighted. */
export function SweepResult(props: {
  result: SweepResultView;
  runs: readonly JobRun[];
}): ReactNode {
  const r = props.result;
  const names = paramNames(r.trials);
  // A trial without a run id is matched to the sweep's runs by order (they start one at a time).
  const runOf = (trial: number, runId: string | null) => runId ?? props.runs[trial - 1]?.id ?? null;
  return (
    <div className="sweep-result">
      <p className="muted">
        {r.trials.length} trials{r.method ? ` (${r.method})` : ''}
        {r.metric ? ` · best ${r.metric}` : ''}
        {r.direction ? ` (${r.direction === 'minimize' ? 'lower' : 'higher'} is better)` : ''}
      </p>
      <table className="data trials" data-testid="sweep-trials">
        <thead>
          <tr>
            <th>trial</th>
            {names.map((n) => (
              <th key={n} title={n}>
                {humanKey(n)}
              </th>
            ))}
            <th>status</th>
            <th className="num">{r.metric ?? 'best metric'}</th>
            <th className="num">epochs</th>
            <th>run</th>
          </tr>
        </thead>
        <tbody>
          {r.trials.map((t) => {
            const runId = runOf(t.trial, t.runId);
            const best = t.trial === r.best;
            return (
              <tr key={t.trial} className={best ? 'best' : undefined} data-trial={t.trial}>
                <td>
                  {t.trial}
                  {best ? <span className="best-mark"> ★ best</span> : null}
                </td>
                {names.map((n) => (
                  <td key={n}>{scalarText(t.params[n], 40)}</td>
                ))}
                <td>
                  <span className={`badge ${TRIAL_OUTCOME[t.status]?.className ?? ''}`}>
                    {TRIAL_OUTCOME[t.status]?.text ?? t.status}
                  </span>
                  {t.prunedAfterEpoch != null ? (
                    <span className="note"> after epoch {t.prunedAfterEpoch}</span>
                  ) : null}
                  {t.error ? (
                    <span className="job-error" title={t.error}>
                      {t.error}
                    </span>
                  ) : null}
                </td>
                <td className="num">
                  {formatMetric(t.value)}
                  {t.bestEpoch != null ? <span className="muted"> @{t.bestEpoch}</span> : null}
                </td>
                <td className="num">{formatCount(t.epochs)}</td>
                <td>
                  {runId ? (
                    <a href={routeHref({ page: 'run', id: runId })} title={runId}>
                      Run {shortId(runId)}
                    </a>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <SweepCharts result={r} />
    </div>
  );
}

/** A sweep's trials while it has no result yet: each trial's run as it stands now. */
export function TrialRuns(props: { rows: readonly TrialRow[]; metric: string | null }): ReactNode {
  if (props.rows.length === 0) return <p className="muted">No trial has started yet.</p>;
  const metric = props.metric;
  return (
    <table className="data trials" data-testid="sweep-runs">
      <thead>
        <tr>
          <th>trial</th>
          <th>status</th>
          <th>architecture</th>
          <th className="num">learning rate</th>
          <th className="num">batch size</th>
          <th className="num">epoch</th>
          {metric ? <th className="num">{metric} (latest)</th> : null}
          <th>run</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((run, i) => (
          <tr key={run.id} data-trial={run.trial ?? i + 1} data-status={run.trialStatus}>
            <td>{run.trial ?? i + 1}</td>
            <td>
              <StatusBadge status={run.trialStatus} />
            </td>
            <td>{run.architecture}</td>
            <td className="num">{formatNumber(run.learningRate)}</td>
            <td className="num">{formatCount(run.batchSize)}</td>
            <td className="num">
              {run.currentEpoch}/{run.epochs}
            </td>
            {metric ? (
              <td className="num">{formatMetric(metricValue(run.metrics, metric))}</td>
            ) : null}
            <td>
              <a href={routeHref({ page: 'run', id: run.id })} title={run.id}>
                Run {shortId(run.id)}
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
