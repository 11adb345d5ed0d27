/**
 * PREDICT_RISK: disease risk from one of the project's `expression` datasets (its stored sample
 * labels are the classes) and a `variants` dataset (a multi-sample VCF, as gene-level burden over
 * a genes BED on the server), cross-validated and explained (risk/risk-pipeline.ts), as a job.
 * prepare checks both datasets, the label column and positive label, the options, and
 * fingerprints the BED (SHA-256) for the lineage; run checks the BED is unchanged and runs
 * predict-risk.task.ts in a worker thread. The result is bounded: the `top` ranked features and
 * at most PREDICT_RISK_LIMITS.samples samples. A job run again after a crash or a shutdown
 * starts over (the same seed gives the same result on the same backend).
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { EntityManager } from '@mikro-orm/core';
import { readBed, sha256OfFiles } from '@strand/genomics';
import type { ExpressionOrientation } from '@strand/genomics';
import { Dataset } from '@strand/data';
import type { JsonObject } from '@strand/data';
import { checkIntRange, userError } from '../errors/user-error.ts';
import type { Outcome, UserError } from '../errors/user-error.ts';
import type { JobKind } from '../platform/job-kind.ts';
import { JobError } from '../platform/job-kind.ts';
import { runInWorker } from '../platform/run-in-worker.ts';
import { RISK_PIPELINE_DEFAULTS } from '../risk/risk-pipeline.ts';
import type { PredictRiskTaskInput, PredictRiskTaskResult } from './predict-risk.task.ts';

/** Defaults of PREDICT_RISK (the risk pipeline's). */
export const PREDICT_RISK_DEFAULTS = Object.freeze({
  folds: RISK_PIPELINE_DEFAULTS.folds,
  seed: RISK_PIPELINE_DEFAULTS.seed,
  epochs: RISK_PIPELINE_DEFAULTS.epochs,
  top: 20,
});

/** Bounds of PREDICT_RISK; `samples`: most samples listed in the result. */
export const PREDICT_RISK_LIMITS = Object.freeze({
  folds: { min: 2, max: 20 },
  epochs: { min: 1, max: 1000 },
  top: { min: 1, max: 1000 },
  samples: 1000,
});

/** What a caller gives (the API confines `genes` to its import directory first). */
export interface PredictRiskInput {
  expressionDatasetId: string;
  variantsDatasetId: string;
  /** Absolute path of the genes BED (name column = gene) on the server. */
  genes: string;
  /** Must be the column the expression dataset's labels were imported from (default: it). */
  labelColumn?: string | null;
  positiveLabel?: string | null;
  folds?: number | null;
  seed?: number | null;
  epochs?: number | null;
  /** Rare-variant burden: count only ALT alleles with INFO/AF below this, in (0, 1]. */
  maxAf?: number | null;
  top?: number | null;
}

/** The genes BED as fingerprinted when the job was started. */
interface GenesFile {
  name: string;
  bytes: number;
  sha256: string;
  intervals: number;
}

export type PredictRiskParams = {
  expressionDatasetId: string;
  variantsDatasetId: string;
  genes: string;
  genesFile: GenesFile;
  labelColumn: string;
  positiveLabel: string | null;
  folds: number;
  seed: number;
  epochs: number;
  maxAf: number | null;
  top: number;
} & JsonObject;

export const PREDICT_RISK_KIND: JobKind<PredictRiskParams> = {
  name: 'PREDICT_RISK',
  role: 'editor',
  async prepare(em, _db, projectId, raw) {
    const input = raw as unknown as PredictRiskInput;
    const d = PREDICT_RISK_DEFAULTS;
    const L = PREDICT_RISK_LIMITS;
    const o = {
      folds: input.folds ?? d.folds,
      seed: input.seed ?? d.seed,
      epochs: input.epochs ?? d.epochs,
      top: input.top ?? d.top,
    };
    const errors: UserError[] = [
      checkIntRange('folds', o.folds, L.folds.min, L.folds.max),
      checkIntRange('seed', o.seed, 0, 2 ** 31 - 1),
      checkIntRange('epochs', o.epochs, L.epochs.min, L.epochs.max),
      checkIntRange('top', o.top, L.top.min, L.top.max),
    ].filter((e): e is UserError => e !== null);
    const maxAf = input.maxAf ?? null;
    if (maxAf !== null && !(typeof maxAf === 'number' && maxAf > 0 && maxAf <= 1)) {
      errors.push(userError('maxAf', 'OUT_OF_RANGE', `maxAf must be in (0, 1]; got ${maxAf}`));
    }

    const expression = await readyDataset(
      em,
      projectId,
      'expressionDatasetId',
      'expression',
      input.expressionDatasetId,
    );
    const variants = await readyDataset(
      em,
      projectId,
      'variantsDatasetId',
      'variants',
      input.variantsDatasetId,
    );
    for (const found of [expression, variants]) if (!found.ok) errors.push(...found.errors);
    let labelColumn = '';
    if (expression.ok) {
      const summary = expression.value.summary ?? {};
      labelColumn = String(summary.labelColumn ?? '');
      const labels = summary.labels as Record<string, string> | undefined;
      const name = expression.value.name;
      if (input.labelColumn != null && input.labelColumn !== labelColumn) {
        const message = `dataset "${name}" holds the labels of column "${labelColumn}" only; import it again with labelColumn "${input.labelColumn}" to use that column`;
        errors.push(userError('labelColumn', 'UNKNOWN_COLUMN', message));
      } else if (!labels || typeof labels !== 'object') {
        const message = `dataset "${name}" stores no sample labels`;
        errors.push(userError('expressionDatasetId', 'NO_LABELS', message));
      } else if (input.positiveLabel != null) {
        const classes = [...new Set(Object.values(labels))].sort();
        if (!classes.includes(input.positiveLabel)) {
          const message = `positiveLabel "${input.positiveLabel}" is not a label of dataset "${name}" (${classes.slice(0, 10).join(', ')})`;
          errors.push(userError('positiveLabel', 'UNKNOWN_LABEL', message));
        }
      }
    }
    if (variants.ok && Number(variants.value.summary?.samples ?? 0) < 1) {
      const message = `dataset "${variants.value.name}" has no sample (genotype) columns; risk needs a multi-sample VCF`;
      errors.push(userError('variantsDatasetId', 'NO_SAMPLES', message));
    }
    const genes = await fingerprintGenes(String(input.genes));
    if (!genes.ok) errors.push(...genes.errors);
    if (errors.length > 0 || !expression.ok || !variants.ok || !genes.ok) {
      return { ok: false, errors };
    }

    const params: PredictRiskParams = {
      expressionDatasetId: expression.value.id,
      variantsDatasetId: variants.value.id,
      genes: input.genes,
      genesFile: { ...genes.value },
      labelColumn,
      positiveLabel: input.positiveLabel ?? null,
      ...o,
      maxAf,
    };
    return {
      ok: true,
      value: {
        params,
        lineage: {
          datasetId: expression.value.id,
          details: {
            expression: { datasetId: expression.value.id, checksum: expression.value.checksum },
            variants: { datasetId: variants.value.id, checksum: variants.value.checksum },
            genes: { ...genes.value },
            labelColumn,
            split: { method: 'stratified-k-fold', folds: o.folds, seed: o.seed },
          },
        },
      },
    };
  },

  async run({ params, db, em, progress, signal }) {
    const [expression, variants] = await Promise.all(
      [params.expressionDatasetId, params.variantsDatasetId].map((id) =>
        em.findOne(Dataset, { id }),
      ),
    );
    for (const [dataset, id] of [
      [expression, params.expressionDatasetId],
      [variants, params.variantsDatasetId],
    ] as const) {
      if (!dataset?.artifactPath) throw new JobError(`the dataset ${id} no longer exists`);
    }
    const expected = params.genesFile;
    const now = await fingerprintGenes(params.genes);
    if (!now.ok || now.value.sha256 !== expected.sha256) {
      throw new JobError(
        `the genes BED ${expected.name} ${now.ok ? 'changed' : 'cannot be read any more'} since the job was started; start a new job`,
      );
    }
    const e = expression as Dataset;
    const v = variants as Dataset;
    const summary = e.summary ?? {};
    const input: PredictRiskTaskInput = {
      expression: {
        file: await db.artifacts.pull(e.artifactPath as string),
        name: e.name,
        orientation: (summary.orientation as ExpressionOrientation | undefined) ?? 'auto',
      },
      labels: (summary.labels ?? {}) as Record<string, string>,
      variants: { file: await db.artifacts.pull(v.artifactPath as string), name: v.name },
      genes: { file: params.genes, name: expected.name },
      positiveLabel: params.positiveLabel,
      folds: params.folds,
      seed: params.seed,
      epochs: params.epochs,
      maxAf: params.maxAf,
      top: params.top,
      sampleCap: PREDICT_RISK_LIMITS.samples,
    };
    const result = await runInWorker<PredictRiskTaskInput, PredictRiskTaskResult>(
      new URL('./predict-risk.task.ts', import.meta.url),
      'predictRiskTask',
      input,
      { progress, signal },
    );
    return {
      result: {
        ...(result as unknown as JsonObject),
        sampleCap: PREDICT_RISK_LIMITS.samples,
        datasets: {
          expression: { id: e.id, checksum: e.checksum },
          variants: { id: v.id, checksum: v.checksum },
        },
        genes: { ...expected },
      },
    };
  },
};

/** The project's READY dataset of `kind` named by `field`, or a user error. */
async function readyDataset(
  em: EntityManager,
  projectId: string,
  field: string,
  kind: string,
  id: unknown,
): Promise<Outcome<Dataset>> {
  const fail = (code: string, message: string): Outcome<Dataset> => ({
    ok: false,
    errors: [userError(field, code, message)],
  });
  const dataset = await em.findOne(Dataset, { id: String(id), project: projectId });
  if (!dataset) return fail('NOT_FOUND', `no dataset with id "${String(id)}"`);
  if (dataset.kind !== kind) {
    return fail(
      'WRONG_DATASET_KIND',
      `dataset "${dataset.name}" is ${dataset.kind}; ${field} needs a ${kind} dataset`,
    );
  }
  if (dataset.status !== 'READY' || !dataset.artifactPath) {
    return fail('DATASET_NOT_READY', `dataset "${dataset.name}" is ${dataset.status}, not READY`);
  }
  return { ok: true, value: dataset };
}

/**
 * The genes BED's size, SHA-256 and interval count, read once through the BED reader so a
 * malformed line is a user error now (`genes.bed:7: …`, named by its base name only).
 */
async function fingerprintGenes(path: string): Promise<Outcome<GenesFile>> {
  const name = basename(path);
  const fail = (code: string, message: string): Outcome<GenesFile> => ({
    ok: false,
    errors: [userError('genes', code, message)],
  });
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return fail('FILE_NOT_FOUND', `no genes BED "${name}"`);
  let intervals = 0;
  try {
    for await (const _record of readBed(path, { label: name })) intervals++;
  } catch (error) {
    const e = error as Error & { code?: unknown };
    if (typeof e.code !== 'string' || !/^[A-Z_]+$/.test(e.code)) throw error;
    return fail(e.code, e.message.split(path).join(name));
  }
  if (intervals === 0) return fail('NO_GENES', `${name}: no gene intervals`);
  const sha256 = await sha256OfFiles([path]);
  return { ok: true, value: { name, bytes: info.size, sha256, intervals } };
}
