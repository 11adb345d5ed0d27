/**
 * The worker-thread half of PREDICT_RISK (see predict-risk.kind.ts): reads the stored expression
 * matrix, counts the gene-level variant burden of the stored VCF over the genes BED (geneBurden),
 * and runs the cross-validated risk pipeline (risk/risk-pipeline.ts). Files are named in errors
 * by their dataset names and the BED's base name, never by server paths. The result keeps the
 * `top` ranked features and at most `sampleCap` samples (the first in the expression's order).
 */
import type { RiskHeatmap } from '../risk/risk-heatmap.ts';
import { geneBurden, readBed, readExpressionMatrix } from '@strand/genomics';
import type { ExpressionOrientation } from '@strand/genomics';
import type { WorkerTools } from '../platform/run-in-worker.ts';
import type { RankedFeature } from '../risk/risk-attribution.ts';
import { runRiskPipeline } from '../risk/risk-pipeline.ts';
import type { RiskFoldResult, RiskPipelineResult, RiskSample } from '../risk/risk-pipeline.ts';

export interface PredictRiskTaskInput {
  expression: { file: string; name: string; orientation: ExpressionOrientation | 'auto' };
  /** Sample id → class label, as the expression dataset stores them. */
  labels: Record<string, string>;
  variants: { file: string; name: string };
  genes: { file: string; name: string };
  positiveLabel: string | null;
  folds: number;
  seed: number;
  epochs: number;
  maxAf: number | null;
  /** Ranked features kept. */
  top: number;
  /** Samples kept (each with its risk and top features). */
  sampleCap: number;
}

export interface PredictRiskTaskResult {
  backend: string;
  seed: number;
  positiveLabel: string;
  negativeLabel: string;
  cohort: RiskPipelineResult['cohort'];
  burden: {
    genes: number;
    variantsUsed: number;
    variantsOutsideGenes: number;
    variantsFiltered: number;
    missingGenotypes: number;
    maxAlleleFrequency: number | null;
  };
  config: Record<string, unknown>;
  epochs: number;
  folds: RiskFoldResult[];
  mean: Record<string, number>;
  sd: Record<string, number>;
  pooled: Record<string, number>;
  /** Features ranked in all. */
  featureCount: number;
  topFeatures: RankedFeature[];
  /** Samples in the cohort; `samples` holds the first `sampleCap` of them. */
  sampleCount: number;
  samplesTruncated: boolean;
  samples: RiskSample[];
  /** Top expression features × samples by risk (z-scores), for a heatmap. */
  heatmap: RiskHeatmap;
}

/** Reads, counts and predicts; progress counts the pipeline's steps (epochs, then attribution). */
export async function predictRiskTask(
  input: PredictRiskTaskInput,
  { progress, signal }: WorkerTools,
): Promise<PredictRiskTaskResult> {
  const step = (message: string) => progress({ done: 0, total: null, unit: 'steps', message });
  step('reading the expression matrix');
  const expression = await readExpressionMatrix(input.expression.file, {
    label: input.expression.name,
    orientation: input.expression.orientation,
  });
  step('counting variant burden per gene');
  const burden = await geneBurden(
    input.variants.file,
    readBed(input.genes.file, { label: input.genes.name }),
    {
      label: input.variants.name,
      genesLabel: input.genes.name,
      ...(input.maxAf === null ? {} : { maxAlleleFrequency: input.maxAf }),
    },
  );
  const result = await runRiskPipeline({
    expression,
    burden,
    labels: input.labels,
    ...(input.positiveLabel === null ? {} : { positiveLabel: input.positiveLabel }),
    folds: input.folds,
    seed: input.seed,
    epochs: input.epochs,
    signal,
    onProgress: (p) =>
      progress({ done: p.done, total: p.total, unit: 'steps', message: p.message }),
  });
  return {
    backend: result.backend,
    seed: result.seed,
    positiveLabel: result.positiveLabel,
    negativeLabel: result.negativeLabel,
    cohort: result.cohort,
    burden: {
      genes: burden.genes.length,
      variantsUsed: burden.variantsUsed,
      variantsOutsideGenes: burden.variantsOutsideGenes,
      variantsFiltered: burden.variantsFiltered,
      missingGenotypes: burden.missingCounts.reduce((a, b) => a + b, 0),
      maxAlleleFrequency: input.maxAf,
    },
    config: { ...result.config },
    epochs: result.epochs,
    folds: result.folds,
    mean: result.mean,
    sd: result.sd,
    pooled: result.pooled,
    featureCount: result.features.length,
    topFeatures: result.features.slice(0, input.top),
    sampleCount: result.samples.length,
    samplesTruncated: result.samples.length > input.sampleCap,
    samples: result.samples.slice(0, input.sampleCap),
    heatmap: result.heatmap,
  };
}
