import type { ChartPoint } from './path.ts';

/** How a series marks its points. Circles carry `data-epoch` (their x) for browser tests. */
export type MarkerShape = 'circle' | 'square' | 'diamond' | 'none';

/** One line of a chart. */
export interface ChartSeries {
  name: string;
  label: string;
  color: string;
  points: readonly ChartPoint[];
  marker?: MarkerShape;
  /** A thin, lighter line, for dense noisy data such as per-batch loss. */
  thin?: boolean;
  /** False: markers only, no line (a scatter of points in no order). */
  line?: boolean;
  /** A dashed reference line (chance, perfect calibration). */
  dashed?: boolean;
}
