import { useQuery, useSubscription } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { StatusBadge } from '../components/status-badge.tsx';
import { formatAgo, formatDateTime } from '../format/date.ts';
import { formatMetric } from '../format/number.ts';
import { RUN_STATUS_CHANGED_SUBSCRIPTION, RUNS_QUERY } from '../graphql/operations.ts';
import { metricValue } from '../live/metrics.ts';
import { canEdit } from '../project/project-choice.ts';
import { useProject } from '../project/use-project.tsx';
import { navigate } from '../routing/use-route.ts';
import { routeHref } from '../routing/route.ts';
import { isActive } from '../view/progress-view.ts';
import { newestFirst } from '../view/sort-runs.ts';
import { tagFilter } from '../view/tag-filter.ts';

// runStatusChanged only fires on status changes; epochs advance in between, so the list also
// polls while some run is active.
const ACTIVE_POLL_MS = 5000;

/** Home: every run (or those with a tag), newest first, updating live. */
export function RunsPage(): ReactNode {
  const [tag, setTag] = useState('');
  const filter = tagFilter(tag);
  const { project } = useProject();
  const { data, error, loading, refetch, startPolling, stopPolling } = useQuery(RUNS_QUERY, {
    variables: { first: 100, filter, projectId: project?.id },
    fetchPolicy: 'cache-and-network',
  });
  useSubscription(RUN_STATUS_CHANGED_SUBSCRIPTION, { onData: () => void refetch() });

  const runs = newestFirst(data?.runs.edges.map((e) => e.node) ?? []);
  const anyActive = runs.some((r) => isActive(r.status));
  useEffect(() => {
    if (!anyActive) return undefined;
    startPolling(ACTIVE_POLL_MS);
    return () => stopPolling();
  }, [anyActive, startPolling, stopPolling]);

  if (!data && loading) return <p className="muted">Loading runs…</p>;
  if (!data && error) return <p className="error-box">Could not load runs: {error.message}</p>;
  if (runs.length === 0 && !filter) {
    return (
      <section className="empty">
        <h1>No runs yet</h1>
        {canEdit(project?.viewerRole) ? (
          <p>
            Start one from <a href={routeHref({ page: 'new-run' })}>New run</a>: it generates a demo
            dataset (random DNA sequences, half of them with a planted motif) and trains a model to
            tell them apart. Loss and AUROC curves then grow here as it learns.
          </p>
        ) : (
          <p>
            Nobody has trained in this project yet. You are a VIEWER here: runs appear as an EDITOR
            or ADMIN starts them.
          </p>
        )}
      </section>
    );
  }
  const now = Date.now();
  return (
    <section>
      <h1>Runs</h1>
      <label className="tag-filter">
        tag{' '}
        <input
          type="search"
          value={tag}
          placeholder="any"
          data-testid="tag-filter"
          onChange={(e) => setTag(e.target.value)}
        />
      </label>
      {error ? <p className="error-box">Live refresh failed: {error.message}</p> : null}
      <table className="data runs clickable" data-testid="runs-table">
        <thead>
          <tr>
            <th>status</th>
            <th>run</th>
            <th>architecture</th>
            <th>dataset</th>
            <th>tags</th>
            <th className="num">epoch</th>
            <th className="num">val_auroc</th>
            <th>created</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr
              key={run.id}
              data-run-id={run.id}
              onClick={() => navigate({ page: 'run', id: run.id })}
            >
              <td>
                <StatusBadge status={run.status} />
              </td>
              <td>
                <a href={routeHref({ page: 'run', id: run.id })}>{run.id}</a>
              </td>
              <td>{run.architecture}</td>
              <td>{run.dataset.name}</td>
              <td>{run.tags.join(', ')}</td>
              <td className="num">
                {run.currentEpoch}/{run.epochs}
              </td>
              <td className="num">{formatMetric(metricValue(run.metrics, 'val_auroc'))}</td>
              <td title={formatAgo(run.createdAt, now)}>{formatDateTime(run.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
