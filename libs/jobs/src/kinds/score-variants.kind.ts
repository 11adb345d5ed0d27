/**
 * SCORE_VARIANTS: variant-effect scores of a project's `variants` dataset with one of its trained
 * sequence models, as a job. Parts:
 *   prepare — resolves the dataset, the model (run, version, or name + alias) and the reference
 *             FASTA (its .fai built when missing) and records their fingerprints as lineage;
 *   run     — checks the reference is still the one fingerprinted, runs scoreVcf in a worker
 *             thread with the job's directory as output (so a restarted job resumes from its
 *             committed chunks), then stores scores.tsv as `variant_score` rows (deleting an
 *             earlier attempt's first, so nothing is stored twice).
 * A gross pre-flight mismatch (wrong build) fails the job with the pre-flight's message unless
 * `force`; the pre-flight summary is in the job's result either way.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Dataset, Job } from '@strand/data';
import { WINDOW_ANCHOR } from '@strand/genomics';
import type { JsonObject } from '@strand/data';
import { checkIntRange, userError } from '../errors/user-error.ts';
import type { UserError } from '../errors/user-error.ts';
import type { JobKind } from '../platform/job-kind.ts';
import { JobError } from '../platform/job-kind.ts';
import { runInWorker } from '../platform/run-in-worker.ts';
import { modelLineage, resolveJobModel } from '../scoring/job-model.ts';
import type { ModelChoice } from '../scoring/job-model.ts';
import { loadVariantScores } from '../scoring/load-variant-scores.ts';
import { checkJobReference, prepareJobReference } from '../scoring/job-reference.ts';
import { MAX_SHIFTS } from '../scoring/score-vcf.ts';
import { BACKGROUND_SIZE } from '../scoring/background.ts';
import { ISM_FILE, MAX_ISM_TOP } from '../scoring/variant-ism.ts';
import type { BackgroundSource } from '../scoring/background.ts';
import type { ReferenceFingerprint } from '../scoring/reference-fingerprint.ts';
import { PREFLIGHT_FILE } from './score-variants.task.ts';
import type { ScoreVariantsTaskInput, ScoreVariantsTaskResult } from './score-variants.task.ts';

/** Bounds of SCORE_VARIANTS' options. */
export const SCORE_VARIANTS_LIMITS = Object.freeze({
  chunkSize: { min: 1, max: 100_000, default: 1000 },
});

/** What a caller gives (the API confines `reference` to its import directory first). */
export interface ScoreVariantsInput extends ModelChoice {
  datasetId: string;
  /** Absolute path of the reference FASTA on the server. */
  reference: string;
  reverseComplement?: boolean | null;
  force?: boolean | null;
  chunkSize?: number | null;
  /** Shift averaging's N (0 or null: the centred windows only). */
  shifts?: number | null;
  /**
   * Calibrate against a background: `random` (random substitutions of the reference) or the id
   * of another variants dataset of the project (common variants). Null: no quantiles.
   */
  background?: string | null;
  /** Background variants drawn (BACKGROUND_SIZE). */
  backgroundSize?: number | null;
  /** ISM of the top K alleles by |effect| (0–MAX_ISM_TOP; null: 0). */
  ismTop?: number | null;
}

/** The stored parameters: every reference resolved, the reference fingerprinted. */
export type ScoreVariantsParams = {
  datasetId: string;
  reference: string;
  referenceFingerprint: ReferenceFingerprint;
  runId: string;
  modelVersionId: string | null;
  modelPath: string;
  inputLength: number;
  /** null: as the model was trained (strand.json's rcAverage). */
  reverseComplement: boolean | null;
  force: boolean;
  chunkSize: number;
  /** Shift averaging's N: 2N + 1 window pairs per allele, averaged (0: centred only). */
  shifts: number;
  /** `random`, a variants dataset's id, or null (older jobs: absent) for none. */
  background?: string | null;
  backgroundSize?: number;
  /** ISM of the top K (absent in older jobs: 0). */
  ismTop?: number;
} & JsonObject;

/** The job's files that may be downloaded (GET /jobs/<id>/files/<name>); ism.json with ismTop. */
export const SCORE_FILES = ['scores.tsv', 'scores.vcf', ISM_FILE] as const;

export const SCORE_VARIANTS_KIND: JobKind<ScoreVariantsParams> = {
  name: 'SCORE_VARIANTS',
  role: 'editor',
  async prepare(em, db, projectId, raw) {
    const input = raw as unknown as ScoreVariantsInput;
    const errors: UserError[] = [];
    const chunkSize = input.chunkSize ?? SCORE_VARIANTS_LIMITS.chunkSize.default;
    const { min, max } = SCORE_VARIANTS_LIMITS.chunkSize;
    const badChunk = checkIntRange('chunkSize', chunkSize, min, max);
    if (badChunk) errors.push(badChunk);

    const dataset = await em.findOne(Dataset, { id: input.datasetId, project: projectId });
    if (!dataset) {
      errors.push(userError('datasetId', 'NOT_FOUND', `no dataset with id "${input.datasetId}"`));
    } else if (dataset.kind !== 'variants') {
      const message = `dataset "${dataset.name}" is ${dataset.kind}; scoring needs a variants dataset (an imported VCF)`;
      errors.push(userError('datasetId', 'WRONG_DATASET_KIND', message));
    } else if (dataset.status !== 'READY' || !dataset.artifactPath) {
      const message = `dataset "${dataset.name}" is ${dataset.status}, not READY`;
      errors.push(userError('datasetId', 'DATASET_NOT_READY', message));
    }

    const model = await resolveJobModel(em, db, projectId, input);
    if (!model.ok) errors.push(...model.errors);
    const shifts = input.shifts ?? 0;
    const badShifts = checkIntRange('shifts', shifts, 0, MAX_SHIFTS);
    if (badShifts) errors.push(badShifts);
    else if (model.ok && shifts > 0 && shifts >= Math.ceil(model.value.inputLength / 2)) {
      const message = `shifts must be less than half the model's input length ${model.value.inputLength}; got ${shifts}`;
      errors.push(userError('shifts', 'OUT_OF_RANGE', message));
    }

    const background = input.background ?? null;
    const backgroundSize = input.backgroundSize ?? BACKGROUND_SIZE.default;
    if (input.backgroundSize != null && background === null) {
      errors.push(userError('backgroundSize', 'REQUIRED', 'backgroundSize needs a background'));
    } else {
      const badSize = checkIntRange(
        'backgroundSize',
        backgroundSize,
        BACKGROUND_SIZE.min,
        BACKGROUND_SIZE.max,
      );
      if (badSize) errors.push(badSize);
    }
    if (background !== null && background !== 'random') {
      const common = await em.findOne(Dataset, { id: background, project: projectId });
      if (!common) {
        const message = `background must be "random" or a variants dataset of the project; no dataset with id "${background.slice(0, 60)}"`;
        errors.push(userError('background', 'NOT_FOUND', message));
      } else if (common.kind !== 'variants' || common.status !== 'READY' || !common.artifactPath) {
        const message = `dataset "${common.name}" is a ${common.status} ${common.kind} dataset; a background needs a READY variants dataset`;
        errors.push(userError('background', 'WRONG_DATASET_KIND', message));
      }
    }

    const ismTop = input.ismTop ?? 0;
    const badIsm = checkIntRange('ismTop', ismTop, 0, MAX_ISM_TOP);
    if (badIsm) errors.push(badIsm);

    let reference: ReferenceFingerprint | null = null;
    const prepared = await prepareJobReference('reference', input.reference);
    if (prepared.ok) reference = prepared.value;
    else errors.push(prepared.error);
    if (errors.length > 0 || !model.ok || !dataset || !reference) {
      return { ok: false, errors };
    }
    const m = model.value;
    const params: ScoreVariantsParams = {
      datasetId: dataset.id,
      reference: input.reference,
      referenceFingerprint: reference,
      runId: m.runId,
      modelVersionId: m.modelVersionId,
      modelPath: m.modelPath,
      inputLength: m.inputLength,
      reverseComplement: input.reverseComplement ?? null,
      force: input.force ?? false,
      chunkSize,
      shifts,
      background,
      backgroundSize,
      ismTop,
    };
    return {
      ok: true,
      value: {
        params,
        lineage: modelLineage(m, dataset, {
          reference: { ...reference },
          ...(input.modelName != null ? { modelName: input.modelName, alias: input.alias } : {}),
        }),
      },
    };
  },

  async run({ jobId, params, db, em, workDir, progress, signal }) {
    const dataset = await em.findOne(Dataset, { id: params.datasetId });
    if (!dataset?.artifactPath) {
      throw new JobError(`the variants dataset ${params.datasetId} no longer exists`);
    }
    const expected = params.referenceFingerprint;
    await checkJobReference(params.reference, expected);
    const vcf = await db.artifacts.pull(dataset.artifactPath);
    let background: BackgroundSource | null = null;
    const labels: Record<string, string> = {};
    if (params.background === 'random') background = { kind: 'random' };
    else if (params.background != null) {
      const common = await em.findOne(Dataset, { id: params.background });
      if (!common?.artifactPath) {
        throw new JobError(`the background dataset ${params.background} no longer exists`);
      }
      background = { kind: 'file', path: await db.artifacts.pull(common.artifactPath) };
      labels[background.path] = common.name;
    }
    const modelDir = await db.artifacts.pull(params.modelPath);
    const input: ScoreVariantsTaskInput = {
      vcf,
      reference: params.reference,
      modelDir,
      outDir: workDir,
      chunkSize: params.chunkSize,
      reverseComplement: params.reverseComplement,
      // Jobs from before shift averaging stored none.
      shifts: params.shifts ?? 0,
      force: params.force,
      background,
      backgroundSize: params.backgroundSize ?? BACKGROUND_SIZE.default,
      ismTop: params.ismTop ?? 0,
      labels: {
        ...labels,
        [vcf]: dataset.name,
        [params.reference]: expected.name,
        [modelDir]: 'the model',
        [workDir]: 'the job folder',
      },
    };
    let scored: ScoreVariantsTaskResult;
    try {
      scored = await runInWorker<ScoreVariantsTaskInput, ScoreVariantsTaskResult>(
        new URL('./score-variants.task.ts', import.meta.url),
        'scoreVariantsTask',
        input,
        { progress, signal },
      );
    } catch (error) {
      // A refused pre-flight still shows its summary: the result of a failed job.
      const preflight = await readPreflight(workDir);
      if (error instanceof JobError && preflight) {
        await em.nativeUpdate(Job, { id: jobId }, { result: { preflight } });
      }
      throw error;
    }
    const preflight = await readPreflight(workDir);
    const total = scored.variants;
    progress({ done: total, total, unit: 'variants', message: 'storing scores' });
    const rows = await loadVariantScores(em, jobId, join(workDir, 'scores.tsv'), {
      signal,
      onProgress: (n) =>
        progress({ done: total, total, unit: 'variants', message: `stored ${n} score rows` }),
    });
    const width = params.inputLength;
    return {
      result: {
        variants: scored.variants,
        scored: scored.scored,
        notScored: { ...scored.notScored },
        rows,
        tasks: scored.tasks,
        backend: scored.backend,
        resumedFrom: scored.resumedFrom,
        reverseComplement: scored.reverseComplement,
        forced: params.force,
        preflight,
        window: {
          length: width,
          refBaseIndex: Math.floor(width / 2),
          convention:
            'the first REF base sits at 0-based index floor(length / 2) of both windows; the alt window keeps the left flank, then ALT, then the reference after REF, cut to length (indels shift the right flank)',
          anchor: WINDOW_ANCHOR,
          shifts: params.shifts ?? 0,
        },
        // The background quantiles were taken against (null: none).
        background: scored.background
          ? {
              kind: scored.background.kind,
              datasetId: background?.kind === 'file' ? (params.background ?? null) : null,
              alleles: scored.background.alleles,
              quantile:
                'mid-rank of |alt − ref| among the background alleles of the same task (ties count half); 0.99 = a larger effect, either sign, than 99% of the background',
            }
          : null,
        // Per-base ISM of the top variants: in ism.json (read with variantAttributions).
        attributions:
          scored.attributed === null ? null : { file: ISM_FILE, variants: scored.attributed },
        files: SCORE_FILES.filter((f) => f !== ISM_FILE || scored.attributed !== null),
      },
    };
  },
};

async function readPreflight(workDir: string): Promise<JsonObject | null> {
  try {
    return JSON.parse(await readFile(join(workDir, PREFLIGHT_FILE), 'utf8')) as JsonObject;
  } catch {
    return null;
  }
}
