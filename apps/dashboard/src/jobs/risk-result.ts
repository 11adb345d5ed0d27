import { parseFoldMetrics } from './fold-metrics.ts';
import type { FoldMetrics } from './fold-metrics.ts';
import { arr, isRecord, num, numberRecord, rec, str } from './json-value.ts';
import type { JsonRecord } from './json-value.ts';

/** A feature (gene × modality) ranked by how much it moved the predicted risk. */
export interface RiskFeature {
  rank: number;
  gene: string;
  /** expression or variant-burden. */
  modality: string;
  /** +1: higher values raise the risk; −1: they lower it; 0: none seen. */
  direction: 1 | -1 | 0;
  /** Mean |attribution| over the samples. */
  importance: number;
}

/** One sample's out-of-fold risk and the features that drove it. */
export interface RiskSampleView {
  id: string;
  label: string | null;
  risk: number;
  fold: number | null;
  topFeatures: { gene: string; modality: string; attribution: number | null }[];
}

/** Top expression features × samples by risk, as z-scores (see @strand/jobs riskHeatmap). */
export interface RiskHeatmapView {
  genes: string[];
  samples: string[];
  labels: string[];
  risks: number[];
  /** z[g][s]; null where the stored value is not a number. */
  z: (number | null)[][];
  sampleCount: number;
}

/** A PREDICT_RISK result. */
export interface RiskResultView extends FoldMetrics {
  positiveLabel: string | null;
  negativeLabel: string | null;
  /** Pooled metrics of all out-of-fold risks. */
  pooled: Record<string, number | null>;
  cohort: { samples: number | null; positives: number | null; negatives: number | null };
  features: RiskFeature[];
  /** How many features the result ranked in all (it may list only the top ones). */
  featureCount: number;
  samples: RiskSampleView[];
  /** Samples in the cohort, when the result lists only some of them. */
  sampleCount: number;
  /** Null for results stored before heatmaps were kept, or one whose shape does not add up. */
  heatmap: RiskHeatmapView | null;
}

/** The heatmap of a result; null when missing or when its rows and columns do not agree. */
export function parseRiskHeatmap(value: unknown): RiskHeatmapView | null {
  if (!isRecord(value)) return null;
  const genes = arr(value.genes).map(str);
  const samples = arr(value.samples).map(str);
  if (genes.some((g) => g === null) || samples.some((s) => s === null)) return null;
  const z = arr(value.z).map((row) => arr(row).map(num));
  if (z.length !== genes.length || z.some((row) => row.length !== samples.length)) return null;
  return {
    genes: genes as string[],
    samples: samples as string[],
    labels: arr(value.labels).map((l) => str(l) ?? ''),
    risks: arr(value.risks).map((r) => num(r) ?? Number.NaN),
    z,
    sampleCount: num(value.sampleCount) ?? samples.length,
  };
}

const directionOf = (value: unknown): 1 | -1 | 0 => {
  const n = num(value);
  if (n !== null) return n > 0 ? 1 : n < 0 ? -1 : 0;
  const s = str(value)?.toLowerCase();
  if (s === 'up' || s === 'raises' || s === '+') return 1;
  if (s === 'down' || s === 'lowers' || s === '-') return -1;
  return 0;
};

const geneOf = (f: JsonRecord) => str(f.gene) ?? str(f.feature) ?? str(f.name);

function feature(f: JsonRecord, i: number): RiskFeature | null {
  const gene = geneOf(f);
  const importance = num(f.meanAbsAttribution) ?? num(f.importance) ?? num(f.meanAbs);
  if (gene === null || importance === null) return null;
  return {
    rank: num(f.rank) ?? i + 1,
    gene,
    modality: str(f.modality) ?? '',
    direction: directionOf(f.direction),
    importance,
  };
}

function sample(s: JsonRecord): RiskSampleView | null {
  const id = str(s.id) ?? str(s.sample);
  const risk = num(s.risk);
  if (id === null || risk === null) return null;
  return {
    id,
    label: str(s.label),
    risk,
    fold: num(s.fold),
    topFeatures: arr(s.topFeatures)
      .filter(isRecord)
      .map((t) => ({
        gene: geneOf(t) ?? '?',
        modality: str(t.modality) ?? '',
        attribution: num(t.attribution),
      })),
  };
}

/**
 * A PREDICT_RISK result (the risk pipeline's: folds, mean, sd, pooled, ranked features as
 * `features` or `topFeatures`, samples); null when it has neither folds nor features.
 */
export function parseRiskResult(value: unknown): RiskResultView | null {
  if (!isRecord(value)) return null;
  const rawFeatures = arr(value.topFeatures ?? value.features).filter(isRecord);
  const features = rawFeatures.map(feature).filter((f): f is RiskFeature => f !== null);
  const folds = parseFoldMetrics(value);
  if (!folds && features.length === 0) return null;
  const samples = arr(value.samples)
    .filter(isRecord)
    .map(sample)
    .filter((s): s is RiskSampleView => s !== null);
  const cohort = rec(value.cohort);
  return {
    ...(folds ?? { folds: [], metricNames: [], mean: {}, sd: {} }),
    positiveLabel: str(value.positiveLabel),
    negativeLabel: str(value.negativeLabel),
    pooled: numberRecord(value.pooled),
    cohort: {
      samples: num(cohort.samples),
      positives: num(cohort.positives),
      negatives: num(cohort.negatives),
    },
    features,
    featureCount: num(value.featureCount) ?? features.length,
    samples,
    sampleCount: num(cohort.samples) ?? num(value.sampleCount) ?? samples.length,
    heatmap: parseRiskHeatmap(value.heatmap),
  };
}

/** The samples to show: the `n` of highest risk (ties by id, so the list is stable). */
export function highestRisk(samples: readonly RiskSampleView[], n: number): RiskSampleView[] {
  return [...samples].sort((a, b) => b.risk - a.risk || a.id.localeCompare(b.id)).slice(0, n);
}
