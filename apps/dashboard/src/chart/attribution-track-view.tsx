import type { ReactNode } from 'react';
import { formatTick } from '../format/number.ts';
import { attributionTrack, BASE_COLORS } from './attribution-track.ts';
import { tickStep } from './ticks.ts';

/** One sequence's attribution track as SVG: a bar per position coloured by its base. */
export function AttributionTrackView(props: {
  positionScores: readonly number[];
  scores: readonly (readonly number[])[];
  label: string;
  testId?: string;
}): ReactNode {
  const g = attributionTrack(props.positionScores, props.scores);
  const [d0, d1] = g.y.domain;
  const yStep = tickStep(d0, d1, 4);
  const bottom = g.height - g.margin.bottom;
  return (
    <svg
      className="track"
      viewBox={`0 0 ${g.width} ${g.height}`}
      role="img"
      aria-label={props.label}
      data-testid={props.testId}
    >
      <g className="axis">
        {g.yTicks.map((t) => (
          <g key={t} transform={`translate(${g.margin.left},${g.y(t)})`}>
            <line x2={-4} />
            <text x={-7} dy="0.32em" textAnchor="end">
              {formatTick(t, yStep)}
            </text>
          </g>
        ))}
        {g.xTicks.map((t) => (
          <g key={t.position} transform={`translate(${t.x},${bottom})`}>
            <line y2={4} />
            <text y={17} textAnchor="middle">
              {t.position}
            </text>
          </g>
        ))}
        <line x1={g.margin.left} x2={g.margin.left} y1={g.margin.top} y2={bottom} />
      </g>
      <g className="bars">
        {g.bars.map((b) => (
          <rect
            key={b.position}
            data-position={b.position}
            x={b.x}
            y={b.y}
            width={b.width}
            height={Math.max(b.height, 0.5)}
            fill={b.base ? BASE_COLORS[b.base] : '#9aa3ad'}
          >
            <title>{`position ${b.position}${b.base ? ` (${b.base})` : ''}: ${b.value}`}</title>
          </rect>
        ))}
      </g>
      <line
        className="zero"
        x1={g.margin.left}
        x2={g.width - g.margin.right}
        y1={g.zeroY}
        y2={g.zeroY}
      />
    </svg>
  );
}
