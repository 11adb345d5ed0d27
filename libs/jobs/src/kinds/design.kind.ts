/**
 * DESIGN: model-guided sequence design with a trained sequence model, the same search as
 * `strand design` (designSequence): greedy, beam or directed-evolution single-base edits of a
 * start sequence that raise or lower one output's logit, under at most `maxEdits` edits, fixed
 * positions and a GC range. The inputs are bounded here, so the search is; it runs in a worker
 * thread, reports each step as progress and stops when cancelled. The result (start, best, the
 * edit trajectory) is the job's result, read with `sequenceDesign(jobId)`.
 */
import type { JsonObject } from '@strand/data';
import type { DesignMethod } from '@strand/models';
import { checkIntRange, userError } from '../errors/user-error.ts';
import type { UserError } from '../errors/user-error.ts';
import type { JobKind } from '../platform/job-kind.ts';
import { runInWorker } from '../platform/run-in-worker.ts';
import { modelLineage, resolveJobModel } from '../scoring/job-model.ts';
import type { ModelChoice } from '../scoring/job-model.ts';
import type { DesignTaskInput, DesignTaskResult } from './design.task.ts';

/** Bounds and defaults of DESIGN's input. */
export const DESIGN_LIMITS = Object.freeze({
  /** The start sequence's length at most (it must also be the model's input length). */
  sequenceLength: 10_000,
  maxEdits: 50,
  defaultMaxEdits: 10,
  beamWidth: 16,
  defaultBeamWidth: 4,
  population: 200,
  defaultPopulation: 20,
  generations: 500,
});

export const DESIGN_METHODS: readonly DesignMethod[] = ['greedy', 'beam', 'evolution'];

export interface DesignInput extends ModelChoice {
  sequence: string;
  /** greedy (default), beam or evolution. */
  method?: DesignMethod | null;
  /** up (default) or down. */
  direction?: 'up' | 'down' | null;
  task?: number | null;
  maxEdits?: number | null;
  fixedPositions?: number[] | null;
  gcMin?: number | null;
  gcMax?: number | null;
  beamWidth?: number | null;
  population?: number | null;
  generations?: number | null;
  seed?: number | null;
}

export type DesignParams = {
  runId: string;
  modelVersionId: string | null;
  modelPath: string;
  sequence: string;
  method: DesignMethod;
  direction: 'up' | 'down';
  task: number;
  maxEdits: number;
  fixed: number[];
  gc: [number, number];
  beamWidth: number;
  population: number;
  generations: number;
  seed: number;
} & JsonObject;

export const DESIGN_KIND: JobKind<DesignParams> = {
  name: 'DESIGN',
  role: 'editor',
  async prepare(em, db, projectId, raw) {
    const input = raw as unknown as DesignInput;
    const errors: UserError[] = [];
    const method = input.method ?? 'greedy';
    const direction = input.direction ?? 'up';
    const task = input.task ?? 0;
    const maxEdits = input.maxEdits ?? DESIGN_LIMITS.defaultMaxEdits;
    const beamWidth = input.beamWidth ?? DESIGN_LIMITS.defaultBeamWidth;
    const population = input.population ?? DESIGN_LIMITS.defaultPopulation;
    // The default follows maxEdits; an out-of-range maxEdits is reported once, at maxEdits.
    const generations =
      input.generations ?? Math.min(Math.max(maxEdits, 1) * 5, DESIGN_LIMITS.generations);
    const seed = input.seed ?? 1;
    const gcMin = input.gcMin ?? 0;
    const gcMax = input.gcMax ?? 1;
    if (!DESIGN_METHODS.includes(method)) {
      const message = `method must be one of ${DESIGN_METHODS.join(', ')}; got "${String(method).slice(0, 20)}"`;
      errors.push(userError('method', 'INVALID_METHOD', message));
    }
    if (direction !== 'up' && direction !== 'down') {
      errors.push(userError('direction', 'INVALID_DIRECTION', 'direction must be up or down'));
    }
    for (const bad of [
      checkIntRange('task', task, 0, 10_000),
      checkIntRange('maxEdits', maxEdits, 1, DESIGN_LIMITS.maxEdits),
      checkIntRange('beamWidth', beamWidth, 1, DESIGN_LIMITS.beamWidth),
      checkIntRange('population', population, 1, DESIGN_LIMITS.population),
      checkIntRange('generations', generations, 1, DESIGN_LIMITS.generations),
      checkIntRange('seed', seed, 0, 2 ** 31 - 1),
    ]) {
      if (bad) errors.push(bad);
    }
    let gcInRange = true;
    for (const [field, value] of [
      ['gcMin', gcMin],
      ['gcMax', gcMax],
    ] as const) {
      if (!(value >= 0 && value <= 1)) {
        gcInRange = false;
        errors.push(userError(field, 'OUT_OF_RANGE', `${field} must be in [0, 1]; got ${value}`));
      }
    }
    if (gcInRange && gcMin > gcMax) {
      const message = `gcMax ${gcMax} is below gcMin ${gcMin}`;
      errors.push(userError('gcMax', 'OUT_OF_RANGE', message));
    }
    const sequence = (input.sequence ?? '').trim().toUpperCase();
    if (sequence.length === 0 || sequence.length > DESIGN_LIMITS.sequenceLength) {
      const message = `sequence must have 1–${DESIGN_LIMITS.sequenceLength} bases; got ${sequence.length}`;
      errors.push(userError('sequence', 'OUT_OF_RANGE', message));
    } else if (!/^[ACGT]+$/.test(sequence)) {
      const at = sequence.search(/[^ACGT]/);
      const message = `sequence holds "${sequence[at]}" at ${at + 1}; only A, C, G, T are edited`;
      errors.push(userError('sequence', 'INVALID_SEQUENCE', message));
    }
    const model = await resolveJobModel(em, db, projectId, input);
    if (!model.ok) errors.push(...model.errors);
    else if (sequence.length > 0 && sequence.length !== model.value.inputLength) {
      const message = `sequence has ${sequence.length} bases; the model takes ${model.value.inputLength}`;
      errors.push(userError('sequence', 'WRONG_LENGTH', message));
    }
    const fixed = input.fixedPositions ?? [];
    const length = model.ok ? model.value.inputLength : DESIGN_LIMITS.sequenceLength;
    if (fixed.length > length) {
      const message = `at most ${length} fixed positions; got ${fixed.length}`;
      errors.push(userError('fixedPositions', 'OUT_OF_RANGE', message));
    } else {
      fixed.forEach((p, i) => {
        const bad = checkIntRange(`fixedPositions[${i}]`, p, 0, length - 1);
        if (bad) errors.push(bad);
      });
    }
    if (errors.length > 0 || !model.ok) return { ok: false, errors };
    const m = model.value;
    const params: DesignParams = {
      runId: m.runId,
      modelVersionId: m.modelVersionId,
      modelPath: m.modelPath,
      sequence,
      method,
      direction,
      task,
      maxEdits,
      fixed: [...new Set(fixed)].sort((a, b) => a - b),
      gc: [gcMin, gcMax],
      beamWidth,
      population,
      generations,
      seed,
    };
    return {
      ok: true,
      value: {
        params,
        lineage: modelLineage(m, null),
      },
    };
  },

  async run({ params, db, progress, signal }) {
    const result = await runInWorker<DesignTaskInput, DesignTaskResult>(
      new URL('./design.task.ts', import.meta.url),
      'designTask',
      {
        modelDir: await db.artifacts.pull(params.modelPath),
        sequence: params.sequence,
        options: {
          method: params.method,
          direction: params.direction,
          task: params.task,
          maxEdits: params.maxEdits,
          fixed: params.fixed,
          gc: params.gc,
          beamWidth: params.beamWidth,
          population: params.population,
          generations: params.generations,
          seed: params.seed,
        },
      },
      { progress, signal },
    );
    return { result: JSON.parse(JSON.stringify(result)) as JsonObject };
  },
};
