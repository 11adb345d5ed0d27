import { describe, expect, test } from 'vitest';
import { parseS3Url, readArtifactRemote } from './artifact-remote-env.ts';

describe('parseS3Url', () => {
  test('bucket and prefix, the prefix ending in one "/"', () => {
    expect(parseS3Url('s3://strand')).toEqual({ bucket: 'strand', prefix: '' });
    expect(parseS3Url('s3://strand/')).toEqual({ bucket: 'strand', prefix: '' });
    expect(parseS3Url('s3://my.bucket-1/prod/artifacts')).toEqual({
      bucket: 'my.bucket-1',
      prefix: 'prod/artifacts/',
    });
    expect(parseS3Url('s3://strand//a//b/')).toEqual({ bucket: 'strand', prefix: 'a/b/' });
  });

  test.each([
    ['/srv/artifacts', /only s3:\/\/ is supported/],
    ['https://strand.s3.amazonaws.com/x', /only s3:\/\/ is supported/],
    ['s3://', /a bucket name is 3–63/],
    ['s3://Strand/x', /a bucket name is 3–63/],
    ['s3://ab', /a bucket name is 3–63/],
    ['s3://strand/x?versionId=1', /no query or fragment/],
    ['s3://strand/a/../b', /the prefix has "\." or "\.\."/],
  ])('refuses %j', (url, why) => {
    expect(() => parseS3Url(url)).toThrow(why);
    expect(() => parseS3Url(url)).toThrow(/^STRAND_ARTIFACT_URL must be s3:\/\/bucket/);
  });

  test('a URL with credentials in it is refused without echoing them', () => {
    expect(() => parseS3Url('s3://AKIA:topsecret@strand/x')).toThrow(/not in the URL/);
    expect(() => parseS3Url('s3://AKIA:topsecret@strand/x')).not.toThrow(/topsecret/);
  });
});

describe('readArtifactRemote', () => {
  const URL_ONLY = { STRAND_ARTIFACT_URL: 's3://strand-artifacts/prod' };

  test('none without STRAND_ARTIFACT_URL; AWS defaults with it alone', () => {
    expect(readArtifactRemote({})).toBeUndefined();
    expect(readArtifactRemote(URL_ONLY)).toEqual({
      url: 's3://strand-artifacts/prod',
      bucket: 'strand-artifacts',
      prefix: 'prod/',
      region: 'us-east-1',
      forcePathStyle: false,
    });
    expect(readArtifactRemote({ ...URL_ONLY, AWS_REGION: 'eu-west-1' })?.region).toBe('eu-west-1');
  });

  test('an endpoint (MinIO) turns path-style on unless told otherwise', () => {
    const minio = {
      ...URL_ONLY,
      STRAND_S3_ENDPOINT: 'http://minio:9000',
      STRAND_S3_REGION: 'local',
    };
    expect(readArtifactRemote(minio)).toMatchObject({
      endpoint: 'http://minio:9000',
      region: 'local',
      forcePathStyle: true,
    });
    expect(
      readArtifactRemote({ ...minio, STRAND_S3_FORCE_PATH_STYLE: 'false' })?.forcePathStyle,
    ).toBe(false);
    expect(
      readArtifactRemote({ ...URL_ONLY, STRAND_S3_FORCE_PATH_STYLE: '1' })?.forcePathStyle,
    ).toBe(true);
  });

  test.each([
    [{ STRAND_ARTIFACT_URL: 'minio://x/y' }, /STRAND_ARTIFACT_URL must be s3:\/\/bucket/],
    [
      { STRAND_S3_ENDPOINT: 'http://minio:9000' },
      /STRAND_S3_ENDPOINT only apply with STRAND_ARTIFACT_URL/,
    ],
    [{ ...URL_ONLY, STRAND_S3_ENDPOINT: 'minio:9000' }, /STRAND_S3_ENDPOINT must be an http/],
    [{ ...URL_ONLY, STRAND_S3_ENDPOINT: 'ftp://minio' }, /STRAND_S3_ENDPOINT must be an http/],
    [{ ...URL_ONLY, STRAND_S3_REGION: 'EU West' }, /STRAND_S3_REGION must be a region name/],
    [
      { ...URL_ONLY, STRAND_S3_FORCE_PATH_STYLE: 'yes' },
      /STRAND_S3_FORCE_PATH_STYLE must be true or false/,
    ],
    [
      { ...URL_ONLY, AWS_ACCESS_KEY_ID: 'AKIA' },
      /AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together/,
    ],
    [
      { ...URL_ONLY, AWS_SECRET_ACCESS_KEY: 's' },
      /AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together/,
    ],
  ])('refuses %o', (env, why) => {
    expect(() => readArtifactRemote(env)).toThrow(why);
  });

  test('credentials in the endpoint are refused and never shown', () => {
    const env = { ...URL_ONLY, STRAND_S3_ENDPOINT: 'http://key:hunter2@minio:9000' };
    expect(() => readArtifactRemote(env)).toThrow(/must not carry credentials/);
    expect(() => readArtifactRemote(env)).not.toThrow(/hunter2/);
    // Nor does a parsed configuration carry the AWS secret.
    const settings = readArtifactRemote({
      ...URL_ONLY,
      AWS_ACCESS_KEY_ID: 'AKIA',
      AWS_SECRET_ACCESS_KEY: 'hunter2',
    });
    expect(JSON.stringify(settings)).not.toContain('hunter2');
  });
});
