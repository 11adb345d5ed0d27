import type { ReactNode } from 'react';
import { epochDomain, scoreDomain, zeroBasedDomain } from '../chart/domain.ts';
import { LineChart } from '../chart/line-chart.tsx';
import { lossSeries, qualitySeries } from '../live/chart-series.ts';
import type { LiveState } from '../live/progress-reducer.ts';

/** The run page's two live charts: loss, and validation AUROC / AUPRC. */
export function RunCharts(props: { live: LiveState; epochs: number }): ReactNode {
  const loss = lossSeries(props.live);
  const quality = qualitySeries(props.live);
  const lossPoints = loss.map((s) => s.points);
  const qualityPoints = quality.map((s) => s.points);
  return (
    <div className="charts">
      <LineChart
        testId="loss-chart"
        title="Loss"
        series={loss}
        xDomain={epochDomain(props.epochs, lossPoints)}
        yDomain={zeroBasedDomain(lossPoints)}
        xLabel="epoch"
        integerX
        emptyText="Waiting for the first batch…"
      />
      <LineChart
        testId="auroc-chart"
        title="Validation AUROC / AUPRC"
        series={quality}
        xDomain={epochDomain(props.epochs, qualityPoints)}
        yDomain={scoreDomain(qualityPoints)}
        xLabel="epoch"
        integerX
        emptyText="Waiting for the first epoch…"
      />
    </div>
  );
}
