/** One stored object: its key (an artifact path relative to the store) and size in bytes. */
export interface StoredObject {
  key: string;
  size: number;
  /**
   * Changes whenever the object's content is replaced (an S3 ETag; a directory store's mtime and
   * size). A local copy made at one version is current while the object keeps it.
   */
  version: string;
}

/**
 * Where artifacts live when they are not on a directory every process shares: a flat space of
 * objects under keys, what an S3-compatible bucket offers (PUT, GET, HEAD, LIST by prefix,
 * DELETE). Keys are artifact paths relative to the store ("models/<run>/model.json"), already
 * checked by ArtifactStore; an implementation maps them under its own prefix.
 *
 * The ArtifactStore keeps a local copy of what it reads (pull before read) and uploads what a
 * job wrote (push after write); readers and writers (Arrow tables, tfjs models, checkpoints) keep
 * working on local files.
 */
export interface ArtifactObjectStore {
  /** Where the objects are, for messages ("s3://bucket/prefix"); never carries credentials. */
  readonly description: string;
  /** The object at `key`, or null when there is none. */
  head(key: string): Promise<StoredObject | null>;
  /** Every object whose key starts with `prefix`, in any order. */
  list(prefix: string): AsyncIterable<StoredObject>;
  /**
   * Copies the object at `key` into the local file `file` (its directory exists) and answers the
   * version copied; a DataError NOT_FOUND when there is no such object.
   */
  download(key: string, file: string): Promise<string>;
  /**
   * Stores the local file `file` as the object at `key`, replacing any: readers see the old
   * object or the new one, never a part. Answers the new version.
   */
  upload(key: string, file: string): Promise<string>;
  /** Removes objects; a key with no object is not an error. */
  delete(keys: readonly string[]): Promise<void>;
}
