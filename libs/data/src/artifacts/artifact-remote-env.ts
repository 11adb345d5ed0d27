import type { ArtifactObjectStore } from './object-store.ts';
import type { S3ObjectStoreOptions } from './s3-object-store.ts';

/**
 * Where the artifacts are when they are in an S3-compatible bucket rather than a shared
 * directory: everything S3ObjectStore needs but the credentials, which the AWS SDK reads itself
 * (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, else shared config files or an
 * instance role), so a configuration object never carries a secret.
 */
export type ArtifactRemoteSettings = Pick<
  S3ObjectStoreOptions,
  'bucket' | 'prefix' | 'endpoint' | 'region' | 'forcePathStyle'
> & {
  /** STRAND_ARTIFACT_URL as given (it has no credentials: parseS3Url refuses those). */
  url: string;
};

/**
 * The artifact bucket of STRAND_ARTIFACT_URL (`s3://bucket/prefix`) with STRAND_S3_ENDPOINT
 * (MinIO, Ceph…: an http(s) URL), STRAND_S3_REGION (else AWS_REGION, else us-east-1) and
 * STRAND_S3_FORCE_PATH_STYLE (true/false; default true with an endpoint, as MinIO wants, false on
 * AWS); undefined without STRAND_ARTIFACT_URL (a shared directory). A bad value throws an Error
 * that names the variable and never shows a secret.
 */
export function readArtifactRemote(env: NodeJS.ProcessEnv): ArtifactRemoteSettings | undefined {
  const url = env.STRAND_ARTIFACT_URL?.trim();
  const s3Only = ['STRAND_S3_ENDPOINT', 'STRAND_S3_REGION', 'STRAND_S3_FORCE_PATH_STYLE'].filter(
    (name) => env[name],
  );
  if (!url) {
    if (s3Only.length > 0) {
      throw new Error(
        `${s3Only.join(', ')} only apply with STRAND_ARTIFACT_URL=s3://bucket/prefix`,
      );
    }
    return undefined;
  }
  const { bucket, prefix } = parseS3Url(url);
  const endpoint = env.STRAND_S3_ENDPOINT?.trim() || undefined;
  if (endpoint !== undefined) checkEndpoint(endpoint);
  const region = env.STRAND_S3_REGION?.trim() || env.AWS_REGION?.trim() || 'us-east-1';
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(region)) {
    throw new Error(`STRAND_S3_REGION must be a region name such as eu-west-1; got "${region}"`);
  }
  const pathStyle = env.STRAND_S3_FORCE_PATH_STYLE?.trim().toLowerCase();
  if (pathStyle && !['true', 'false', '1', '0'].includes(pathStyle)) {
    throw new Error(`STRAND_S3_FORCE_PATH_STYLE must be true or false; got "${pathStyle}"`);
  }
  const hasKey = !!env.AWS_ACCESS_KEY_ID;
  if (hasKey !== !!env.AWS_SECRET_ACCESS_KEY) {
    throw new Error(
      'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together: set both, or neither to use the AWS config files or an instance role',
    );
  }
  return {
    url,
    bucket,
    prefix,
    region,
    forcePathStyle: pathStyle ? pathStyle === 'true' || pathStyle === '1' : endpoint !== undefined,
    ...(endpoint ? { endpoint } : {}),
  };
}

function checkEndpoint(endpoint: string): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(endpoint);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol)) {
    throw new Error(
      `STRAND_S3_ENDPOINT must be an http:// or https:// URL such as http://minio:9000; got "${endpoint.includes('@') ? '(not shown: it has credentials in it)' : endpoint}"`,
    );
  }
  if (parsed.username || parsed.password) {
    throw new Error(
      'STRAND_S3_ENDPOINT must not carry credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY',
    );
  }
}

/** Where artifacts live, from STRAND_ARTIFACT_URL: `s3://bucket` or `s3://bucket/prefix`. */
export interface S3Location {
  bucket: string;
  /** "" or ending in "/". */
  prefix: string;
}

/**
 * Parses an `s3://bucket/prefix` URL; throws an Error that says what is wrong (never echoing a
 * URL that carries credentials).
 */
export function parseS3Url(url: string, name = 'STRAND_ARTIFACT_URL'): S3Location {
  const shown = url.includes('@') ? '(a URL with credentials in it, not shown)' : `"${url}"`;
  const bad = (why: string) =>
    new Error(`${name} must be s3://bucket or s3://bucket/prefix: ${why}; got ${shown}`);
  const match = /^s3:\/\/([^/?#]*)(?:\/([^?#]*))?$/.exec(url.trim());
  if (!match) {
    if (!url.trim().startsWith('s3://')) throw bad('only s3:// is supported');
    throw bad('no query or fragment');
  }
  const [, bucket, rawPrefix = ''] = match;
  if (bucket.includes('@') || bucket.includes(':')) {
    throw bad('credentials go in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, not in the URL');
  }
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) || bucket.includes('..')) {
    throw bad('a bucket name is 3–63 lower-case letters, digits, dots and hyphens');
  }
  const segments = rawPrefix.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) throw bad('the prefix has "." or ".."');
  return { bucket, prefix: normalizePrefix(segments.join('/')) };
}

export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, '');
  return trimmed ? `${trimmed}/` : '';
}

/**
 * The S3ObjectStore of these settings (credentials: the AWS SDK's default chain unless given).
 * The AWS SDK loads only here, so processes with a shared directory never load it.
 */
export async function openArtifactRemote(
  settings: ArtifactRemoteSettings,
  credentials?: S3ObjectStoreOptions['credentials'],
): Promise<ArtifactObjectStore> {
  const { S3ObjectStore } = await import('./s3-object-store.ts');
  const { url: _url, ...options } = settings;
  return new S3ObjectStore({ ...options, ...(credentials ? { credentials } : {}) });
}
