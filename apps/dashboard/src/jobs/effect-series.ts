import type { ChartSeries } from '../chart/series.ts';

/** An effect summary as the API gives it: statistics null when nothing was measured. */
export interface Effect {
  n: number;
  mean: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
}

/**
 * An effect curve with its spread, for a line chart: the mean per x (markers), and mean ± sd as
 * two thin dashed lines. Points with no mean (n = 0) are left out.
 */
export function effectSeries(
  name: string,
  points: readonly { x: number; effect: Effect }[],
): ChartSeries[] {
  const measured = points.filter((p) => p.effect.mean !== null);
  const at = (sign: number) =>
    measured.map((p) => ({ x: p.x, y: (p.effect.mean as number) + sign * (p.effect.sd ?? 0) }));
  return [
    {
      name: `${name}-mean`,
      label: 'mean effect',
      color: '#0072b2',
      marker: 'circle',
      points: at(0),
    },
    {
      name: `${name}-upper`,
      label: 'mean + sd',
      color: '#56b4e9',
      thin: true,
      dashed: true,
      points: at(1),
    },
    {
      name: `${name}-lower`,
      label: 'mean − sd',
      color: '#56b4e9',
      thin: true,
      dashed: true,
      points: at(-1),
    },
  ];
}

/** An edited sequence for display: each base, and whether it differs from the start. */
export function editedBases(
  sequence: string,
  edits: readonly { position: number }[],
): { base: string; edited: boolean }[] {
  const edited = new Set(edits.map((e) => e.position));
  return [...sequence].map((base, i) => ({ base, edited: edited.has(i) }));
}
