import { createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { DataError } from '../errors/data-error.ts';
import { normalizePrefix } from './artifact-remote-env.ts';
import type { ArtifactObjectStore, StoredObject } from './object-store.ts';

/** S3's smallest part of a multipart upload (all parts but the last). */
export const MIN_PART_SIZE = 5 * 1024 * 1024;
/** S3's most parts in one multipart upload. */
const MAX_PARTS = 10_000;
/** S3's most keys in one DeleteObjects request. */
const DELETE_BATCH = 1000;

export interface S3ObjectStoreOptions {
  bucket: string;
  /** Prepended to every key ("strand/" → "strand/models/…"); "" or absent: the bucket's root. */
  prefix?: string;
  /** Another S3-compatible server (MinIO, Ceph…): its http(s) URL; absent: AWS. */
  endpoint?: string;
  /** Default us-east-1 (what MinIO and most S3-compatible servers accept). */
  region?: string;
  /** Bucket in the path (`endpoint/bucket/key`), as MinIO needs, rather than in the host name. */
  forcePathStyle?: boolean;
  /**
   * Absent: the AWS SDK's default chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY /
   * AWS_SESSION_TOKEN, then shared config files and instance roles).
   */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /**
   * Files larger than this go up in parts of this size (default 16 MiB, at least 5 MiB, grown
   * for files that would need more than 10,000 parts); smaller ones in one PUT.
   */
  partSize?: number;
  /** Parts uploading at once (default 4): memory held is about partSize × this. */
  partConcurrency?: number;
  /** Keys per LIST request (default 1000, S3's maximum). */
  pageSize?: number;
  /** Tries of each request on 5xx, throttling and network errors (default 5). */
  maxAttempts?: number;
}

/**
 * Artifacts in a bucket of any S3-compatible server, with the AWS SDK: objects under
 * `prefix + key`, the ETag as the version. Big files go up in parts read from the file (memory
 * stays at a few parts, any size up to S3's 5 TB), downloads stream to the file, listings follow
 * continuation tokens past 1,000 keys, and the SDK retries 5xx, throttling and network errors
 * (a download whose body breaks off is fetched again from the start). Failures to reach the
 * bucket (bad credentials, no such bucket, no route) become ARTIFACT_STORE_UNAVAILABLE naming
 * `description`, never a secret.
 */
export class S3ObjectStore implements ArtifactObjectStore {
  readonly description: string;
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;
  private readonly partSize: number;
  private readonly partConcurrency: number;
  private readonly pageSize: number;
  private readonly maxAttempts: number;

  constructor(options: S3ObjectStoreOptions) {
    this.bucket = options.bucket;
    this.prefix = normalizePrefix(options.prefix ?? '');
    const where = options.endpoint ? ` at ${redactUrl(options.endpoint)}` : '';
    this.description = `s3://${this.bucket}/${this.prefix}${where}`;
    this.partSize = Math.max(MIN_PART_SIZE, options.partSize ?? 16 * 1024 * 1024);
    this.partConcurrency = Math.max(1, options.partConcurrency ?? 4);
    this.pageSize = Math.min(1000, Math.max(1, options.pageSize ?? 1000));
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
    this.client = new S3Client({
      region: options.region || 'us-east-1',
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      forcePathStyle: options.forcePathStyle ?? false,
      ...(options.credentials ? { credentials: options.credentials } : {}),
      maxAttempts: this.maxAttempts,
      retryMode: 'standard',
      // Checksums only where S3 requires them: newer SDKs otherwise send every PUT as an
      // aws-chunked body with a trailing CRC, which many S3-compatible servers do not accept.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async head(key: string): Promise<StoredObject | null> {
    try {
      const answer = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: this.prefix + key }),
      );
      return { key, size: answer.ContentLength ?? 0, version: versionOf(answer.ETag, key) };
    } catch (error) {
      if (isMissingObject(error)) return null;
      throw this.failure(error, `HEAD ${key}`);
    }
  }

  async *list(prefix: string): AsyncIterable<StoredObject> {
    let token: string | undefined;
    do {
      let page;
      try {
        page = await this.client.send(
          new ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: this.prefix + prefix,
            MaxKeys: this.pageSize,
            ...(token ? { ContinuationToken: token } : {}),
          }),
        );
      } catch (error) {
        throw this.failure(error, prefix ? `LIST ${prefix}` : 'LIST');
      }
      for (const object of page.Contents ?? []) {
        if (!object.Key?.startsWith(this.prefix)) continue;
        const key = object.Key.slice(this.prefix.length);
        yield { key, size: object.Size ?? 0, version: versionOf(object.ETag, key) };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async download(key: string, file: string): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      let answer;
      try {
        answer = await this.client.send(
          new GetObjectCommand({ Bucket: this.bucket, Key: this.prefix + key }),
        );
      } catch (error) {
        if (isMissingObject(error)) {
          throw new DataError('NOT_FOUND', `object "${key}" does not exist in ${this.description}`);
        }
        throw this.failure(error, `GET ${key}`);
      }
      try {
        // Streams to the file: a model or dataset of any size never sits in memory whole.
        await pipeline(answer.Body as Readable, createWriteStream(file));
        const size = (await stat(file)).size;
        if (answer.ContentLength !== undefined && size !== answer.ContentLength) {
          throw new Error(`got ${size} of ${answer.ContentLength} bytes`);
        }
        return versionOf(answer.ETag, key);
      } catch (error) {
        // The body broke off after the response began, which the SDK does not retry.
        if (attempt >= this.maxAttempts) throw this.failure(error, `GET ${key}`);
      }
    }
  }

  async upload(key: string, file: string): Promise<string> {
    const { size } = await stat(file);
    if (size <= this.partSize) {
      const handle = await open(file, 'r');
      try {
        // One part at most in memory: a Buffer body can be sent again when a try fails.
        const body = await handle.readFile();
        const answer = await this.client
          .send(
            new PutObjectCommand({
              Bucket: this.bucket,
              Key: this.prefix + key,
              Body: body,
              ContentLength: body.length,
            }),
          )
          .catch((error: unknown) => {
            throw this.failure(error, `PUT ${key}`);
          });
        return answer.ETag ? versionOf(answer.ETag, key) : this.versionAfterWrite(key);
      } finally {
        await handle.close();
      }
    }
    return this.uploadInParts(key, file, size);
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (let start = 0; start < keys.length; start += DELETE_BATCH) {
      const batch = keys.slice(start, start + DELETE_BATCH);
      const answer = await this.client
        .send(
          new DeleteObjectsCommand({
            Bucket: this.bucket,
            Delete: { Objects: batch.map((key) => ({ Key: this.prefix + key })), Quiet: true },
          }),
        )
        .catch((error: unknown) => {
          throw this.failure(error, `DELETE ${batch.length} objects`);
        });
      const failed = (answer.Errors ?? []).filter((e) => e.Code !== 'NoSuchKey');
      if (failed.length > 0) {
        throw new DataError(
          'ARTIFACT_STORE_UNAVAILABLE',
          `${this.description}: could not delete ${failed.length} objects (first: "${failed[0].Key}": ${failed[0].Code})`,
        );
      }
    }
  }

  /** Closes the SDK's connections. */
  close(): void {
    this.client.destroy();
  }

  private async uploadInParts(key: string, file: string, size: number): Promise<string> {
    const partSize = Math.max(this.partSize, Math.ceil(size / MAX_PARTS));
    const count = Math.ceil(size / partSize);
    const Key = this.prefix + key;
    const created = await this.client
      .send(new CreateMultipartUploadCommand({ Bucket: this.bucket, Key }))
      .catch((error: unknown) => {
        throw this.failure(error, `PUT ${key} (start of a multipart upload)`);
      });
    const UploadId = created.UploadId;
    if (!UploadId) throw this.failure(new Error('no upload id in the answer'), `PUT ${key}`);
    const handle = await open(file, 'r');
    try {
      const etags: string[] = new Array(count);
      let next = 0;
      const uploader = async () => {
        while (next < count) {
          const index = next++;
          const length = Math.min(partSize, size - index * partSize);
          const body = Buffer.allocUnsafe(length);
          const { bytesRead } = await handle.read(body, 0, length, index * partSize);
          if (bytesRead !== length) throw new Error(`${file} changed while it was uploaded`);
          const part = await this.client.send(
            new UploadPartCommand({
              Bucket: this.bucket,
              Key,
              UploadId,
              PartNumber: index + 1,
              Body: body,
              ContentLength: length,
            }),
          );
          if (!part.ETag) throw new Error(`no ETag for part ${index + 1}`);
          etags[index] = part.ETag;
        }
      };
      await Promise.all(
        Array.from({ length: Math.min(this.partConcurrency, count) }, () => uploader()),
      );
      const done = await this.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: this.bucket,
          Key,
          UploadId,
          MultipartUpload: { Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) },
        }),
      );
      return done.ETag ? versionOf(done.ETag, key) : await this.versionAfterWrite(key);
    } catch (error) {
      // Parts of an unfinished upload are billed until aborted.
      await this.client
        .send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key, UploadId }))
        .catch(() => undefined);
      throw error instanceof DataError ? error : this.failure(error, `PUT ${key}`);
    } finally {
      await handle.close();
    }
  }

  private async versionAfterWrite(key: string): Promise<string> {
    const object = await this.head(key);
    if (!object) throw this.failure(new Error('the object is missing after its upload'), key);
    return object.version;
  }

  /** A failed request as a DataError that says what to check, with no secret in it. */
  private failure(error: unknown, what: string): DataError {
    if (error instanceof DataError) return error;
    const e = error as {
      name?: string;
      Code?: string;
      code?: string;
      message?: string;
      $metadata?: { httpStatusCode?: number };
    };
    const name = e.Code ?? e.name ?? 'Error';
    const status = e.$metadata?.httpStatusCode;
    let why: string;
    if (
      status === 403 ||
      /InvalidAccessKeyId|SignatureDoesNotMatch|AccessDenied|ExpiredToken|InvalidToken|Forbidden/.test(
        name,
      )
    ) {
      why = `access denied (${name}): check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) and the bucket's policy`;
    } else if (name === 'NoSuchBucket') {
      why = `the bucket "${this.bucket}" does not exist`;
    } else if (/CredentialsProviderError/.test(name)) {
      why = 'no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY';
    } else if (e.code && /^E[A-Z]+/.test(e.code)) {
      why = `cannot reach the server (${e.code})`;
    } else {
      why = `${name}${status ? ` (HTTP ${status})` : ''}: ${oneLine(e.message ?? '')}`;
    }
    return new DataError(
      'ARTIFACT_STORE_UNAVAILABLE',
      `${this.description}: ${what} failed: ${why}`,
    );
  }
}

function versionOf(etag: string | undefined, key: string): string {
  if (!etag) throw new Error(`the server gave no ETag for "${key}"`);
  return etag.replace(/^"|"$/g, '');
}

function isMissingObject(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return '(an endpoint that is not a URL)';
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}
