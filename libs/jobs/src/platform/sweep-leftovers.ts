import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Dataset } from '@strand/data';
import type { StrandDatabase } from '@strand/data';

/** Where uploads are received before their import (inside the artifact store, so swept here). */
export const UPLOAD_SCRATCH_DIR = 'tmp';

/** Names of files and directories being written: atomic writers rename them when done. */
const IN_PROGRESS = /\.(tmp|writing|importing|partial)$/;

export interface SweptLeftovers {
  /** Temporary files and directories removed. */
  temporary: number;
  /** Dataset directories with no READY dataset removed. */
  datasetDirs: number;
  /** Dataset rows left IMPORTING removed. */
  datasetRows: number;
}

/**
 * After a crash (kill -9, power loss), before any job runs again: removes what an interrupted
 * write left — uploads being received, temporary files of atomic writes, dataset directories that
 * no READY dataset owns, and dataset rows still IMPORTING (their job, recovered, imports again).
 * Only at start, while this process owns every job (embedded mode, as Jobs.recover assumes).
 */
export async function sweepLeftovers(db: StrandDatabase): Promise<SweptLeftovers> {
  const swept: SweptLeftovers = { temporary: 0, datasetDirs: 0, datasetRows: 0 };
  const { artifacts } = db;
  if (await artifacts.exists(UPLOAD_SCRATCH_DIR)) {
    await artifacts.remove(UPLOAD_SCRATCH_DIR);
    swept.temporary += 1;
  }
  const em = db.fork();
  const importing = await em.find(Dataset, { status: 'IMPORTING' });
  for (const dataset of importing) {
    try {
      await em.nativeDelete(Dataset, { id: dataset.id, status: 'IMPORTING' });
      swept.datasetRows += 1;
    } catch {
      // Referenced by a job's lineage: keep the row, but never as something to train on.
      await em.nativeUpdate(Dataset, { id: dataset.id }, { status: 'FAILED' });
    }
  }
  const ready = new Set(
    (await em.find(Dataset, { status: 'READY' }, { fields: ['id'] })).map((d) => d.id),
  );
  if (await artifacts.exists('datasets')) {
    for (const entry of await readdir(artifacts.resolve('datasets'), { withFileTypes: true })) {
      if (entry.isDirectory() && !ready.has(entry.name)) {
        await artifacts.remove(`datasets/${entry.name}`);
        swept.datasetDirs += 1;
      }
    }
  }
  swept.temporary += await removeInProgress(artifacts.root);
  return swept;
}

async function removeInProgress(dir: string): Promise<number> {
  let removed = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (IN_PROGRESS.test(entry.name)) {
      await rm(path, { recursive: true, force: true });
      removed += 1;
    } else if (entry.isDirectory()) {
      removed += await removeInProgress(path);
    }
  }
  return removed;
}
