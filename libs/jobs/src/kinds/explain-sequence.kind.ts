/**
 * EXPLAIN_SEQUENCE: attributions of a trained sequence model's prediction to the positions and
 * bases of a few sequences (in silico mutagenesis, saliency, gradient × input, integrated
 * gradients, DeepLIFT, DeepSHAP), as a job. The sequences are given inline, taken from the start
 * of one of the project's sequence datasets, or read from a reference FASTA at genomic regions
 * (explain-regions.ts); at most EXPLAIN_LIMITS.sequences of them, so the result (a length × 4
 * matrix per sequence, stored as the job's result) stays bounded. Regions, and the records of an
 * intervals dataset, keep their coordinates (chrom, 1-based start and end, strand) in the result;
 * with a reference (required for regions, optional for a dataset) the job's reference is served
 * to a genome browser like a scoring job's (GET /jobs/<id>/reference/…). A job run again after a
 * crash simply explains again: the work is small and leaves nothing behind but its result.
 */
import { Dataset } from '@strand/data';
import type { JsonObject } from '@strand/data';
import { checkIntRange, userError } from '../errors/user-error.ts';
import type { UserError } from '../errors/user-error.ts';
import type { JobKind } from '../platform/job-kind.ts';
import { JobError } from '../platform/job-kind.ts';
import { runInWorker } from '../platform/run-in-worker.ts';
import { checkJobReference, prepareJobReference } from '../scoring/job-reference.ts';
import type { ReferenceFingerprint } from '../scoring/reference-fingerprint.ts';
import { modelLineage, resolveJobModel } from '../scoring/job-model.ts';
import type { ModelChoice } from '../scoring/job-model.ts';
import { FastaIndex } from '@strand/genomics';
import { checkExplainRegions, readExplainRegions } from './explain-regions.ts';
import type { ExplainRegion } from './explain-regions.ts';
import { EXPLAIN_METHODS } from './explain-sequence.task.ts';
import type {
  ExplainMethod,
  ExplainTaskInput,
  ExplainTaskResult,
} from './explain-sequence.task.ts';

/** Bounds of EXPLAIN_SEQUENCE's input. */
export const EXPLAIN_LIMITS = Object.freeze({
  /** Sequences per job, inline or from a dataset. */
  sequences: 100,
  /** Sequences taken from a dataset when `limit` is not given. */
  defaultLimit: 10,
});

/** Sequence datasets an explanation can read. */
const SEQUENCE_KINDS = ['sequence-classification', 'sequence-regression'];

/** Bases an inline sequence may hold (either case); N is encoded as 0.25 each. */
const BASES = /^[ACGTN]+$/i;

export interface ExplainSequenceInput extends ModelChoice {
  /** Inline sequences, each of the model's input length. */
  sequences?: string[] | null;
  /** …or the first `limit` records of a sequence dataset of the project. */
  datasetId?: string | null;
  limit?: number | null;
  /** …or regions of `reference`: `chrom:start-end[:+|-]`, 1-based inclusive, each of the input length. */
  regions?: string[] | null;
  /**
   * Absolute path of a reference FASTA on the server (the API confines it to its import
   * directory first): required with regions, optional with a dataset (for the genome view).
   */
  reference?: string | null;
  method: string;
  /** The model output to explain (0-based); default 0. */
  task?: number | null;
}

export type ExplainSequenceParams = {
  runId: string;
  modelVersionId: string | null;
  modelPath: string;
  method: ExplainMethod;
  task: number;
  sequences: { id: string; sequence: string }[] | null;
  datasetId: string | null;
  limit: number;
  /** Regions to read from `reference` (absent on jobs from before regions). */
  regions?: ExplainRegion[] | null;
  reference?: string | null;
  referenceFingerprint?: ReferenceFingerprint | null;
} & JsonObject;

export const EXPLAIN_SEQUENCE_KIND: JobKind<ExplainSequenceParams> = {
  name: 'EXPLAIN_SEQUENCE',
  role: 'editor',
  async prepare(em, db, projectId, raw) {
    const input = raw as unknown as ExplainSequenceInput;
    const errors: UserError[] = [];
    const method = input.method as ExplainMethod;
    if (!EXPLAIN_METHODS.includes(method)) {
      const message = `unknown method "${String(input.method).slice(0, 40)}"; one of ${EXPLAIN_METHODS.join(', ')}`;
      errors.push(userError('method', 'UNKNOWN_METHOD', message));
    }
    const task = input.task ?? 0;
    const badTask = checkIntRange('task', task, 0, 10_000);
    if (badTask) errors.push(badTask);
    const model = await resolveJobModel(em, db, projectId, input);
    if (!model.ok) errors.push(...model.errors);
    const length = model.ok ? model.value.inputLength : null;

    const inline = input.sequences != null;
    let sequences: { id: string; sequence: string }[] | null = null;
    let dataset: Dataset | null = null;
    let regions: ExplainRegion[] | null = null;
    const limit = input.limit ?? EXPLAIN_LIMITS.defaultLimit;
    const datasetId = input.datasetId ?? null;
    const regionTexts = input.regions ?? null;
    const sources = [inline, datasetId !== null, regionTexts !== null].filter(Boolean).length;

    let fingerprint: ReferenceFingerprint | null = null;
    let fasta: FastaIndex | null = null;
    const referencePath = input.reference ?? null;
    if (referencePath !== null) {
      if (inline) {
        const message = 'a reference goes with regions or a dataset, not with inline sequences';
        errors.push(userError('reference', 'AMBIGUOUS_INPUT', message));
      } else {
        const prepared = await prepareJobReference('reference', referencePath);
        if (prepared.ok) {
          fingerprint = prepared.value;
          fasta = await FastaIndex.open(referencePath);
        } else errors.push(prepared.error);
      }
    } else if (regionTexts !== null) {
      errors.push(userError('reference', 'REFERENCE_REQUIRED', 'regions need a reference FASTA'));
    }

    if (sources !== 1) {
      const message =
        'give one of sequences, a datasetId (with an optional limit) or regions (with a reference)';
      errors.push(
        userError('sequences', sources > 1 ? 'AMBIGUOUS_INPUT' : 'SEQUENCES_REQUIRED', message),
      );
    } else if (regionTexts !== null) {
      if (regionTexts.length < 1 || regionTexts.length > EXPLAIN_LIMITS.sequences) {
        const message = `give 1 to ${EXPLAIN_LIMITS.sequences} regions; got ${regionTexts.length}`;
        errors.push(userError('regions', 'OUT_OF_RANGE', message));
      } else if (fasta) {
        const checked = checkExplainRegions(regionTexts, fasta, length);
        errors.push(...checked.errors);
        regions = checked.regions;
      }
    } else if (inline) {
      const given = input.sequences ?? [];
      if (given.length < 1 || given.length > EXPLAIN_LIMITS.sequences) {
        const message = `give 1 to ${EXPLAIN_LIMITS.sequences} sequences; got ${given.length}`;
        errors.push(userError('sequences', 'OUT_OF_RANGE', message));
      } else {
        // Messages name a sequence by its number and a place in it, never by its bases.
        given.forEach((sequence, i) => {
          const field = `sequences.${i}`;
          if (!BASES.test(sequence)) {
            const at = [...sequence].findIndex((c) => !BASES.test(c));
            const where = at < 0 ? 'is empty' : `position ${at + 1} is not A, C, G, T or N`;
            errors.push(userError(field, 'INVALID_BASE', `sequence ${i + 1}: ${where}`));
          } else if (length !== null && sequence.length !== length) {
            const message = `sequence ${i + 1} has ${sequence.length} bases; the model takes ${length}`;
            errors.push(userError(field, 'WRONG_LENGTH', message));
          }
        });
      }
      sequences = given.map((sequence, i) => ({ id: `seq${i + 1}`, sequence }));
    } else if (datasetId !== null) {
      const badLimit = checkIntRange('limit', limit, 1, EXPLAIN_LIMITS.sequences);
      if (badLimit) errors.push(badLimit);
      dataset = await em.findOne(Dataset, { id: datasetId, project: projectId });
      if (!dataset) {
        errors.push(userError('datasetId', 'NOT_FOUND', `no dataset with id "${datasetId}"`));
      } else if (!SEQUENCE_KINDS.includes(dataset.kind)) {
        const message = `dataset "${dataset.name}" is ${dataset.kind}; explanation needs a sequence dataset`;
        errors.push(userError('datasetId', 'WRONG_DATASET_KIND', message));
      } else if (dataset.status !== 'READY' || !dataset.artifactPath) {
        const message = `dataset "${dataset.name}" is ${dataset.status}, not READY`;
        errors.push(userError('datasetId', 'DATASET_NOT_READY', message));
      } else if (length !== null && dataset.sequenceLength !== length) {
        const has =
          dataset.sequenceLength === null ? 'of several lengths' : `${dataset.sequenceLength} bp`;
        const message = `dataset "${dataset.name}" holds sequences ${has}; the model takes ${length}`;
        errors.push(userError('datasetId', 'WRONG_LENGTH', message));
      }
    }
    if (errors.length > 0 || !model.ok) return { ok: false, errors };
    const m = model.value;
    const params: ExplainSequenceParams = {
      runId: m.runId,
      modelVersionId: m.modelVersionId,
      modelPath: m.modelPath,
      method,
      task,
      sequences,
      datasetId: dataset?.id ?? null,
      limit: sequences ? sequences.length : regions ? regions.length : limit,
      regions,
      reference: fingerprint ? referencePath : null,
      referenceFingerprint: fingerprint,
    };
    return {
      ok: true,
      value: {
        params,
        lineage: modelLineage(m, dataset ?? null, {
          ...(fingerprint ? { reference: { ...fingerprint } } : {}),
          ...(input.modelName != null ? { modelName: input.modelName, alias: input.alias } : {}),
        }),
      },
    };
  },

  async run({ params, db, em, progress, signal }) {
    let datasetFile: string | null = null;
    let datasetName: string | null = null;
    if (params.datasetId) {
      const dataset = await em.findOne(Dataset, { id: params.datasetId });
      if (!dataset?.artifactPath) {
        throw new JobError(`the dataset ${params.datasetId} no longer exists`);
      }
      datasetFile = await db.artifacts.pull(dataset.artifactPath);
      datasetName = dataset.name;
    }
    if (params.reference && params.referenceFingerprint) {
      await checkJobReference(params.reference, params.referenceFingerprint);
    }
    const sequences =
      params.regions && params.reference
        ? await readExplainRegions(await FastaIndex.open(params.reference), params.regions)
        : params.sequences;
    const result = await runInWorker<ExplainTaskInput, ExplainTaskResult>(
      new URL('./explain-sequence.task.ts', import.meta.url),
      'explainTask',
      {
        modelDir: await db.artifacts.pull(params.modelPath),
        method: params.method,
        task: params.task,
        sequences,
        datasetFile,
        datasetName,
        limit: params.limit,
      },
      { progress, signal },
    );
    progress({ done: result.sequences.length, total: result.sequences.length });
    return { result: { ...result, sequences: result.sequences.map((s) => ({ ...s })) } };
  },
};
