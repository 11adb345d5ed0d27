import { GenomicsError } from '../errors/genomics-error.ts';

/** A half-open 0-based interval on one contig. */
export interface CallRegion {
  chrom: string;
  start0: number;
  end0: number;
}

/**
 * Parses samtools-style `chrom`, `chrom:start-end` or `chrom:start` (1-based, inclusive, commas
 * allowed) against the contig lengths; the end is clipped to the contig.
 */
export function parseRegion(text: string, contigLength: (chrom: string) => number | undefined) {
  const match = /^(.+?)(?::([\d,]+)(?:-([\d,]+))?)?$/.exec(text.trim());
  const chrom = match?.[1] ?? '';
  const length = contigLength(chrom);
  if (!match || length === undefined)
    throw new GenomicsError(
      'INVALID_REGION',
      `region "${text}": contig "${chrom}" is not in the reads' header`,
    );
  const start1 = match[2] ? Number(match[2].replace(/,/g, '')) : 1;
  const end1 = match[3] ? Number(match[3].replace(/,/g, '')) : length;
  if (start1 < 1 || end1 < start1)
    throw new GenomicsError(
      'INVALID_REGION',
      `region "${text}": start must be ≥ 1 and not after the end`,
    );
  return { chrom, start0: start1 - 1, end0: Math.min(end1, length) } satisfies CallRegion;
}
