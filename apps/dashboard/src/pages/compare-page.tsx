import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { LineChart } from '../chart/line-chart.tsx';
import { epochDomain } from '../chart/domain.ts';
import { StatusBadge } from '../components/status-badge.tsx';
import { formatMetric } from '../format/number.ts';
import { COMPARE_RUNS_QUERY } from '../graphql/operations.ts';
import { MAX_COMPARED, routeHref } from '../routing/route.ts';
import type { Comparison } from '../view/compare.ts';
import {
  compareDomain,
  compareSeries,
  defaultMetric,
  finalMetricRows,
  paramCell,
  plottableMetrics,
  runLabel,
} from '../view/compare.ts';

/** Runs side by side: a metric's curves overlaid, the parameters that differ, final metrics. */
export function ComparePage(props: { ids: string[] }): ReactNode {
  const { ids } = props;
  const valid = ids.length >= 1 && ids.length <= MAX_COMPARED;
  const { data, error, loading } = useQuery(COMPARE_RUNS_QUERY, {
    variables: { ids },
    skip: !valid,
  });
  const back = <a href={routeHref({ page: 'runs' })}>← Runs</a>;
  if (!valid) {
    return (
      <section>
        {back}
        <p className="error-box" role="alert">
          Compare takes 1–{MAX_COMPARED} run ids (<code>#/compare?ids=A,B</code>); this link has{' '}
          {ids.length}. Select runs in the runs table and press Compare.
        </p>
      </section>
    );
  }
  if (!data && loading) return <p className="muted">Loading the runs…</p>;
  if (!data) {
    return (
      <section>
        {back}
        <p className="error-box" role="alert">
          Could not compare these runs: {error?.message ?? 'no answer'}
        </p>
      </section>
    );
  }
  return (
    <section>
      {back}
      <h1>Compare {data.compareRuns.runs.length} runs</h1>
      <ComparisonView comparison={data.compareRuns} />
    </section>
  );
}

/** The comparison itself: runs, a metric's overlaid curves, differing parameters, final metrics. */
export function ComparisonView(props: { comparison: Comparison }): ReactNode {
  const { comparison } = props;
  const metrics = plottableMetrics(comparison.metricNames);
  const [chosen, setChosen] = useState<string | null>(null);
  const metric = chosen && metrics.includes(chosen) ? chosen : defaultMetric(metrics);
  const series = metric ? compareSeries(comparison, metric) : [];
  const rows = finalMetricRows(comparison.runs);
  const { runs } = comparison;
  return (
    <>
      <table className="data" data-testid="compared-runs">
        <thead>
          <tr>
            <th>run</th>
            <th>status</th>
            <th>dataset</th>
            <th className="num">epoch</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run, i) => (
            <tr key={run.id}>
              <td>
                <a href={routeHref({ page: 'run', id: run.id })}>{runLabel(run, i)}</a>
              </td>
              <td>
                <StatusBadge status={run.status} />
              </td>
              <td>{run.dataset.name}</td>
              <td className="num">
                {run.currentEpoch}/{run.epochs}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Curves</h2>
      {metric ? (
        <>
          <label>
            metric{' '}
            <select
              data-testid="compare-metric"
              value={metric}
              onChange={(e) => setChosen(e.target.value)}
            >
              {metrics.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
          <LineChart
            testId="compare-chart"
            title={`${metric} per epoch`}
            series={series}
            xDomain={epochDomain(
              1,
              series.map((s) => s.points),
            )}
            yDomain={compareDomain(metric, series)}
            xLabel="epoch"
            integerX
          />
        </>
      ) : (
        <p className="muted">None of these runs has finished an epoch yet.</p>
      )}

      <h2>Parameters that differ</h2>
      {comparison.params.length === 0 ? (
        <p className="muted">These runs share every parameter.</p>
      ) : (
        <table className="data compare-params" data-testid="param-diff">
          <thead>
            <tr>
              <th>parameter</th>
              {runs.map((run, i) => (
                <th key={run.id}>{runLabel(run, i)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {comparison.params.map((p) => (
              <tr key={p.name}>
                <th scope="row">
                  <code>{p.name}</code>
                </th>
                {p.values.map((v, i) => (
                  <td key={runs[i]?.id ?? i} className="differs">
                    {paramCell(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Final metrics</h2>
      {rows.length === 0 ? (
        <p className="muted">No metrics recorded yet.</p>
      ) : (
        <table className="data" data-testid="final-metrics">
          <thead>
            <tr>
              <th>metric</th>
              {runs.map((run, i) => (
                <th key={run.id} className="num">
                  {runLabel(run, i)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.name}>
                <th scope="row">
                  <code>{row.name}</code>
                </th>
                {row.values.map((v, i) => (
                  <td
                    key={runs[i]?.id ?? i}
                    className={row.best.includes(i) ? 'num best' : 'num'}
                    title={row.best.includes(i) ? 'best of these runs' : undefined}
                  >
                    {formatMetric(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
