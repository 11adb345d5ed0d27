import { isRecord, num, str } from './json-value.ts';

/** What an import made: the dataset, its record count and checksum. */
export interface ImportResultView {
  datasetId: string | null;
  records: number | null;
  checksum: string | null;
}

/**
 * An IMPORT_DATASET, IMPORT_UPLOAD or CREATE_DEMO_DATASET result (`{datasetId, records,
 * checksum}`); null for another shape.
 */
export function parseImportResult(value: unknown): ImportResultView | null {
  if (!isRecord(value)) return null;
  const view = {
    datasetId: str(value.datasetId),
    records: num(value.records),
    checksum: str(value.checksum),
  };
  return view.datasetId === null && view.records === null ? null : view;
}
