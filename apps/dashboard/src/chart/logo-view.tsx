import type { ReactNode } from 'react';
import { formatTick } from '../format/number.ts';
import type { Base } from './attribution-track.ts';
import { BASE_COLORS } from './attribution-track.ts';
import type { LogoLayout } from './logo.ts';
import { LOGO_LAYOUT, logoGeometry } from './logo.ts';
import { tickStep } from './ticks.ts';

// Letters are drawn as text of this size, then stretched to their box: a capital of a bold
// sans-serif is about 0.72 em tall; textLength fixes its width whatever the font.
const FONT = 100;
const CAP = 72;
const ADVANCE = 64;

/**
 * A sequence logo as SVG: one stretched letter per base and position (see logo.ts), the value
 * axis on the left and, under the positions, the reference letters when given.
 */
export function LogoView(props: {
  rows: readonly (readonly number[])[];
  label: string;
  /** The y axis' unit: bits, or contribution. */
  unit: string;
  /** A PWM logo's axis goes to 2 bits at least. */
  minTop?: number;
  reference?: readonly (Base | null)[];
  layout?: LogoLayout;
  testId?: string;
}): ReactNode {
  const g = logoGeometry(props.rows, props.layout ?? LOGO_LAYOUT, props.minTop ?? 0);
  const [d0, d1] = g.y.domain;
  const yStep = tickStep(d0, d1, 4);
  const bottom = g.height - g.margin.bottom;
  const reference = props.reference && g.step >= 5 ? props.reference : null;
  return (
    <svg
      className="logo"
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
        <text
          transform={`translate(14,${(g.margin.top + bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {props.unit}
        </text>
        {g.xTicks.map((t) => (
          <g key={t.position} transform={`translate(${t.x},${bottom})`}>
            <line y2={4} />
            <text y={reference ? 30 : 17} textAnchor="middle">
              {t.position}
            </text>
          </g>
        ))}
        <line x1={g.margin.left} x2={g.margin.left} y1={g.margin.top} y2={bottom} />
      </g>
      {reference ? (
        <g
          className="reference-letters"
          data-testid={props.testId ? `${props.testId}-reference` : undefined}
        >
          {reference.map((base, i) => (
            <text
              key={i}
              x={g.margin.left + (i + 0.5) * g.step}
              y={bottom + 15}
              textAnchor="middle"
              fontSize={Math.min(12, g.step * 1.1)}
              fill={base ? BASE_COLORS[base] : '#9aa3ad'}
            >
              {base ?? '·'}
            </text>
          ))}
        </g>
      ) : null}
      <g className="letters">
        {g.letters.map((l) =>
          l.height < 0.2 ? null : (
            <text
              key={`${l.position}${l.base}`}
              data-position={l.position}
              data-base={l.base}
              fontSize={FONT}
              textLength={ADVANCE}
              lengthAdjust="spacingAndGlyphs"
              fill={BASE_COLORS[l.base]}
              transform={`translate(${l.x},${l.y + l.height}) scale(${l.width / ADVANCE},${l.height / CAP})`}
            >
              {l.base}
              <title>{`position ${l.position} ${l.base}: ${l.value}`}</title>
            </text>
          ),
        )}
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
