import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { BUNDLED_MOTIFS, findMotif, simulatePlantedMotifs } from '@strand/genomics';
import type { Pfm } from '@strand/genomics';
import { Dataset, Project } from '@strand/data';
import type { ArtifactStore } from '@strand/data';
import { checkIntRange, userError } from '../errors/user-error.ts';
import type { Outcome, UserError } from '../errors/user-error.ts';
import { formatSequenceTable } from './sequence-table.ts';

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

export const DEMO_LIMITS = { sequences: [10, 200_000], length: [8, 10_000] } as const;

/**
 * Makes a planted-motif sequence-classification dataset (positives carry a motif instance,
 * negatives are background) and stores it as a sequence table in the artifact store. The dataset
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

  const simulated = simulatePlantedMotifs({
    count: input.sequences,
    length: input.length,
    motifs,
    seed,
  });
  const ids = simulated.sequences.map((_, i) => `seq${i + 1}`);
  const table = formatSequenceTable({
    ids,
    labels: simulated.labels,
    sequences: simulated.sequences,
  });
  const positives = simulated.labels.reduce((s, v) => s + v, 0);
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
    const path = `datasets/${dataset.id}/sequences.tsv`;
    await artifacts.writeAtomic(path, table);
    dataset.artifactPath = path;
    dataset.recordCount = input.sequences;
    dataset.sequenceLength = input.length;
    dataset.labelCounts = { '0': input.sequences - positives, '1': positives };
    dataset.checksum = createHash('sha256').update(table).digest('hex');
    dataset.status = 'READY';
    await em.flush();
  } catch (error) {
    dataset.status = 'FAILED';
    await em.flush();
    throw error;
  }
  return { ok: true, value: dataset };
}
