import { mkdir, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { EntityManager } from '@mikro-orm/core';
import { BUNDLED_MOTIFS, findMotif, plantedMotifRecords } from '@strand/genomics';
import type { Pfm } from '@strand/genomics';
import { Dataset, Project } from '@strand/data';
import type { ArtifactStore } from '@strand/data';
import { checkIntRange, userError } from '../errors/user-error.ts';
import type { Outcome, UserError } from '../errors/user-error.ts';
import { SEQUENCE_TABLE_FILE } from './sequence-store.ts';
import { SequenceStoreWriter } from './sequence-store-writer.ts';

export interface CreateDemoDatasetInput {
  /** The project the dataset belongs to (the caller checked the right to write in it). */
  projectId: string;
  name?: string | null;
  sequences: number;
  length: number;
  /** Bundled JASPAR motif ids or names; default: the first bundled motif. */
  motifs?: string[] | null;
  seed?: number | null;
}

export const DEMO_LIMITS = {
  sequences: [10, 200_000],
  length: [8, 10_000],
  /** sequences × length: a 200 MB store file, made in seconds (a demo needs no more). */
  bases: 200_000_000,
} as const;

/** Longest stretch of generating without letting other work on the event loop run. */
const YIELD_EVERY_MS = 10;

/** What a demo generation makes, once checked: stored as the demo job's parameters. */
export interface DemoPlan {
  name: string;
  sequences: number;
  length: number;
  /** Bundled motif ids. */
  motifs: string[];
  seed: number;
}

/** Options of generateDemoDataset. */
export interface DemoOptions {
  /** Called every few thousand records and at the end, with records written of `total`. */
  onProgress?: (done: number, total: number) => void;
  /** Aborted: generation stops at the next record, and nothing is kept. */
  signal?: AbortSignal;
}

/** Records between two progress reports (a report is cheap; this only spares the calls). */
const PROGRESS_EVERY = 1_000;

/**
 * Checks a demo request (ranges, the base cap, the seed, the motifs) without making anything:
 * every problem is a userError, so nothing is queued for a request that cannot succeed.
 */
export function checkDemoInput(
  input: Omit<CreateDemoDatasetInput, 'projectId'>,
): Outcome<DemoPlan> {
  const errors: UserError[] = [];
  const [minN, maxN] = DEMO_LIMITS.sequences;
  const [minL, maxL] = DEMO_LIMITS.length;
  const e1 = checkIntRange('sequences', input.sequences, minN, maxN);
  const e2 = checkIntRange('length', input.length, minL, maxL);
  if (e1) errors.push(e1);
  if (e2) errors.push(e2);
  if (!e1 && !e2 && input.sequences * input.length > DEMO_LIMITS.bases) {
    errors.push(
      userError(
        'sequences',
        'OUT_OF_RANGE',
        `sequences × length must be at most ${DEMO_LIMITS.bases.toLocaleString('en-US')} bases; got ${(input.sequences * input.length).toLocaleString('en-US')} (fewer sequences or shorter ones)`,
      ),
    );
  }
  const seed = input.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0) {
    errors.push(
      userError('seed', 'OUT_OF_RANGE', `seed must be a non-negative integer; got ${seed}`),
    );
  }
  const names = input.motifs?.length ? input.motifs : [BUNDLED_MOTIFS[0].id];
  const motifs: Pfm[] = [];
  for (const name of names) {
    const motif = findMotif(name);
    if (!motif) {
      const known = BUNDLED_MOTIFS.map((m) => `${m.id} (${m.name})`).join(', ');
      errors.push(
        userError('motifs', 'UNKNOWN_MOTIF', `unknown motif "${name}"; bundled: ${known}`),
      );
    } else if (motif.counts.length > input.length) {
      errors.push(
        userError(
          'length',
          'OUT_OF_RANGE',
          `length ${input.length} is shorter than motif ${motif.id} (${motif.counts.length} bp)`,
        ),
      );
    } else {
      motifs.push(motif);
    }
  }
  if (errors.length) return { ok: false, errors };
  const name =
    input.name?.trim() ||
    `demo ${motifs.map((m) => m.name).join('+')} ${input.sequences}×${input.length}`;
  return {
    ok: true,
    value: {
      name,
      sequences: input.sequences,
      length: input.length,
      motifs: motifs.map((m) => m.id),
      seed,
    },
  };
}

/** The demo generation was cancelled (DemoOptions.signal); nothing was kept. */
export class DemoAborted extends Error {
  constructor() {
    super('the demo generation was stopped; nothing was stored');
    this.name = 'DemoAborted';
  }
}

/**
 * Makes a planted-motif sequence-classification dataset (positives carry a motif instance,
 * negatives are background) in the dataset store (sequence-store.ts), from a checked plan. As an
 * import does, it writes the file under a fresh id first and adds the dataset row (READY) only
 * after the file is complete: a failure, a cancel or a crash leaves no row, and the start-up
 * sweep (platform/sweep-leftovers.ts) removes a directory no READY dataset owns.
 */
export async function generateDemoDataset(
  em: EntityManager,
  artifacts: ArtifactStore,
  projectId: string,
  plan: DemoPlan,
  options: DemoOptions = {},
): Promise<Dataset> {
  const motifs = plan.motifs.map((id) => {
    const motif = findMotif(id);
    if (!motif) throw new Error(`no bundled motif ${id}`);
    return motif;
  });
  const id = crypto.randomUUID();
  const path = `datasets/${id}/${SEQUENCE_TABLE_FILE}`;
  const file = artifacts.resolve(path);
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.writing`;
  const columns = { labels: ['label'], features: [], profile: null };
  const writer = new SequenceStoreWriter(tmp, columns, plan.name);
  let stored;
  try {
    try {
      // Record by record into the store (flat memory however large), giving the event
      // loop a turn every YIELD_EVERY_MS so requests and /health are answered meanwhile.
      let i = 0;
      let slice = performance.now();
      const records = { count: plan.sequences, length: plan.length, motifs, seed: plan.seed };
      options.onProgress?.(0, plan.sequences);
      for (const { sequence, label } of plantedMotifRecords(records)) {
        i++;
        writer.add({ id: `seq${i}`, sequence, labels: [label] }, i);
        if (i % PROGRESS_EVERY === 0) options.onProgress?.(i, plan.sequences);
        if (performance.now() - slice >= YIELD_EVERY_MS) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          if (options.signal?.aborted) throw new DemoAborted();
          slice = performance.now();
        }
      }
      stored = writer.finish();
    } catch (error) {
      writer.abort();
      throw error;
    }
    if (options.signal?.aborted) throw new DemoAborted();
    await rename(tmp, file);
    await artifacts.push(path);
    options.onProgress?.(plan.sequences, plan.sequences);
    const dataset = new Dataset(
      em.getReference(Project, projectId),
      plan.name,
      'sequence-classification',
    );
    Object.assign(dataset, stored, {
      id,
      artifactPath: path,
      status: 'READY',
      source: { generator: 'planted-motifs', motifs: plan.motifs, seed: plan.seed },
    });
    em.persist(dataset);
    await em.flush();
    return dataset;
  } catch (error) {
    await artifacts.remove(`datasets/${id}`);
    throw error;
  }
}

/**
 * Checks and makes a demo dataset in one call, in this process: the first start's demo dataset
 * (Jobs.ensureDemoDataset) and library callers. The API queues it as a CREATE_DEMO_DATASET job
 * instead (kinds/create-demo-dataset.kind.ts).
 */
export async function createDemoDataset(
  em: EntityManager,
  artifacts: ArtifactStore,
  input: CreateDemoDatasetInput,
  options: DemoOptions = {},
): Promise<Outcome<Dataset>> {
  const plan = checkDemoInput(input);
  if (!plan.ok) return plan;
  return {
    ok: true,
    value: await generateDemoDataset(em, artifacts, input.projectId, plan.value, options),
  };
}
