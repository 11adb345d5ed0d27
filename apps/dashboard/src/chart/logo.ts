// Geometry of sequence logos: letters stacked per position, each as tall as its value. Two kinds:
// a motif's information-content logo (a PWM row [A, C, G, T] of probabilities: letter height
// p × IC bits, IC = 2 − H) and an attribution letter logo (a row of signed contributions: letters
// above the zero line raise the prediction, below it lower it), as tf-modisco and DeepLIFT draw
// them. Pure functions: the SVG is in logo-view.tsx.
import type { Base } from './attribution-track.ts';
import { BASES } from './attribution-track.ts';
import type { LinearScale } from './scale.ts';
import { linearScale } from './scale.ts';
import { integerTicks, niceTicks } from './ticks.ts';

/** The information content of a probability row in bits (2 − entropy; 0 for an empty row). */
export function informationContent(row: readonly number[]): number {
  const total = row.reduce((a, b) => a + (Number.isFinite(b) && b > 0 ? b : 0), 0);
  if (total <= 0) return 0;
  let entropy = 0;
  for (const value of row) {
    if (!Number.isFinite(value) || value <= 0) continue;
    const p = value / total;
    entropy -= p * Math.log2(p);
  }
  return Math.max(0, 2 - entropy);
}

/** A PWM's rows as letter heights in bits: p(base) × IC of the position. */
export function pwmHeights(pwm: readonly (readonly number[])[]): number[][] {
  return pwm.map((row) => {
    const total = row.reduce((a, b) => a + (Number.isFinite(b) && b > 0 ? b : 0), 0);
    const ic = informationContent(row);
    return BASES.map((_, i) => {
      const v = row[i] ?? 0;
      return total > 0 && Number.isFinite(v) && v > 0 ? (v / total) * ic : 0;
    });
  });
}

/**
 * The base a row of contributions belongs to, where the method says: the only non-zero one
 * (contribution × input methods score only the base present), or the only zero among non-zero
 * ones (in silico mutagenesis: the base present has no effect); null otherwise.
 */
export function referenceBase(row: readonly number[] | undefined): Base | null {
  if (!row || row.length !== 4 || row.some((v) => !Number.isFinite(v))) return null;
  const nonZero = row.map((v, i) => (v !== 0 ? i : -1)).filter((i) => i >= 0);
  if (nonZero.length === 1) return BASES[nonZero[0]];
  if (nonZero.length === 3) return BASES[row.findIndex((v) => v === 0)];
  return null;
}

export interface LogoLetter {
  /** 1-based position. */
  position: number;
  base: Base;
  value: number;
  x: number;
  /** Top edge. */
  y: number;
  width: number;
  height: number;
}

export interface LogoLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface LogoGeometry extends LogoLayout {
  letters: LogoLetter[];
  zeroY: number;
  y: LinearScale;
  yTicks: number[];
  /** Position ticks at the letters' centres. */
  xTicks: { position: number; x: number }[];
  /** Width of one position. */
  step: number;
}

/** The widest a position is drawn, in px. */
export const MAX_STEP = 60;

export const LOGO_LAYOUT: LogoLayout = {
  width: 960,
  height: 150,
  margin: { top: 8, right: 8, bottom: 40, left: 60 },
};

/**
 * Letters stacked per position: positive values upwards from zero, negative ones downwards,
 * the smallest nearest the line and the largest outermost. Zero and non-finite values draw
 * nothing. The y domain holds zero and `minTop` (2 bits for a PWM logo, so logos compare).
 */
export function logoGeometry(
  rows: readonly (readonly number[])[],
  layout: LogoLayout = LOGO_LAYOUT,
  minTop = 0,
): LogoGeometry {
  const { width, height, margin } = layout;
  let high = minTop;
  let low = 0;
  for (const row of rows) {
    let up = 0;
    let down = 0;
    for (const v of row) {
      if (!Number.isFinite(v)) continue;
      if (v > 0) up += v;
      else down += v;
    }
    high = Math.max(high, up);
    low = Math.min(low, down);
  }
  const domain: [number, number] = low === high ? [0, 1] : [low, high];
  const y = linearScale(domain, [height - margin.bottom, margin.top]);
  const n = rows.length;
  // A short motif's letters keep a readable shape instead of stretching across the plot.
  const step = n > 0 ? Math.min(MAX_STEP, (width - margin.left - margin.right) / n) : 0;
  const letters: LogoLetter[] = [];
  rows.forEach((row, p) => {
    const entries = BASES.map((base, i) => ({ base, value: row[i] ?? 0 })).filter(
      (e) => Number.isFinite(e.value) && e.value !== 0,
    );
    const x = margin.left + p * step;
    for (const sign of [1, -1]) {
      const side = entries
        .filter((e) => Math.sign(e.value) === sign)
        .sort((a, b) => Math.abs(a.value) - Math.abs(b.value));
      let level = 0;
      for (const e of side) {
        const next = level + e.value;
        const top = y(Math.max(level, next));
        const bottom = y(Math.min(level, next));
        letters.push({
          position: p + 1,
          base: e.base,
          value: e.value,
          x,
          y: top,
          width: step,
          height: bottom - top,
        });
        level = next;
      }
    }
  });
  const xTicks =
    n > 0
      ? integerTicks(1, n, 12).map((p) => ({ position: p, x: margin.left + (p - 0.5) * step }))
      : [];
  return {
    ...layout,
    letters,
    zeroY: y(0),
    y,
    yTicks: niceTicks(domain[0], domain[1], 4),
    xTicks,
    step,
  };
}
