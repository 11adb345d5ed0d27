import type { LinearScale } from './scale.ts';

/** A data point of a chart series; a non-finite y leaves a gap in the line. */
export interface ChartPoint {
  x: number;
  y: number;
}

// Two decimals of a pixel is below what a screen shows and keeps long live series' `d` short.
const px = (value: number) => String(Math.round(value * 100) / 100);

/**
 * The SVG path `d` of a polyline through the points in the given order: `M x,y L x,y …`,
 * starting a new `M` after every gap (non-finite x or y). Empty string for no points.
 */
export function linePath(points: readonly ChartPoint[], x: LinearScale, y: LinearScale): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${px(x(p.x))},${px(y(p.y))}`;
    pen = true;
  }
  return d;
}
