import { parseFoldMetrics } from './fold-metrics.ts';
import type { FoldMetrics } from './fold-metrics.ts';
import { isRecord, num, rec, str } from './json-value.ts';

/** A CROSS_VALIDATION result: per-fold test metrics, mean ± sd, and how it was set up. */
export interface CvResultView extends FoldMetrics {
  architecture: string | null;
  task: string | null;
  backend: string | null;
  seed: number | null;
  epochs: number | null;
  /** Folds left out of a metric's mean because it was undefined there. */
  undefinedFolds: Record<string, number>;
  /** The logistic-regression baseline on the same folds, with what it fitted; null when absent. */
  baseline: (FoldMetrics & { description: string }) | null;
  /** The scan of a named motif on the same folds (baseline.pwmScan); null when none was named. */
  pwmScan: (FoldMetrics & { description: string }) | null;
  /** Nested CV: the configuration chosen in each outer fold by inner CV; null without it. */
  nested: NestedView | null;
}

/** `nested: { innerFolds, metric, folds: [{ fold, chosen, inner: [{ name, score }] }] }`. */
export interface NestedView {
  innerFolds: number | null;
  metric: string;
  folds: { fold: number; chosen: string; score: number | null }[];
}

/** A CROSS_VALIDATION result; null when it has no folds. */
export function parseCvResult(value: unknown): CvResultView | null {
  if (!isRecord(value)) return null;
  const folds = parseFoldMetrics(value);
  if (!folds) return null;
  const undefinedFolds: Record<string, number> = {};
  for (const [k, v] of Object.entries(rec(value.undefinedFolds))) {
    const n = num(v);
    if (n) undefinedFolds[k] = n;
  }
  return {
    ...folds,
    architecture: str(value.architecture),
    task: str(value.task),
    backend: str(value.backend),
    seed: num(value.seed),
    epochs: num(value.epochs),
    undefinedFolds,
    baseline: parseBaseline(value.baseline),
    pwmScan: isRecord(value.baseline) ? parsePwmScan(value.baseline.pwmScan) : null,
    nested: parseNested(value.nested),
  };
}

/** The choice per outer fold of a nested CV result, with the chosen one's inner score. */
function parseNested(value: unknown): NestedView | null {
  if (!isRecord(value) || !Array.isArray(value.folds)) return null;
  const folds = value.folds.filter(isRecord).map((f) => {
    const chosen = str(f.chosen) ?? '?';
    const inner = Array.isArray(f.inner) ? f.inner.filter(isRecord) : [];
    const mine = inner.find((s) => str(s.name) === chosen);
    return { fold: num(f.fold) ?? 0, chosen, score: mine ? num(mine.score) : null };
  });
  return { innerFolds: num(value.innerFolds), metric: str(value.metric) ?? 'score', folds };
}

/** `baseline: { method, features, C, folds, mean, sd }` of a CROSS_VALIDATION result. */
function parseBaseline(value: unknown): CvResultView['baseline'] {
  if (!isRecord(value)) return null;
  const folds = parseFoldMetrics(value);
  if (!folds) return null;
  const method = str(value.method) ?? 'baseline';
  const C = num(value.C);
  const on = [str(value.features), str(value.penalty)?.toUpperCase(), C != null ? `C = ${C}` : null]
    .filter(Boolean)
    .join(', ');
  return { ...folds, description: `${method.replace(/-/g, ' ')}${on ? ` (${on})` : ''}` };
}

/** `baseline.pwmScan: { motif: { id, name, width }, folds, mean, sd }` of a CROSS_VALIDATION result. */
function parsePwmScan(value: unknown): CvResultView['pwmScan'] {
  if (!isRecord(value)) return null;
  const folds = parseFoldMetrics(value);
  if (!folds) return null;
  const motif = rec(value.motif);
  const name = [str(motif.id), str(motif.name)].filter(Boolean).join(' ');
  return {
    ...folds,
    description: `scan of motif ${name || '?'} (best log-odds on either strand)`,
  };
}
