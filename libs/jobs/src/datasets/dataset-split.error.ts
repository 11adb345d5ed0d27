/** Stable codes of DatasetSplitError. */
export type DatasetSplitErrorCode =
  'INVALID_SPEC' | 'UNSUPPORTED' | 'NOT_FOUND' | 'CHECKSUM_MISMATCH' | 'CORRUPT_SPLIT';

/**
 * A split that cannot be made or used: a bad spec, a method the dataset's records cannot take
 * (chromosome splits of records without a chromosome), an unknown splitId, a dataset whose
 * content no longer matches its checksum, or a split file that fails its own checks. The message
 * names the value and the file.
 */
export class DatasetSplitError extends Error {
  constructor(
    readonly code: DatasetSplitErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DatasetSplitError';
  }
}
