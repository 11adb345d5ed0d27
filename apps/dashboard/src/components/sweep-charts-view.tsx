import type { ReactNode } from 'react';
import { LineChart } from '../chart/line-chart.tsx';
import { humanKey } from '../jobs/json-summary.ts';
import type { SweepResultView } from '../jobs/sweep-result.ts';
import { parallelCoordinates, trialCurveDomains, trialCurveSeries } from '../view/sweep-charts.ts';

const WIDTH = 640;
const HEIGHT = 260;
const M = { top: 24, right: 56, bottom: 16, left: 16 };

/** Low → high metric (in the sweep's direction) as blue → vermillion (Okabe–Ito ends). */
function lineColour(score: number | null): string {
  if (score === null) return '#9aa5b1';
  const mix = (a: number, b: number) => Math.round(a + (b - a) * score);
  return `rgb(${mix(0, 213)},${mix(114, 94)},${mix(178, 0)})`;
}

/** Parallel coordinates: an axis per parameter and one for the metric, a line per trial. */
function ParallelCoordinates(props: { result: SweepResultView }): ReactNode {
  const drawn = parallelCoordinates(props.result);
  if (!drawn) return null;
  const { axes, lines } = drawn;
  const x = (i: number) =>
    axes.length === 1 ? WIDTH / 2 : M.left + (i / (axes.length - 1)) * (WIDTH - M.left - M.right);
  const y = (at: number) => HEIGHT - M.bottom - at * (HEIGHT - M.top - M.bottom);
  // The best trial last, so that it is drawn on top.
  const ordered = [...lines].sort((a, b) => Number(a.best) - Number(b.best));
  return (
    <figure className="chart" data-testid="sweep-parallel">
      <figcaption>
        Parameters → {props.result.metric ?? 'metric'}, one line per trial{' '}
        <span className="muted">(blue: worse, vermillion: better; the best thick)</span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="parallel coordinates">
        {ordered.map((line) => {
          const points = line.positions
            .map((p, i) => (p === null ? null : `${x(i)},${y(p)}`))
            .filter((p): p is string => p !== null);
          return (
            <polyline
              key={line.trial}
              data-trial={line.trial}
              points={points.join(' ')}
              fill="none"
              stroke={lineColour(line.score)}
              strokeWidth={line.best ? 3 : 1.5}
              strokeDasharray={line.status === 'pruned' ? '4 3' : undefined}
              opacity={line.best ? 1 : 0.75}
            >
              <title>{`trial ${line.trial}${line.best ? ' (best)' : ''}${line.status === 'pruned' ? ' (pruned)' : ''}`}</title>
            </polyline>
          );
        })}
        {axes.map((axis, i) => (
          <g key={axis.name} className="axis" transform={`translate(${x(i)},0)`}>
            <line y1={y(0)} y2={y(1)} />
            <text
              y={M.top - 10}
              // The outer axes' names run inwards, so that they are not cut at the edges.
              textAnchor={i === 0 ? 'start' : i === axes.length - 1 ? 'end' : 'middle'}
              className="axis-name"
            >
              {humanKey(axis.name)}
              {axis.kind === 'log' ? ' (log)' : ''}
            </text>
            {axis.ticks.map((t) => (
              <text key={t.label} x={6} y={y(t.at) + 4} className="tick">
                {t.label}
              </text>
            ))}
          </g>
        ))}
      </svg>
    </figure>
  );
}

/** A finished sweep's trial curves overlaid and its parallel coordinates. */
export function SweepCharts(props: { result: SweepResultView }): ReactNode {
  const { result } = props;
  const series = trialCurveSeries(result);
  if (series.length === 0) return null;
  const domains = trialCurveDomains(result, series);
  const metric = result.metric ?? 'metric';
  return (
    <div className="charts sweep-charts">
      <LineChart
        testId="sweep-curves"
        title={`${metric} per epoch, every trial`}
        series={series}
        xDomain={domains.x}
        yDomain={domains.y}
        xLabel="epoch"
        integerX
      />
      <ParallelCoordinates result={result} />
    </div>
  );
}
