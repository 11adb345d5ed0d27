import { describe, expect, it } from 'vitest';
import { dispositionFilename, fetchJobFile, jobFileUrl } from './job-files.ts';

describe('jobFileUrl and dispositionFilename', () => {
  it('escapes the id and name, and reads the attachment name without any path', () => {
    expect(jobFileUrl('a/b', 'scores.tsv')).toBe('/jobs/a%2Fb/files/scores.tsv');
    expect(dispositionFilename('attachment; filename="j1-scores.vcf"', 'x')).toBe('j1-scores.vcf');
    expect(dispositionFilename('attachment; filename="../../etc/passwd"', 'x')).toBe('passwd');
    expect(dispositionFilename(null, 'j1-scores.tsv')).toBe('j1-scores.tsv');
    expect(dispositionFilename('inline', 'fallback')).toBe('fallback');
  });
});

describe('fetchJobFile', () => {
  it('sends the token as a Bearer header and returns the bytes with their file name', async () => {
    const calls: { url: string; headers: unknown }[] = [];
    const fetchFn = (async (url: string, init?: RequestInit) => {
      calls.push({ url, headers: init?.headers });
      return new Response('chrom\tpos\n', {
        headers: { 'content-disposition': 'attachment; filename="j1-scores.tsv"' },
      });
    }) as typeof fetch;
    const file = await fetchJobFile(fetchFn, 'j1', 'scores.tsv', 'strand_abc');
    expect(calls).toEqual([
      { url: '/jobs/j1/files/scores.tsv', headers: { authorization: 'Bearer strand_abc' } },
    ]);
    expect(file.filename).toBe('j1-scores.tsv');
    expect(await file.blob.text()).toBe('chrom\tpos\n');
  });

  it("fails with the API's message, or the status when the body is not JSON", async () => {
    const notFound = (async () =>
      Response.json(
        { errors: [{ message: 'job j1 has no file "scores.vcf"', code: 'NOT_FOUND' }] },
        { status: 404 },
      )) as typeof fetch;
    await expect(fetchJobFile(notFound, 'j1', 'scores.vcf', 't')).rejects.toThrow(
      'Could not download scores.vcf: job j1 has no file "scores.vcf"',
    );
    const broken = (async () =>
      new Response('<html>', { status: 502, statusText: 'Bad Gateway' })) as typeof fetch;
    await expect(fetchJobFile(broken, 'j1', 'scores.tsv', null)).rejects.toThrow(
      'Could not download scores.tsv: 502 Bad Gateway',
    );
  });
});
