/**
 * What a split needs to know of a stored dataset's records, in stored order: a class key per
 * record (for stratification) and, where records have one, a chromosome. Parts: the readers per
 * kind; `sha256OfFiles` (the check that the content is the one the dataset row describes).
 */
import { basename } from 'node:path';
import { openVcf, readExpressionMatrix, readSequenceTable, sha256OfFiles } from '@strand/genomics';
import type { Dataset, ArtifactStore } from '@strand/data';
import { DatasetSplitError } from './dataset-split.error.ts';
import { isStoreTable } from './sequence-store.ts';
import { LOCUS_ID, openSequenceStore, readStoreRecords } from './sequence-store-reader.ts';

/** The split keys of a dataset's records. */
export interface SplitRecords {
  /** Class key per record (`''` for every record of a dataset without labels). */
  labels: string[];
  /** Chromosome per record, or null when the records have none (expression samples). */
  chromosomes: string[] | null;
}

async function sequenceRecords(file: string): Promise<SplitRecords> {
  if (isStoreTable(file)) {
    const store = await openSequenceStore(file);
    try {
      const { classes, chromosomes } = await readStoreRecords(store);
      return { labels: Array.from(classes, (c) => store.labelNames[c] ?? ''), chromosomes };
    } finally {
      await store.table.close();
    }
  }
  // A dataset stored before the store existed: a sequences.tsv.
  const labels: string[] = [];
  const chromosomes: (string | null)[] = [];
  for await (const r of readSequenceTable(file, { label: basename(file) })) {
    labels.push(String(r.label));
    chromosomes.push(LOCUS_ID.exec(r.id)?.[1] ?? null);
  }
  const located = chromosomes.every((c): c is string => c !== null);
  return { labels, chromosomes: located && labels.length > 0 ? chromosomes : null };
}

async function expressionRecords(file: string, dataset: Dataset): Promise<SplitRecords> {
  const summary = dataset.summary ?? {};
  const orientation = summary.orientation as 'genes-by-samples' | 'samples-by-genes' | undefined;
  const matrix = await readExpressionMatrix(file, { label: basename(file), orientation });
  const byId = (summary.labels ?? {}) as Record<string, unknown>;
  return { labels: matrix.samples.map((s) => String(byId[s] ?? '')), chromosomes: null };
}

async function variantRecords(file: string): Promise<SplitRecords> {
  const vcf = await openVcf(file, { label: basename(file) });
  const chromosomes: string[] = [];
  for await (const record of vcf) chromosomes.push(record.chrom);
  return { labels: chromosomes.map(() => ''), chromosomes };
}

/** The artifact path and checksum of a dataset's content; UNSUPPORTED when it has none. */
export function contentPath(dataset: Dataset): { rel: string; checksum: string } {
  if (!dataset.artifactPath || !dataset.checksum) {
    throw new DatasetSplitError(
      'UNSUPPORTED',
      `dataset ${dataset.id} has no stored content with a checksum to split`,
    );
  }
  return { rel: dataset.artifactPath, checksum: dataset.checksum };
}

/**
 * Reads the records of a stored dataset, after checking its content still has the dataset's
 * checksum (CHECKSUM_MISMATCH otherwise): a split is only meaningful for the content it indexes.
 */
export async function readSplitRecords(
  artifacts: ArtifactStore,
  dataset: Dataset,
): Promise<SplitRecords> {
  const { rel, checksum } = contentPath(dataset);
  const file = await artifacts.pull(rel);
  const actual = await sha256OfFiles([file]);
  if (actual !== checksum) {
    throw new DatasetSplitError(
      'CHECKSUM_MISMATCH',
      `${rel}: content has SHA-256 ${actual}, the dataset says ${checksum}`,
    );
  }
  if (dataset.kind === 'sequence-classification' || dataset.kind === 'sequence-regression') {
    return sequenceRecords(file);
  }
  if (dataset.kind === 'expression') return expressionRecords(file, dataset);
  if (dataset.kind === 'variants') return variantRecords(file);
  throw new DatasetSplitError('UNSUPPORTED', `datasets of kind "${dataset.kind}" cannot be split`);
}
