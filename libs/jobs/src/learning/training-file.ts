/**
 * The data of `strand train --train FILE` as a data source. A sequence table or labelled FASTA
 * is written into a temporary store table as it is read (the import's writer, no dataset row)
 * and streams from there, so memory does not grow with the file; an expression matrix (with its
 * sample table) is read into memory, as it is small and read whole anyway.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSequenceTable } from '../datasets/import-dataset.ts';
import type { SequenceFileInput } from '../datasets/import-dataset.ts';
import { SEQUENCE_TABLE_FILE } from '../datasets/sequence-store.ts';
import type { DataFiles } from './labelled-data.ts';
import { loadLabelledData } from './labelled-data.ts';
import { LearningError } from './learning.error.ts';
import type { DataSource } from './store-source.ts';
import { closeSource, openStoreSource } from './store-source.ts';

/** A data source and how to let it go (close its files, remove a temporary table). */
export interface OpenedData {
  data: DataSource;
  close(): Promise<void>;
}

/** Opens `files` for training (see the file comment); `close` it when done. */
export async function openTrainingFile(files: DataFiles): Promise<OpenedData> {
  if (files.labels) {
    const data = await loadLabelledData(files);
    return { data, close: async () => undefined };
  }
  await access(files.file).catch((e: NodeJS.ErrnoException) => {
    throw new LearningError(
      'UNREADABLE_FILE',
      `${files.file}: cannot read (${e.code ?? e.message})`,
    );
  });
  const dir = await mkdtemp(join(tmpdir(), 'strand-train-'));
  const table = join(dir, SEQUENCE_TABLE_FILE);
  try {
    const input: SequenceFileInput = {
      kind: 'sequence-classification',
      path: files.file,
      labelColumn: files.labelColumns?.join(',') ?? null,
      featureColumns: files.featureColumns ? [...files.featureColumns] : null,
      profileColumn: files.profileColumn ?? null,
    };
    const written = await writeSequenceTable(input, table).catch((error: { code?: string }) => {
      // A table of count profiles without labels: what sequence-regression imports.
      if (error.code !== 'NO_LABELS' || files.labelColumns) throw error;
      return writeSequenceTable({ ...input, kind: 'sequence-regression' }, table);
    });
    const data = await openStoreSource(table, written.checksum);
    return {
      data,
      close: async () => {
        await closeSource(data);
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
