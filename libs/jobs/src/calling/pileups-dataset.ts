/**
 * A `pileups` dataset of a project: the Arrow table `callVariants` writes when asked for its
 * pileups (pileup-table.ts), stored at `datasets/<id>/pileups.arrow` of the artifact store. Used
 * by the CALL_VARIANTS job (`pileupsAs`) and by `strand call --pileups-as` (the embedded store).
 */
import { mkdir, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { EntityManager } from '@mikro-orm/core';
import { Dataset, Project } from '@strand/data';
import type { ArtifactStore, JsonObject } from '@strand/data';
import { GENOTYPES, PILEUP_CHANNELS } from '@strand/genomics';
import type { PileupsWritten } from './call-variants.ts';

/** What storePileups needs of a call: the table it wrote and its counts. */
interface PileupsCall {
  candidates: number;
  calls: number;
  pileups?: PileupsWritten | null;
}
import { PILEUP_TABLE_FILE } from './pileup-table.ts';

/** Longest dataset name taken. */
export const PILEUPS_NAME_MAX_LENGTH = 200;

/**
 * Creates the dataset (IMPORTING, so it is listed while the call runs), has `write` write the
 * table to the temporary path it is given (callVariants with `pileups`), and makes the dataset
 * READY with its counts, checksum and shape; FAILED (its folder removed) when anything throws.
 */
export async function storePileups<T extends PileupsCall>(
  em: EntityManager,
  artifacts: ArtifactStore,
  input: { projectId: string; name: string; source: JsonObject },
  write: (tmpPath: string) => Promise<T>,
): Promise<{ dataset: Dataset; called: T }> {
  const dataset = new Dataset(em.getReference(Project, input.projectId), input.name, 'pileups');
  dataset.source = input.source;
  em.persist(dataset);
  await em.flush();
  const path = `datasets/${dataset.id}/${PILEUP_TABLE_FILE}`;
  const file = artifacts.resolve(path);
  try {
    await mkdir(dirname(file), { recursive: true });
    const called = await write(`${file}.writing`);
    const table = called.pileups;
    if (!table) throw new Error('the call wrote no pileups table');
    await rename(`${file}.writing`, file);
    await artifacts.push(path);
    Object.assign(dataset, {
      status: 'READY',
      artifactPath: path,
      recordCount: table.rows,
      checksum: table.sha256,
      // The truth's genotypes when the call was given a truth VCF (what training learns), else
      // the calls'.
      labelCounts: Object.fromEntries(
        GENOTYPES.map((g, i) => [g, (table.truths ?? table.genotypes)[i] ?? 0]),
      ),
      summary: {
        width: table.width,
        pileupRows: table.pileupRows,
        channels: [...PILEUP_CHANNELS],
        bytes: table.bytes,
        chunks: table.chunks,
        candidates: called.candidates,
        calls: called.calls,
        labels: table.truths ? 'truth' : 'calls',
        calledGenotypes: Object.fromEntries(GENOTYPES.map((g, i) => [g, table.genotypes[i] ?? 0])),
      },
    });
    await em.flush();
    return { dataset, called };
  } catch (error) {
    await artifacts.remove(`datasets/${dataset.id}`);
    dataset.status = 'FAILED';
    await em.flush();
    throw error;
  }
}
