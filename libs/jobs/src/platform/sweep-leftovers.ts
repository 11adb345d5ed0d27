import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Dataset, IN_PROGRESS, Job } from '@strand/data';
import type { StrandDatabase } from '@strand/data';
import { UPLOAD_SCRATCH_DIR, uploadDirOf } from '../kinds/import-upload.kind.ts';

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
 * write left — uploads being received or whose import job is over (an upload whose IMPORT_UPLOAD
 * job is still to run is kept: the recovered job reads it), temporary files of atomic writes,
 * dataset directories that no READY dataset owns (a demo or an import cut short), and dataset
 * rows still IMPORTING (their job, recovered, imports again).
 * Only at start, while this process owns every job (embedded mode, as Jobs.recover assumes). It
 * sweeps this process's artifact directory (with an object store, its local copy; a dataset
 * directory no READY dataset owns is removed from the store too).
 */
export async function sweepLeftovers(db: StrandDatabase): Promise<SweptLeftovers> {
  const swept: SweptLeftovers = { temporary: 0, datasetDirs: 0, datasetRows: 0 };
  const { artifacts } = db;
  const em = db.fork();
  const pending = await em.find(
    Job,
    { kind: 'IMPORT_UPLOAD', status: { $in: ['QUEUED', 'RUNNING'] } },
    { fields: ['params'] },
  );
  const kept = new Set(
    pending
      .map((job) => uploadDirOf(db, job.params.uploadDir))
      .filter((d) => d !== null)
      .map((d) => artifacts.resolve(d)),
  );
  const isDir = (rel: string) =>
    stat(artifacts.resolve(rel)).then(
      (s) => s.isDirectory(),
      () => false,
    );
  if (await isDir(UPLOAD_SCRATCH_DIR)) {
    const scratch = artifacts.resolve(UPLOAD_SCRATCH_DIR);
    for (const entry of await readdir(scratch)) {
      if (kept.has(join(scratch, entry))) continue;
      await rm(join(scratch, entry), { recursive: true, force: true });
      swept.temporary += 1;
    }
  }
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
  if (await isDir('datasets')) {
    for (const entry of await readdir(artifacts.resolve('datasets'), { withFileTypes: true })) {
      if (entry.isDirectory() && !ready.has(entry.name)) {
        await artifacts.remove(`datasets/${entry.name}`);
        swept.datasetDirs += 1;
      }
    }
  }
  // Not inside the uploads kept: their files keep the names their senders gave.
  swept.temporary += await removeInProgress(artifacts.root, kept);
  return swept;
}

async function removeInProgress(dir: string, skip: ReadonlySet<string>): Promise<number> {
  let removed = 0;
  // A process with a fresh local copy of an object store may have no directory yet.
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (skip.has(path)) continue;
    if (IN_PROGRESS.test(entry.name)) {
      await rm(path, { recursive: true, force: true });
      removed += 1;
    } else if (entry.isDirectory()) {
      removed += await removeInProgress(path, skip);
    }
  }
  return removed;
}
