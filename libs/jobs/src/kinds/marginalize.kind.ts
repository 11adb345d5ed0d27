/**
 * MARGINALIZE: in-silico marginalisation with a trained sequence model, the same experiment as
 * `strand marginalize` (marginalizeMotifs): a motif (a JASPAR id or name of the server's JASPAR
 * file or Strand's bundled motifs, or a consensus) inserted into dinucleotide-shuffled
 * backgrounds made from the first records of a sequence dataset of the project; optionally a
 * second motif at a range of spacings, and the motif's best match shuffled in those records
 * (ablation). The inputs are bounded here, so the work is; it runs in a worker thread, reports
 * each measurement as progress and stops when cancelled. The result (effect mean and spread, per
 * spacing, ablation drop) is the job's result, read with `marginalization(jobId)`.
 */
import { Dataset } from '@strand/data';
import type { JsonObject } from '@strand/data';
import { BUNDLED_MOTIFS, readJasparFile } from '@strand/genomics';
import type { Pfm } from '@strand/genomics';
import { motifToInsert } from '@strand/models';
import type { MotifToInsert } from '@strand/models';
import { checkIntRange, userError } from '../errors/user-error.ts';
import type { UserError } from '../errors/user-error.ts';
import type { JobKind } from '../platform/job-kind.ts';
import { JobError } from '../platform/job-kind.ts';
import { runInWorker } from '../platform/run-in-worker.ts';
import { modelLineage, resolveJobModel } from '../scoring/job-model.ts';
import type { ModelChoice } from '../scoring/job-model.ts';
import type { MarginalizeTaskInput, MarginalizeTaskResult } from './marginalize.task.ts';
import { checkSequenceDataset } from './sequence-dataset.checks.ts';

/** Bounds and defaults of MARGINALIZE's input. */
export const MARGINALIZE_LIMITS = Object.freeze({
  backgrounds: 1_000,
  defaultBackgrounds: 100,
  /** Spacings of one scan (maxSpacing − minSpacing + 1), and the largest spacing. */
  spacings: 101,
  maxSpacing: 1_000,
  defaultSpacings: [0, 20] as const,
  /** Starts of one position scan. */
  positions: 201,
  /** Characters of a motif as typed (an id, a name or a consensus). */
  motifChars: 100,
});

export interface MarginalizeInput extends ModelChoice {
  datasetId: string;
  label?: string | null;
  /** A JASPAR id or name, or a consensus of A, C, G, T. */
  motif: string;
  /** 0-based start of the motif; default centred. */
  position?: number | null;
  /** Also the motif alone at every positionStep-th start: its effect by position. */
  positionStep?: number | null;
  secondMotif?: string | null;
  minSpacing?: number | null;
  maxSpacing?: number | null;
  ablate?: boolean | null;
  backgrounds?: number | null;
  task?: number | null;
  seed?: number | null;
  /** Absolute path of a JASPAR file on the server (the API checks it lies in the import root). */
  jaspar?: string | null;
}

export type MarginalizeParams = {
  runId: string;
  modelVersionId: string | null;
  modelPath: string;
  datasetId: string;
  label: string | null;
  motif: MotifToInsert & JsonObject;
  position: number | null;
  positions: number[];
  second: (MotifToInsert & JsonObject) | null;
  spacings: number[];
  ablate: boolean;
  backgrounds: number;
  task: number;
  seed: number;
} & JsonObject;

/** The motif typed at `field`, or the error saying it is none. */
function motifAt(
  field: string,
  value: string,
  database: readonly Pfm[],
  errors: UserError[],
): MotifToInsert | null {
  if (value.trim() === '' || value.length > MARGINALIZE_LIMITS.motifChars) {
    const message = `${field} must be 1–${MARGINALIZE_LIMITS.motifChars} characters: a JASPAR id or name, or a consensus`;
    errors.push(userError(field, 'INVALID_MOTIF', message));
    return null;
  }
  const motif = motifToInsert(value.trim(), database);
  if (!motif) {
    const message = `"${value.slice(0, 40)}" is neither a JASPAR id or name of the motifs used nor a sequence of A, C, G, T`;
    errors.push(userError(field, 'UNKNOWN_MOTIF', message));
  }
  return motif;
}

export const MARGINALIZE_KIND: JobKind<MarginalizeParams> = {
  name: 'MARGINALIZE',
  role: 'editor',
  async prepare(em, db, projectId, raw) {
    const input = raw as unknown as MarginalizeInput;
    const errors: UserError[] = [];
    const backgrounds = input.backgrounds ?? MARGINALIZE_LIMITS.defaultBackgrounds;
    const task = input.task ?? 0;
    const seed = input.seed ?? 1;
    const [defaultMin, defaultMax] = MARGINALIZE_LIMITS.defaultSpacings;
    const minSpacing = input.minSpacing ?? defaultMin;
    const maxSpacing = input.maxSpacing ?? defaultMax;
    for (const bad of [
      checkIntRange('backgrounds', backgrounds, 1, MARGINALIZE_LIMITS.backgrounds),
      checkIntRange('task', task, 0, 10_000),
      checkIntRange('seed', seed, 0, 2 ** 31 - 1),
      input.position == null ? null : checkIntRange('position', input.position, 0, 100_000),
      input.positionStep == null
        ? null
        : checkIntRange('positionStep', input.positionStep, 1, 100_000),
      checkIntRange('minSpacing', minSpacing, 0, MARGINALIZE_LIMITS.maxSpacing),
      checkIntRange('maxSpacing', maxSpacing, 0, MARGINALIZE_LIMITS.maxSpacing),
    ]) {
      if (bad) errors.push(bad);
    }
    const hasSecond = input.secondMotif != null && input.secondMotif !== '';
    if (!hasSecond && (input.minSpacing != null || input.maxSpacing != null)) {
      const field = input.minSpacing != null ? 'minSpacing' : 'maxSpacing';
      errors.push(
        userError(field, 'NEEDS_SECOND_MOTIF', 'spacings are scanned with a secondMotif'),
      );
    } else if (maxSpacing < minSpacing) {
      const message = `maxSpacing ${maxSpacing} is below minSpacing ${minSpacing}`;
      errors.push(userError('maxSpacing', 'OUT_OF_RANGE', message));
    } else if (maxSpacing - minSpacing + 1 > MARGINALIZE_LIMITS.spacings) {
      const message = `at most ${MARGINALIZE_LIMITS.spacings} spacings per scan; ${minSpacing}–${maxSpacing} is ${maxSpacing - minSpacing + 1}`;
      errors.push(userError('maxSpacing', 'OUT_OF_RANGE', message));
    }
    let database: readonly Pfm[] = BUNDLED_MOTIFS;
    if (input.jaspar != null) {
      try {
        database = await readJasparFile(input.jaspar);
      } catch (error) {
        const message = `cannot read the JASPAR file: ${error instanceof Error ? error.message : String(error)}`;
        errors.push(userError('jaspar', 'INVALID_FILE', message));
      }
    }
    const motif = motifAt('motif', input.motif ?? '', database, errors);
    const second = hasSecond
      ? motifAt('secondMotif', input.secondMotif as string, database, errors)
      : null;
    const model = await resolveJobModel(em, db, projectId, input);
    if (!model.ok) errors.push(...model.errors);
    const length = model.ok ? model.value.inputLength : null;
    if (length !== null && motif) {
      const room = length - motif.consensus.length;
      if (room < 0) {
        const message = `the motif has ${motif.consensus.length} bases; the model takes ${length}`;
        errors.push(userError('motif', 'TOO_LONG', message));
      } else if (input.position != null && input.position > room) {
        const message = `a motif of ${motif.consensus.length} bases at ${input.position} does not fit in the model's ${length}; at most ${room}`;
        errors.push(userError('position', 'OUT_OF_RANGE', message));
      }
      const step = input.positionStep;
      if (room >= 0 && step != null && step >= 1) {
        const count = Math.floor(room / step) + 1;
        if (count > MARGINALIZE_LIMITS.positions) {
          const message = `a step of ${step} scans ${count} starts; at most ${MARGINALIZE_LIMITS.positions} (a step of at least ${Math.ceil(room / (MARGINALIZE_LIMITS.positions - 1))})`;
          errors.push(userError('positionStep', 'OUT_OF_RANGE', message));
        }
      }
      if (second && motif.consensus.length + maxSpacing + second.consensus.length > length) {
        const message = `the pair at spacing ${maxSpacing} spans ${motif.consensus.length + maxSpacing + second.consensus.length} bases; the model takes ${length}`;
        errors.push(userError('maxSpacing', 'OUT_OF_RANGE', message));
      }
    }
    const { dataset, errors: datasetErrors } = await checkSequenceDataset(
      em,
      projectId,
      input.datasetId,
      length,
      'marginalisation',
    );
    errors.push(...datasetErrors);
    if (errors.length > 0 || !model.ok || !dataset || !motif) return { ok: false, errors };
    const m = model.value;
    const params: MarginalizeParams = {
      runId: m.runId,
      modelVersionId: m.modelVersionId,
      modelPath: m.modelPath,
      datasetId: dataset.id,
      label: input.label ?? null,
      motif: motif as MotifToInsert & JsonObject,
      position: input.position ?? null,
      positions:
        input.positionStep == null
          ? []
          : Array.from(
              {
                length:
                  Math.floor((m.inputLength - motif.consensus.length) / input.positionStep) + 1,
              },
              (_, i) => i * (input.positionStep as number),
            ),
      second: second as (MotifToInsert & JsonObject) | null,
      spacings: second
        ? Array.from({ length: maxSpacing - minSpacing + 1 }, (_, i) => minSpacing + i)
        : [],
      ablate: input.ablate ?? false,
      backgrounds,
      task,
      seed,
    };
    return {
      ok: true,
      value: {
        params,
        lineage: modelLineage(m, dataset),
      },
    };
  },

  async run({ params, db, em, progress, signal }) {
    const dataset = await em.findOne(Dataset, { id: params.datasetId });
    if (!dataset?.artifactPath)
      throw new JobError(`the dataset ${params.datasetId} no longer exists`);
    const result = await runInWorker<MarginalizeTaskInput, MarginalizeTaskResult>(
      new URL('./marginalize.task.ts', import.meta.url),
      'marginalizeTask',
      {
        modelDir: await db.artifacts.pull(params.modelPath),
        datasetFile: await db.artifacts.pull(dataset.artifactPath),
        label: params.label,
        motif: params.motif,
        position: params.position,
        positions: params.positions,
        second: params.second,
        spacings: params.spacings,
        ablate: params.ablate,
        backgrounds: params.backgrounds,
        task: params.task,
        seed: params.seed,
      },
      { progress, signal },
    );
    return { result: JSON.parse(JSON.stringify(result)) as JsonObject };
  },
};
