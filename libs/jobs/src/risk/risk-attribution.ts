import type { FeatureAttributionResult } from '@strand/models';

/** Which input a feature belongs to. */
export type FeatureModality = 'expression' | 'variant-burden';

/** A feature's importance over the cohort. */
export interface RankedFeature {
  /** 1-based. */
  rank: number;
  /** The gene. */
  feature: string;
  modality: FeatureModality;
  /** Mean |attribution| over the samples (probability units). */
  meanAbsAttribution: number;
  /** +1: higher values raise the risk; −1: they lower it; 0: no effect seen. */
  direction: 1 | -1 | 0;
}

/** A feature's attribution for one sample. */
export interface SampleFeature {
  feature: string;
  modality: FeatureModality;
  /** Signed: > 0 pushed this sample's risk up from the baseline. */
  attribution: number;
}

/** The model inputs in order: expression first, then burden. */
export const MODALITIES: readonly FeatureModality[] = ['expression', 'variant-burden'];

/** Per-sample attributions of every input and each feature's mean |attribution|. */
export type Attributions = Pick<
  FeatureAttributionResult,
  'attributions' | 'meanAbsolute' | 'count'
>;

/**
 * Every feature of every input ranked by mean |attribution| (ties: modality, then name, so the
 * order is deterministic). `direction` is the sign of the covariance of attribution and value
 * over the samples: for integrated gradients, the sign of the risk's mean slope along the feature.
 */
export function rankFeatures(
  result: Attributions,
  inputs: readonly Float32Array[],
  names: readonly (readonly string[])[],
): RankedFeature[] {
  const features = MODALITIES.flatMap((modality, i) => {
    const size = names[i].length;
    const attributions = result.attributions[i];
    const x = inputs[i];
    return names[i].map((feature, j) => {
      let mean = 0;
      for (let r = 0; r < result.count; r++) mean += x[r * size + j];
      mean /= result.count;
      let covariance = 0;
      for (let r = 0; r < result.count; r++) {
        const at = r * size + j;
        covariance += attributions[at] * (x[at] - mean);
      }
      return {
        rank: 0,
        feature,
        modality,
        meanAbsAttribution: result.meanAbsolute[i][j],
        direction: (covariance > 0 ? 1 : covariance < 0 ? -1 : 0) as RankedFeature['direction'],
      };
    });
  });
  features.sort(
    (a, b) =>
      b.meanAbsAttribution - a.meanAbsAttribution ||
      a.modality.localeCompare(b.modality) ||
      a.feature.localeCompare(b.feature),
  );
  features.forEach((f, k) => (f.rank = k + 1));
  return features;
}

/** The `n` features with the largest |attribution| for sample `row`, largest first. */
export function sampleTopFeatures(
  result: Attributions,
  names: readonly (readonly string[])[],
  row: number,
  n: number,
): SampleFeature[] {
  const all: SampleFeature[] = MODALITIES.flatMap((modality, i) => {
    const size = names[i].length;
    const attributions = result.attributions[i];
    return names[i].map((feature, j) => ({
      feature,
      modality,
      attribution: attributions[row * size + j],
    }));
  });
  all.sort((a, b) => Math.abs(b.attribution) - Math.abs(a.attribution));
  return all.slice(0, n);
}

/**
 * Sums the per-sample attributions of several models over the same samples (and inputs), for
 * their mean: an ensemble's attribution, steadier than one small-cohort model's.
 */
export class AttributionEnsemble {
  private sums: Float64Array[] | undefined;
  private models = 0;
  count = 0;

  add(result: FeatureAttributionResult): void {
    const sums = (this.sums ??= result.attributions.map((a) => new Float64Array(a.length)));
    this.count = result.count;
    result.attributions.forEach((a, i) => {
      const sum = sums[i] as Float64Array;
      for (let k = 0; k < a.length; k++) sum[k] = sum[k] + a[k];
    });
    this.models++;
  }

  /** The mean attributions (one array per input) and each feature's mean |attribution|. */
  mean(sizes: readonly number[]): Attributions {
    const attributions = (this.sums ?? []).map((s) => Float32Array.from(s, (v) => v / this.models));
    const meanAbsolute = attributions.map((a, i) => {
      const size = sizes[i];
      const sums = new Float64Array(size);
      for (let k = 0; k < a.length; k++) sums[k % size] = sums[k % size] + Math.abs(a[k]);
      return Float32Array.from(sums, (v) => v / this.count);
    });
    return { attributions, meanAbsolute, count: this.count };
  }
}
