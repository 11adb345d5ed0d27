import type { ReactNode } from 'react';
import { epochDomain, extentDomain, scoreDomain, zeroBasedDomain } from '../chart/domain.ts';
import type { ChartPoint } from '../chart/path.ts';
import { LineChart } from '../chart/line-chart.tsx';
import { groupSeries } from '../live/chart-series.ts';
import { metricGroups, reportedNames } from '../live/metric-groups.ts';
import type { MetricScale } from '../live/metric-groups.ts';
import type { LiveState } from '../live/progress-reducer.ts';

const Y_DOMAIN: Record<MetricScale, (points: ChartPoint[][]) => [number, number]> = {
  zero: zeroBasedDomain,
  score: scoreDomain,
  fit: (points) => extentDomain(points, [0, 1]),
  free: (points) => extentDomain(points),
};

/**
 * The run page's live charts, one per group of the metrics the run reports (see metricGroups):
 * loss always; then whatever its task gives — AUROC/AUPRC, per-class AUROC, errors, correlations,
 * each head's — so a multi-class, regression, profile or autoencoder run gets its own curves.
 */
export function RunCharts(props: { live: LiveState; epochs: number }): ReactNode {
  const groups = metricGroups(reportedNames(props.live.epochs));
  return (
    <div className="charts">
      {groups.map((group) => {
        const series = groupSeries(props.live, group);
        const points = series.map((s) => [...s.points]);
        return (
          <LineChart
            key={group.key}
            testId={`${group.key}-chart`}
            title={group.title}
            series={series}
            xDomain={epochDomain(props.epochs, points)}
            yDomain={Y_DOMAIN[group.scale](points)}
            xLabel="epoch"
            integerX
            emptyText={
              group.key === 'loss' ? 'Waiting for the first batch…' : 'Waiting for the first epoch…'
            }
          />
        );
      })}
      {props.live.epochs.length === 0 ? (
        <LineChart
          testId="validation-chart"
          title="Validation metrics"
          series={[]}
          xDomain={[0, Math.max(1, props.epochs)]}
          yDomain={[0, 1]}
          xLabel="epoch"
          integerX
          emptyText="Waiting for the first epoch…"
        />
      ) : null}
    </div>
  );
}
