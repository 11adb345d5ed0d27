import type { ExpressionValues } from './expression-values.ts';
import { shapeOf, withValues } from './expression-values.ts';

/** ln(1 + x) of every cell (NaN stays NaN), as a new matrix. */
export function log1pTransform(m: ExpressionValues): ExpressionValues {
  shapeOf(m);
  return withValues(m, m.values.map(Math.log1p));
}
