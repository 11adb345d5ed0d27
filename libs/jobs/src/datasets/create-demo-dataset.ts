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

/**
 * Makes a planted-motif sequence-classification dataset (positives carry a motif instance,
 * negatives are background) and stores it in the dataset store (sequence-store.ts). The dataset
 * row becomes READY only after the file is written, so nothing half-made is ever visible.
 */
export async function createDemoDataset(
  em: EntityManager,
  artifacts: ArtifactStore,
  input: CreateDemoDatasetInput,
): Promise<Outcome<Dataset>> {
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

  const dataset = new Dataset(
    em.getReference(Project, input.projectId),
    name,
    'sequence-classification',
  );
  dataset.source = { generator: 'planted-motifs', motifs: motifs.map((m) => m.id), seed };
  em.persist(dataset);
  await em.flush();
  try {
    const path = `datasets/${dataset.id}/${SEQUENCE_TABLE_FILE}`;
    const file = artifacts.resolve(path);
    await mkdir(dirname(file), { recursive: true });
    const tmp = `${file}.writing`;
    const columns = { labels: ['label'], features: [], profile: null };
    const writer = new SequenceStoreWriter(tmp, columns, name);
    let stored;
    try {
      // Record by record into the store (flat memory however large), giving the event
      // loop a turn every YIELD_EVERY_MS so other requests and /health are answered meanwhile.
      let i = 0;
      let slice = performance.now();
      const records = { count: input.sequences, length: input.length, motifs, seed };
      for (const { sequence, label } of plantedMotifRecords(records)) {
        i++;
        writer.add({ id: `seq${i}`, sequence, labels: [label] }, i);
        if (performance.now() - slice >= YIELD_EVERY_MS) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          slice = performance.now();
        }
      }
      stored = writer.finish();
    } catch (error) {
      writer.abort();
      throw error;
    }
    await rename(tmp, file);
    Object.assign(dataset, stored);
    dataset.artifactPath = path;
    dataset.status = 'READY';
    await em.flush();
  } catch (error) {
    dataset.status = 'FAILED';
    await em.flush();
    throw error;
  }
  return { ok: true, value: dataset };
}
