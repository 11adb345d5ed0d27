// A small dependency-free SVG line chart: nice-tick axes, one <path data-series> per series
// (always present, empty until data comes), markers per point, an HTML legend. It is sized by
// its viewBox and scales to the width of its container, so no resize observer is needed.
import type { ReactNode } from 'react';
import { formatTick } from '../format/number.ts';
import { linePath } from './path.ts';
import type { LinearScale } from './scale.ts';
import { linearScale } from './scale.ts';
import type { ChartSeries, MarkerShape } from './series.ts';
import { integerTicks, niceTicks, tickStep } from './ticks.ts';

export interface LineChartProps {
  testId: string;
  title: string;
  series: readonly ChartSeries[];
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
  xLabel: string;
  /** Whole-number x ticks only (epochs). */
  integerX?: boolean;
  emptyText?: string;
}

const WIDTH = 640;
const HEIGHT = 260;
const M = { top: 12, right: 16, bottom: 40, left: 56 };

interface MarkerProps {
  shape: Exclude<MarkerShape, 'none'>;
  cx: number;
  cy: number;
  x: number;
  /** Native tooltip text. */
  tip: string;
}

function Marker(props: MarkerProps) {
  const { shape, cx, cy } = props;
  const tip = <title>{props.tip}</title>;
  if (shape === 'circle') {
    return (
      <circle data-epoch={props.x} cx={cx} cy={cy} r={3.5}>
        {tip}
      </circle>
    );
  }
  if (shape === 'square') {
    return (
      <rect x={cx - 3} y={cy - 3} width={6} height={6}>
        {tip}
      </rect>
    );
  }
  const d = `${cx},${cy - 4.5} ${cx + 4.5},${cy} ${cx},${cy + 4.5} ${cx - 4.5},${cy}`;
  return <polygon points={d}>{tip}</polygon>;
}

function Markers(props: {
  series: ChartSeries;
  x: LinearScale;
  y: LinearScale;
  xLabel: string;
}): ReactNode {
  const { series: s, x, y } = props;
  const shape = s.marker ?? 'none';
  if (shape === 'none') return null;
  return (
    <g className="markers" data-markers={s.name} fill={s.color}>
      {s.points
        .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
        .map((p, i) => (
          <Marker
            key={i}
            shape={shape}
            cx={x(p.x)}
            cy={y(p.y)}
            x={p.x}
            tip={`${s.label}, ${props.xLabel} ${p.x}: ${p.y.toFixed(4)}`}
          />
        ))}
    </g>
  );
}

/** A line chart of several series with axes, ticks and a legend. */
export function LineChart(props: LineChartProps): ReactNode {
  const { series, xDomain, yDomain } = props;
  const x = linearScale(xDomain, [M.left, WIDTH - M.right]);
  const y = linearScale(yDomain, [HEIGHT - M.bottom, M.top]);
  const xTicks = (props.integerX ? integerTicks : niceTicks)(xDomain[0], xDomain[1], 8);
  const xStep = props.integerX ? 1 : tickStep(xDomain[0], xDomain[1], 8);
  const yTicks = niceTicks(yDomain[0], yDomain[1], 5);
  const yStep = tickStep(yDomain[0], yDomain[1], 5);
  const empty = series.every((s) => s.points.length === 0);
  const bottom = HEIGHT - M.bottom;

  return (
    <figure className="chart" data-testid={props.testId}>
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={props.title}>
        <g className="grid">
          {yTicks.map((t) => (
            <line key={t} x1={M.left} x2={WIDTH - M.right} y1={y(t)} y2={y(t)} />
          ))}
        </g>
        <g className="axis">
          <line x1={M.left} x2={WIDTH - M.right} y1={bottom} y2={bottom} />
          <line x1={M.left} x2={M.left} y1={M.top} y2={bottom} />
          {xTicks.map((t) => (
            <g key={t} transform={`translate(${x(t)},${bottom})`}>
              <line y2={5} />
              <text y={18} textAnchor="middle">
                {formatTick(t, xStep)}
              </text>
            </g>
          ))}
          {yTicks.map((t) => (
            <g key={t} transform={`translate(${M.left},${y(t)})`}>
              <line x2={-5} />
              <text x={-8} dy="0.32em" textAnchor="end">
                {formatTick(t, yStep)}
              </text>
            </g>
          ))}
          <text className="axis-label" x={(M.left + WIDTH - M.right) / 2} y={HEIGHT - 4}>
            {props.xLabel}
          </text>
        </g>
        {series.map((s) =>
          s.line === false ? null : (
            <path
              key={s.name}
              data-series={s.name}
              className={s.thin ? 'series thin' : 'series'}
              d={linePath(s.points, x, y)}
              stroke={s.color}
              strokeDasharray={s.dashed ? '5 4' : undefined}
            />
          ),
        )}
        {series.map((s) => (
          <Markers key={s.name} series={s} x={x} y={y} xLabel={props.xLabel} />
        ))}
        {empty && props.emptyText ? (
          <text className="chart-empty" x={(M.left + WIDTH - M.right) / 2} y={HEIGHT / 2}>
            {props.emptyText}
          </text>
        ) : null}
      </svg>
      <ul className="legend">
        {series.map((s) => (
          <li key={s.name}>
            <span className={s.thin ? 'swatch thin' : 'swatch'} style={{ background: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
