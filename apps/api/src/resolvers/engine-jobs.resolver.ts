/**
 * The learning engine's jobs: cross-validation, hyperparameter sweeps and disease-risk
 * prediction, each started through startJobFor (role EDITOR) and followed like any job
 * (jobProgress; Job.result as JSON; a sweep's trials in Job.runs and Run.groupLabel).
 */
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { JsonObject } from '@strand/data';
import { userError } from '../auth/access.ts';
import { importFile } from '../auth/import-root.ts';
import { targetProject } from '../auth/target-project.ts';
import type { StrandContext } from '../context.ts';
import { CrossValidationInput } from '../inputs/cross-validation.input.ts';
import { PredictRiskInput } from '../inputs/predict-risk.input.ts';
import { SweepInput } from '../inputs/sweep.input.ts';
import { JobPayload } from '../types/job-payloads.type.ts';
import { UserError } from '../types/user-error.type.ts';
import { startJobFor } from './job.resolver.ts';

/** A JSON object given as text, or the userError for `field`. */
function jsonObject(
  field: string,
  text: string | null | undefined,
  example: string,
): JsonObject | null | UserError {
  if (text === null || text === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return parsed as JsonObject;
    }
  } catch {
    // Reported below, as for a value that is not an object.
  }
  const code = field === 'config' ? 'INVALID_CONFIG' : 'INVALID_OPTIONS';
  return userError(field, code, `${field} must be a JSON object, e.g. ${example}`);
}

const failed = (error: UserError): JobPayload => ({ job: null, userErrors: [error] });
const isError = (value: unknown): value is UserError => value instanceof UserError;

@Resolver()
export class EngineJobsResolver {
  @Mutation(() => JobPayload, {
    description:
      'Cross-validates an architecture on a dataset of the project as a job: follow it with jobProgress (counted in epochs over all folds); its result (JSON) holds per-fold metrics and test-row checksums, the mean and sd of each metric, and the logistic-regression baseline fitted on the same folds (baseline: { method, features, folds, mean, sd }); with innerFolds, nested: { innerFolds, metric, candidates, folds: [{ fold, chosen, options, inner }] }. A config that does not fit the data is a userError and nothing is queued. Needs EDITOR.',
  })
  async startCrossValidation(
    @Arg('input', () => CrossValidationInput) input: CrossValidationInput,
    @Ctx() ctx: StrandContext,
  ): Promise<JobPayload> {
    const config = jsonObject('config', input.config, '{"filters": 32}');
    if (isError(config)) return failed(config);
    return startJobFor(ctx, 'CROSS_VALIDATION', input.projectId, {
      datasetId: input.datasetId,
      architecture: input.architecture,
      config,
      folds: input.folds ?? null,
      innerFolds: input.innerFolds ?? null,
      epochs: input.epochs ?? null,
      batchSize: input.batchSize ?? null,
      learningRate: input.learningRate ?? null,
      seed: input.seed ?? null,
      selectFeatures: input.selectFeatures ?? null,
      selectionMethod: input.selectionMethod ?? null,
      reverseComplement: input.reverseComplement ?? null,
      rcAverage: input.rcAverage ?? null,
      classWeights: input.classWeights ?? null,
      lrSchedule: input.lrSchedule ?? null,
      plateauPatience: input.plateauPatience ?? null,
      weightDecay: input.weightDecay ?? null,
      normalize: input.normalize ?? null,
      impute: input.impute ?? null,
      imputeK: input.imputeK ?? null,
      kmer: input.kmer ?? null,
      kmerCanonical: input.kmerCanonical ?? null,
      baselineMotif: input.baselineMotif ?? null,
      baselineJaspar: input.baselineJaspar ?? null,
    });
  }

  @Mutation(() => JobPayload, {
    description:
      'Starts a hyperparameter sweep as a job. Its trials are ordinary training runs started one at a time (Job.runs; group labels "trial N"; each streams trainingProgress); with earlyStop, hopeless trials are stopped and labelled "trial N (pruned)" and tagged pruned. Progress is counted in trials; the result (JSON) lists every trial (runId, params, status completed|pruned|failed, best value and epoch) and the best one. cancelJob stops the running trial. Needs EDITOR.',
  })
  async startSweep(
    @Arg('input', () => SweepInput) input: SweepInput,
    @Ctx() ctx: StrandContext,
  ): Promise<JobPayload> {
    const config = jsonObject('config', input.config, '{"filters": 32}');
    if (isError(config)) return failed(config);
    const space = jsonObject('space', input.space, '{"learningRate": [0.01, 0.001]}');
    if (isError(space)) return failed(space);
    return startJobFor(ctx, 'SWEEP', input.projectId, {
      datasetId: input.datasetId,
      architecture: input.architecture,
      config,
      space: space ?? {},
      method: input.method ?? null,
      maxTrials: input.maxTrials ?? null,
      metric: input.metric ?? null,
      direction: input.direction ?? null,
      epochs: input.epochs ?? null,
      batchSize: input.batchSize ?? null,
      learningRate: input.learningRate ?? null,
      seed: input.seed ?? null,
      earlyStop: input.earlyStop
        ? {
            afterEpochs: input.earlyStop.afterEpochs,
            minCompleted: input.earlyStop.minCompleted ?? null,
          }
        : null,
    });
  }

  @Mutation(() => JobPayload, {
    description:
      "Predicts disease risk from an expression dataset (its sample labels) and a variants dataset (gene-level burden over a genes BED from the import directory), cross-validated, as a job. The result (JSON) holds per-fold, mean and sd metrics, the top ranked features (gene, modality, direction, mean |attribution|), and each sample's out-of-fold risk and top features (at most 1000 samples: samplesTruncated says when more were left out). Needs EDITOR.",
  })
  async predictRisk(
    @Arg('input', () => PredictRiskInput) input: PredictRiskInput,
    @Ctx() ctx: StrandContext,
  ): Promise<JobPayload> {
    // The role first: a caller who may not predict learns nothing about the import directory.
    const target = targetProject(ctx.viewer, input.projectId, 'editor');
    if ('error' in target) return failed(target.error);
    const genes = await importFile('genes', input.genes);
    if ('error' in genes) return failed(genes.error);
    return startJobFor(ctx, 'PREDICT_RISK', target.projectId, {
      expressionDatasetId: input.expressionDatasetId,
      variantsDatasetId: input.variantsDatasetId,
      genes: genes.path,
      labelColumn: input.labelColumn ?? null,
      positiveLabel: input.positiveLabel ?? null,
      folds: input.folds ?? null,
      seed: input.seed ?? null,
      epochs: input.epochs ?? null,
      maxAf: input.maxAf ?? null,
      top: input.top ?? null,
    });
  }
}
