import type { ReactNode } from 'react';
import type { RiskHeatmapView } from '../jobs/risk-result.ts';

const CELL_H = 14;
const LEFT = 110;
const TOP = 18;
const WIDTH = 900;
/** z-scores at ±CLIP take the full colour (the job clips there too). */
const CLIP = 4;

/** Blue (low) – white – vermillion (high), by z-score; grey for a missing value. */
export function heatColor(z: number | null): string {
  if (z === null || !Number.isFinite(z)) return '#dddddd';
  const t = Math.min(1, Math.abs(z) / CLIP);
  const [r, g, b] = z < 0 ? [0, 114, 178] : [213, 94, 0];
  const mix = (c: number) => Math.round(255 + (c - 255) * t);
  return `rgb(${mix(r)}, ${mix(g)}, ${mix(b)})`;
}

/**
 * The expression (z-scores) of a risk job's top features across its samples, samples ordered by
 * out-of-fold risk (lowest left), with a strip of each sample's class above.
 */
export function RiskHeatmap(props: {
  heatmap: RiskHeatmapView;
  positiveLabel: string | null;
}): ReactNode {
  const { genes, samples, labels, z } = props.heatmap;
  if (genes.length === 0 || samples.length === 0) return null;
  const cellW = (WIDTH - LEFT) / samples.length;
  const height = TOP + genes.length * CELL_H + 4;
  const shown = samples.length < props.heatmap.sampleCount;
  return (
    <figure className="risk-heatmap" data-testid="risk-heatmap">
      <figcaption>
        Expression of the top {genes.length} features (z-scores) in{' '}
        {shown
          ? `${samples.length} of ${props.heatmap.sampleCount} samples (every k-th by risk)`
          : `${samples.length} samples`}
        , lowest risk left; the strip above marks {props.positiveLabel ?? 'the positive class'}.
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label="Expression heatmap">
        {labels.map((label, s) => (
          <rect
            key={`l${s}`}
            x={LEFT + s * cellW}
            y={2}
            width={cellW}
            height={TOP - 6}
            fill={label === props.positiveLabel ? '#333333' : '#eeeeee'}
          >
            <title>{`${samples[s]}: ${label}`}</title>
          </rect>
        ))}
        {genes.map((gene, g) => (
          <g key={gene} data-gene={gene}>
            <text x={LEFT - 6} y={TOP + g * CELL_H + CELL_H - 3} textAnchor="end" fontSize={11}>
              {gene}
            </text>
            {(z[g] ?? []).map((value, s) => (
              <rect
                key={s}
                x={LEFT + s * cellW}
                y={TOP + g * CELL_H}
                width={cellW}
                height={CELL_H}
                fill={heatColor(value)}
              >
                <title>{`${gene} in ${samples[s]}: z ${value ?? '—'}`}</title>
              </rect>
            ))}
          </g>
        ))}
      </svg>
      <p className="muted small">
        <span className="swatch" style={{ background: heatColor(-CLIP) }} /> z ≤ −{CLIP}{' '}
        <span className="swatch" style={{ background: heatColor(0) }} /> 0{' '}
        <span className="swatch" style={{ background: heatColor(CLIP) }} /> z ≥ {CLIP}
      </p>
    </figure>
  );
}
