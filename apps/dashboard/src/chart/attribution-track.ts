// Geometry of a per-position attribution track (the bar form of a sequence logo, as DeepLIFT's
// and tf-modisco's plots draw it): one bar per position, up for a positive score and down for a
// negative one from a zero line, coloured by the base the score belongs to.
import type { LinearScale } from './scale.ts';
import { linearScale } from './scale.ts';
import { integerTicks, niceTicks } from './ticks.ts';

export const BASES = ['A', 'C', 'G', 'T'] as const;
export type Base = (typeof BASES)[number];

/** The customary logo colours: A green, C blue, G amber, T red. */
export const BASE_COLORS: Readonly<Record<Base, string>> = {
  A: '#109648',
  C: '#255c99',
  G: '#e59f0b',
  T: '#d62839',
};

/** The base of a position's [A, C, G, T] row with the largest |score|; null when all are 0. */
export function dominantBase(row: readonly number[] | undefined): Base | null {
  if (!row) return null;
  let best: Base | null = null;
  let size = 0;
  BASES.forEach((base, i) => {
    const value = Math.abs(row[i] ?? 0);
    if (Number.isFinite(value) && value > size) {
      size = value;
      best = base;
    }
  });
  return best;
}

/**
 * The bar heights of a track. The API's positionScores are used as they are, except for in
 * silico mutagenesis, whose summary (max |effect|) drops the sign: there the bar is the signed
 * effect of that strongest substitution, so a bar below the line is a mutation that lowers the
 * prediction (the usual reading of a motif: breaking it lowers the score).
 */
export function trackValues(
  summary: string,
  positionScores: readonly number[],
  scores: readonly (readonly number[])[],
): number[] {
  if (summary !== 'max |effect|') return [...positionScores];
  return positionScores.map((score, p) => {
    const row = scores[p];
    const base = dominantBase(row);
    return base && row ? row[BASES.indexOf(base)] : score;
  });
}

export interface TrackBar {
  /** 1-based position in the sequence. */
  position: number;
  value: number;
  base: Base | null;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TrackLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface TrackGeometry extends TrackLayout {
  bars: TrackBar[];
  /** The y of the zero line. */
  zeroY: number;
  y: LinearScale;
  /** Position ticks (1-based) with their x at the bar's centre. */
  xTicks: { position: number; x: number }[];
  yTicks: number[];
}

export const TRACK_LAYOUT: TrackLayout = {
  width: 960,
  height: 150,
  margin: { top: 8, right: 8, bottom: 26, left: 60 },
};

/**
 * The bars of a track: `positionScores[p]` is the height of position p + 1; `scores[p]` (the
 * [A, C, G, T] row) picks its colour. Non-finite scores draw nothing. The y domain always holds
 * zero, so bars grow from one line.
 */
export function attributionTrack(
  positionScores: readonly number[],
  scores: readonly (readonly number[])[],
  layout: TrackLayout = TRACK_LAYOUT,
): TrackGeometry {
  const { width, height, margin } = layout;
  const finite = positionScores.filter((v) => Number.isFinite(v));
  const low = Math.min(0, ...finite);
  const high = Math.max(0, ...finite);
  const domain: [number, number] = low === high ? [0, 1] : [low, high];
  const y = linearScale(domain, [height - margin.bottom, margin.top]);
  const zeroY = y(0);
  const n = positionScores.length;
  const step = n > 0 ? (width - margin.left - margin.right) / n : 0;
  // A one-pixel gap between bars while they are wide enough to spare it.
  const barWidth = step >= 3 ? step - 1 : step;
  const xOf = (i: number) => margin.left + i * step;
  const bars: TrackBar[] = [];
  positionScores.forEach((value, i) => {
    if (!Number.isFinite(value)) return;
    const top = y(Math.max(0, value));
    const bottom = y(Math.min(0, value));
    bars.push({
      position: i + 1,
      value,
      base: dominantBase(scores[i]),
      x: xOf(i),
      y: top,
      width: barWidth,
      height: bottom - top,
    });
  });
  const xTicks =
    n > 0 ? integerTicks(1, n, 10).map((p) => ({ position: p, x: xOf(p - 1) + step / 2 })) : [];
  return { ...layout, bars, zeroY, y, xTicks, yTicks: niceTicks(domain[0], domain[1], 4) };
}
