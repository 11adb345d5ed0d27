/** The URL of one of a scoring job's reference files on the API's origin. */
export function referenceUrl(jobId: string, file: 'sequence' | 'fai' | 'gzi'): string {
  const path = `/jobs/${encodeURIComponent(jobId)}/reference/${file}`;
  return typeof location === 'undefined' ? path : new URL(path, location.origin).href;
}

/**
 * igv.js's reference URLs for a job: the FASTA and its .fai, and for a bgzip FASTA (named
 * `.gz` or `.bgz`, as samtools faidx expects) its .gzi block index too.
 */
export function referenceFiles(
  jobId: string,
  referenceName: string,
): { fastaURL: string; indexURL: string; compressedIndexURL?: string } {
  const bgzip = /\.b?gz$/i.test(referenceName);
  return {
    fastaURL: referenceUrl(jobId, 'sequence'),
    indexURL: referenceUrl(jobId, 'fai'),
    ...(bgzip ? { compressedIndexURL: referenceUrl(jobId, 'gzi') } : {}),
  };
}
