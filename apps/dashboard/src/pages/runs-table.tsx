// The runs table (and its sortable headers), apart from the page so that it renders without
// the page's live wiring (the subscription socket needs a browser).
import type { ReactNode } from 'react';
import { monitorText } from '../components/best-epoch.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { formatAgo, formatDateTime } from '../format/date.ts';
import { formatMetric } from '../format/number.ts';
import type { RunsQuery } from '../graphql/generated.ts';
import { metricValue } from '../live/metrics.ts';
import { routeHref } from '../routing/route.ts';
import { navigate } from '../routing/use-route.ts';
import type { RunsView } from '../view/runs-view.ts';
import { configCell, parseConfig, runsViewSearch, sortedBy } from '../view/runs-view.ts';

export function show(view: RunsView): void {
  navigate({ page: 'runs', search: runsViewSearch(view) });
}

/** A sortable column header: a button that sorts by `sortKey` and shows the current direction. */
function SortHeader(props: {
  view: RunsView;
  sortKey: string;
  label: string;
  numeric?: boolean;
}): ReactNode {
  const { view, sortKey, label } = props;
  const active = view.sort.key === sortKey;
  const arrow = active ? (view.sort.direction === 'DESC' ? ' ▼' : ' ▲') : '';
  return (
    <th
      className={props.numeric ? 'num' : undefined}
      aria-sort={active ? (view.sort.direction === 'DESC' ? 'descending' : 'ascending') : 'none'}
    >
      <button
        type="button"
        className="sort"
        data-sort={sortKey}
        onClick={() => show(sortedBy(view, sortKey))}
      >
        {label}
        {arrow}
      </button>
    </th>
  );
}

export type RunRow = RunsQuery['runs']['edges'][number]['node'];

/**
 * The best epoch's value of `metric` when the best epoch is not the last, as `best 0.9100`; the
 * cell shows it under the last epoch's value (CSS, from data-best), so the cell's text stays the
 * sortable number.
 */
export function bestValueText(run: RunRow, metric: string): string | undefined {
  const best = run.bestEpoch;
  if (!best || best.epoch === run.currentEpoch) return undefined;
  const value = metricValue(best.metrics, metric);
  return value === null ? undefined : `best ${formatMetric(value)}`;
}

/**
 * The runs table: a select box, status, architecture, dataset, the metric columns, epochs and
 * hyperparameters (run columns and the chosen config fields), tags and creation time; headers of
 * the columns the server sorts by are buttons. Metrics come early so they stay in view on a
 * laptop screen when the hyperparameters make the table scroll sideways.
 */
export function RunsTable(props: {
  runs: readonly RunRow[];
  view: RunsView;
  params: readonly string[];
  metrics: readonly string[];
  selected: readonly string[];
  onToggle: (id: string) => void;
  /** The socket is down: the live values may be out of date (drawn faded). */
  stale?: boolean;
}): ReactNode {
  const { runs, view, params, metrics, selected } = props;
  const toggle = props.onToggle;
  const configs = runs.map((r) => parseConfig(r.config));
  const now = Date.now();
  return (
    <div className="table-scroll">
      <table className="data runs" data-testid="runs-table" data-stale={props.stale === true}>
        <thead>
          <tr>
            <th>
              <span className="visually-hidden">select</span>
            </th>
            <SortHeader view={view} sortKey="status" label="status" />
            <th>run</th>
            <SortHeader view={view} sortKey="architecture" label="architecture" />
            <th>dataset</th>
            {metrics.map((m) => (
              <SortHeader key={m} view={view} sortKey={`metric:${m}`} label={m} numeric />
            ))}
            <th
              className="num"
              title="The epoch best by the run's monitored metric (val_loss, lowest; loss without validation)"
            >
              best epoch
            </th>
            <SortHeader view={view} sortKey="epochs" label="epochs" numeric />
            <SortHeader view={view} sortKey="learningRate" label="lr" numeric />
            <SortHeader view={view} sortKey="batchSize" label="batch" numeric />
            {params.map((p) => (
              <th key={p} className="num param" title={`config.${p}`}>
                {p}
              </th>
            ))}
            <th>tags</th>
            <SortHeader view={view} sortKey="created" label="created" />
          </tr>
        </thead>
        <tbody>
          {runs.map((run, i) => (
            <tr
              key={run.id}
              data-run-id={run.id}
              className={selected.includes(run.id) ? 'selected' : undefined}
            >
              <td>
                <input
                  type="checkbox"
                  aria-label={`select run ${run.id}`}
                  checked={selected.includes(run.id)}
                  onChange={() => toggle(run.id)}
                />
              </td>
              <td>
                <StatusBadge status={run.status} />
              </td>
              <td>
                <a href={routeHref({ page: 'run', id: run.id })} title={run.id}>
                  {run.id.slice(0, 8)}
                </a>
              </td>
              <td>{run.architecture}</td>
              <td>
                <a href={routeHref({ page: 'dataset', id: run.dataset.id })}>{run.dataset.name}</a>
              </td>
              {metrics.map((m) => (
                <td key={m} className="num" data-best={bestValueText(run, m)}>
                  {formatMetric(metricValue(run.metrics, m))}
                </td>
              ))}
              <td className="num" data-testid="best-epoch-cell">
                {run.bestEpoch ? (
                  <span title={monitorText(run.bestEpoch)}>
                    {run.bestEpoch.epoch}
                    <small className="muted"> by {run.bestEpoch.monitor}</small>
                  </span>
                ) : (
                  '–'
                )}
              </td>
              <td className="num">
                {run.currentEpoch}/{run.epochs}
              </td>
              <td className="num">{run.learningRate}</td>
              <td className="num">{run.batchSize}</td>
              {params.map((p) => (
                <td key={p} className="num">
                  {configCell(configs[i]?.[p])}
                </td>
              ))}
              <td>{run.tags.join(', ')}</td>
              <td title={formatAgo(run.createdAt, now)}>{formatDateTime(run.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
