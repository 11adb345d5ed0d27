/**
 * CALL_VARIANTS: `strand call` as a job. Parts:
 *   prepare — checks the options, resolves the model (Strand's default, or a stored pileup model
 *             of the project named as `strand call --model` names it: run id, version id or
 *             NAME@ALIAS), opens the reads (BAM with .bai/.csi, or CRAM with .crai) and
 *             the reference, and resolves the region against the reads' header, so a missing
 *             index or an unknown contig is a userError and nothing is queued;
 *   run     — calls in a worker thread (progress in bases), writing `calls.vcf` into the job's
 *             directory (downloadable: GET /jobs/<id>/files/calls.vcf); with `importAs`, then
 *             imports that VCF as a `variants` dataset of the project (the job's outputDataset),
 *             ready for scoreVariants; with `pileupsAs`, every candidate's pileup image and call
 *             is written as it is genotyped into a `pileups` dataset (pileups-dataset.ts; the
 *             outputDataset when there is no importAs).
 * A job run again after a crash calls again from the start, overwriting calls.vcf.
 */
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  DEFAULT_CALLER_MODEL,
  DEFAULT_MIN_QUAL,
  openCallInputs,
} from '../calling/call-variants.ts';
import type { JsonObject } from '@strand/data';
import { storePileups } from '../calling/pileups-dataset.ts';
import { importDataset } from '../datasets/import-dataset.ts';
import { userError } from '../errors/user-error.ts';
import type { UserError } from '../errors/user-error.ts';
import type { JobKind } from '../platform/job-kind.ts';
import { JobError } from '../platform/job-kind.ts';
import { runInWorker } from '../platform/run-in-worker.ts';
import { resolveModelRef } from '../scoring/job-model.ts';
import type { JobModel } from '../scoring/job-model.ts';
import type { CallVariantsTaskInput, CallVariantsTaskResult } from './call-variants.task.ts';

/** Bounds of CALL_VARIANTS' options. */
export const CALL_VARIANTS_LIMITS = Object.freeze({
  minQual: { min: 0, max: 1000, default: DEFAULT_MIN_QUAL },
  region: { maxLength: 200 },
  name: { maxLength: 200 },
});

/** The job's files that may be downloaded (GET /jobs/<id>/files/<name>). */
export const CALL_FILES = ['calls.vcf'] as const;

/** What a caller gives (the API confines `bam` and `reference` to its import directory first). */
export interface CallVariantsInput {
  /** Absolute path of an indexed BAM or CRAM on the server. */
  bam: string;
  /** Absolute path of the reference FASTA (plain or bgzip) on the server. */
  reference: string;
  /** `chrom[:start-end]`, 1-based; default every contig of the reads' header. */
  region?: string | null;
  minQual?: number | null;
  /**
   * A stored pileup model of the project: a SUCCEEDED run's id, a model version's id, or
   * NAME@ALIAS; default Strand's shipped model.
   */
  model?: string | null;
  /** When set, the calls are imported as a `variants` dataset of this name. */
  importAs?: string | null;
  /** When set, every candidate's pileup image and call is stored as a `pileups` dataset. */
  pileupsAs?: string | null;
  /** With pileupsAs: absolute path of a truth VCF labelling the stored candidates. */
  truth?: string | null;
}

export type CallVariantsParams = {
  bam: string;
  reference: string;
  region: string | null;
  minQual: number;
  importAs: string | null;
  pileupsAs: string | null;
  truth: string | null;
  /** The stored model's directory relative to the artifact root; null for the shipped model. */
  modelPath: string | null;
  /** How the result names the model: as given (NAME@ALIAS or id), or the shipped model's name. */
  modelLabel: string;
} & JsonObject;

/** A genomics error's message naming files by their names, never the server's directories. */
function located(error: unknown, paths: string[]): { code: string; message: string } | null {
  const e = error as Error & { code?: unknown };
  if (!(e instanceof Error) || typeof e.code !== 'string' || !/^[A-Z_]+$/.test(e.code)) {
    return null;
  }
  let message = e.message;
  for (const path of [...paths].sort((a, b) => b.length - a.length)) {
    message = message.split(path).join(basename(path));
  }
  return { code: e.code, message };
}

export const CALL_VARIANTS_KIND: JobKind<CallVariantsParams> = {
  name: 'CALL_VARIANTS',
  role: 'editor',
  async prepare(em, db, projectId, raw) {
    const input = raw as unknown as CallVariantsInput;
    const errors: UserError[] = [];
    const minQual = input.minQual ?? CALL_VARIANTS_LIMITS.minQual.default;
    const { min, max } = CALL_VARIANTS_LIMITS.minQual;
    if (!Number.isFinite(minQual) || minQual < min || minQual > max) {
      const message = `minQual must be a number from ${min} to ${max}; got ${minQual}`;
      errors.push(userError('minQual', 'OUT_OF_RANGE', message));
    }
    const region = input.region?.trim() || null;
    if (region && region.length > CALL_VARIANTS_LIMITS.region.maxLength) {
      const message = `region must be at most ${CALL_VARIANTS_LIMITS.region.maxLength} characters, as chrom:start-end`;
      errors.push(userError('region', 'TOO_LONG', message));
    }
    const importAs = input.importAs?.trim() || null;
    if (input.importAs != null && !importAs) {
      errors.push(userError('importAs', 'EMPTY_NAME', 'importAs must name the dataset'));
    } else if (importAs && importAs.length > CALL_VARIANTS_LIMITS.name.maxLength) {
      const message = `importAs must be at most ${CALL_VARIANTS_LIMITS.name.maxLength} characters`;
      errors.push(userError('importAs', 'TOO_LONG', message));
    }
    const pileupsAs = input.pileupsAs?.trim() || null;
    if (input.pileupsAs != null && !pileupsAs) {
      errors.push(userError('pileupsAs', 'EMPTY_NAME', 'pileupsAs must name the dataset'));
    } else if (pileupsAs && pileupsAs.length > CALL_VARIANTS_LIMITS.name.maxLength) {
      const message = `pileupsAs must be at most ${CALL_VARIANTS_LIMITS.name.maxLength} characters`;
      errors.push(userError('pileupsAs', 'TOO_LONG', message));
    }
    const truth = input.truth ?? null;
    if (truth && !pileupsAs) {
      const message = 'truth labels the stored pileups: give pileupsAs too';
      errors.push(userError('truth', 'TRUTH_WITHOUT_PILEUPS', message));
    }
    let model: JobModel | null = null;
    const modelRef = input.model?.trim() || null;
    if (input.model != null && !modelRef) {
      errors.push(userError('model', 'INVALID_MODEL', 'model must name a model, or be left out'));
    } else if (modelRef) {
      const found = await resolveModelRef(em, db, projectId, modelRef, 'pileup');
      if (found.ok) model = found.value;
      else errors.push(...found.errors);
    }
    for (const field of truth
      ? (['bam', 'reference', 'truth'] as const)
      : (['bam', 'reference'] as const)) {
      const isFile = await stat(String(input[field])).then(
        (s) => s.isFile(),
        () => false,
      );
      if (!isFile) {
        const message = `no file "${basename(String(input[field]))}"`;
        errors.push(userError(field, 'FILE_NOT_FOUND', message));
      }
    }
    if (errors.length > 0) return { ok: false, errors };
    // Opening reads and reference checks the index, the reference and the region up front.
    let contigs: number;
    try {
      const opened = await openCallInputs(input.bam, input.reference, region ?? undefined);
      contigs = opened.contigs.length;
    } catch (error) {
      const found = located(error, [input.bam, input.reference]);
      if (!found) throw error;
      const field =
        found.code === 'INVALID_REGION' ? 'region' : /FASTA/.test(found.code) ? 'reference' : 'bam';
      return { ok: false, errors: [userError(field, found.code, found.message)] };
    }
    const params: CallVariantsParams = {
      bam: input.bam,
      reference: input.reference,
      region,
      minQual,
      importAs,
      pileupsAs,
      truth,
      modelPath: model?.modelPath ?? null,
      modelLabel: modelRef ?? basename(DEFAULT_CALLER_MODEL),
    };
    return {
      ok: true,
      value: {
        params,
        lineage: {
          runId: model?.runId ?? null,
          modelVersionId: model?.modelVersionId ?? null,
          details: {
            bam: basename(input.bam),
            reference: basename(input.reference),
            region,
            contigs,
            model: params.modelLabel,
            ...(model ? { modelSha256: model.modelSha256, architecture: model.architecture } : {}),
          },
        },
      },
    };
  },

  async run({ projectId, params, db, em, workDir, progress, signal }) {
    const out = join(workDir, CALL_FILES[0]);
    const modelDir = params.modelPath ? await db.artifacts.pull(params.modelPath) : null;
    const callInWorker = (pileups: string | null) =>
      runInWorker<CallVariantsTaskInput, CallVariantsTaskResult>(
        new URL('./call-variants.task.ts', import.meta.url),
        'callVariantsTask',
        {
          bam: params.bam,
          reference: params.reference,
          region: params.region,
          minQual: params.minQual,
          modelDir,
          out,
          pileups,
          truth: pileups ? params.truth : null,
          labels: {
            ...(params.truth ? { [params.truth]: basename(params.truth) } : {}),
            ...(modelDir ? { [modelDir]: 'the model' } : {}),
            ...(pileups ? { [pileups]: 'the pileups table' } : {}),
            [params.bam]: basename(params.bam),
            [params.reference]: basename(params.reference),
            [workDir]: 'the job folder',
          },
        },
        { progress, signal },
      );
    let called: CallVariantsTaskResult;
    let pileupsDatasetId: string | null = null;
    if (params.pileupsAs) {
      const source = {
        bam: basename(params.bam),
        reference: basename(params.reference),
        region: params.region,
        model: params.modelLabel,
        truth: params.truth ? basename(params.truth) : null,
      };
      const stored = await storePileups(
        em,
        db.artifacts,
        { projectId, name: params.pileupsAs, source },
        callInWorker,
      );
      called = stored.called;
      pileupsDatasetId = stored.dataset.id;
    } else {
      called = await callInWorker(null);
    }
    const result: JsonObject = {
      ...called,
      region: params.region,
      minQual: params.minQual,
      model: params.modelLabel,
      files: [...CALL_FILES],
      ...(pileupsDatasetId ? { pileupsDatasetId } : {}),
    };
    if (!params.importAs) {
      return pileupsDatasetId ? { result, outputDatasetId: pileupsDatasetId } : { result };
    }
    // Progress stays counted in bases (all done): the import is told in the message.
    const bases = { done: called.basesTotal, total: called.basesTotal, unit: 'bases' };
    progress({ ...bases, message: 'importing the calls' });
    const imported = await importDataset(
      em,
      db.artifacts,
      { projectId, kind: 'variants', path: out, name: params.importAs },
      {
        signal,
        onProgress: (p) =>
          progress({ ...bases, message: `importing the calls: ${p.records} records` }),
      },
    );
    if (!imported.ok) {
      const message = imported.errors.map((e) => e.message).join('; ');
      throw new JobError(`the calls could not be imported: ${message.split(workDir).join('')}`);
    }
    return {
      result: { ...result, datasetId: imported.value.id },
      outputDatasetId: imported.value.id,
    };
  },
};
