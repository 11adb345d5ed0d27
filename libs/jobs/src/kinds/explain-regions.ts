/**
 * Genomic regions for EXPLAIN_SEQUENCE: `chrom:start-end` (1-based, inclusive, as samtools and
 * igv write a locus; commas allowed), optionally `:+` or `:-` for the strand, each exactly the
 * model's input length (no resizing: what is explained is what was asked for). They are checked
 * against the reference's index when the job is prepared (unknown contig, off the contig's end,
 * wrong length: each error names the region by its number and its text) and read from the
 * reference when it runs; a `-` region is explained as the reverse complement of its bases.
 */
import { reverseComplement } from '@strand/genomics';
import type { FastaIndex } from '@strand/genomics';
import { userError } from '../errors/user-error.ts';
import type { UserError } from '../errors/user-error.ts';

/** Where an explained sequence lies: 1-based, inclusive, as `chrom:start-end`. */
export type ExplainRegion = {
  chrom: string;
  start: number;
  end: number;
  strand: '+' | '-';
};

const REGION = /^([^\s:]+):([\d,]+)-([\d,]+)(?::([+-]))?$/;

/** A region's text as the user may have written it, cut for messages. */
const quoted = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** Parses `chrom:start-end[:strand]`; a string is the reason it is not one. */
export function parseExplainRegion(text: string): ExplainRegion | string {
  const match = REGION.exec(String(text).trim());
  if (!match) return `region ${quoted(text)} is not chrom:start-end (1-based, inclusive)`;
  const start = Number(match[2].replace(/,/g, ''));
  const end = Number(match[3].replace(/,/g, ''));
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 1 || end < start)
    return `region ${quoted(text)}: start must be ≥ 1 and not after the end`;
  return { chrom: match[1], start, end, strand: match[4] === '-' ? '-' : '+' };
}

/** The text of a region, as parseExplainRegion reads it. */
export function regionText(r: ExplainRegion): string {
  return `${r.chrom}:${r.start}-${r.end}${r.strand === '-' ? ':-' : ''}`;
}

/**
 * Checks every region against the reference (contig names resolved to its spelling: `17` finds
 * `chr17`) and the model's input length; the regions as the reference names them, or the errors
 * (field `regions.<i>`).
 */
export function checkExplainRegions(
  texts: readonly string[],
  fasta: Pick<FastaIndex, 'resolve' | 'length'>,
  inputLength: number | null,
): { regions: ExplainRegion[]; errors: UserError[] } {
  const regions: ExplainRegion[] = [];
  const errors: UserError[] = [];
  texts.forEach((text, i) => {
    const field = `regions.${i}`;
    const parsed = parseExplainRegion(text);
    if (typeof parsed === 'string') {
      errors.push(userError(field, 'INVALID_REGION', `region ${i + 1}: ${parsed}`));
      return;
    }
    const chrom = fasta.resolve(parsed.chrom);
    if (chrom === undefined) {
      const message = `region ${i + 1} (${quoted(text)}): contig "${parsed.chrom.slice(0, 40)}" is not in the reference`;
      errors.push(userError(field, 'UNKNOWN_CONTIG', message));
      return;
    }
    const size = fasta.length(chrom) ?? 0;
    if (parsed.end > size) {
      const message = `region ${i + 1} (${quoted(text)}) runs off ${chrom}, which has ${size} bases`;
      errors.push(userError(field, 'OFF_CONTIG', message));
      return;
    }
    const length = parsed.end - parsed.start + 1;
    if (inputLength !== null && length !== inputLength) {
      const message = `region ${i + 1} (${quoted(text)}) has ${length} bases; the model takes ${inputLength}`;
      errors.push(userError(field, 'WRONG_LENGTH', message));
      return;
    }
    regions.push({ ...parsed, chrom });
  });
  return { regions, errors };
}

/**
 * The bases of each region, upper case (soft-masking dropped), IUPAC codes other than ACGT as N,
 * reverse-complemented on `-`; each with its region and an id that says where it lies.
 */
export async function readExplainRegions(
  fasta: FastaIndex,
  regions: readonly ExplainRegion[],
): Promise<({ id: string; sequence: string } & ExplainRegion)[]> {
  const out: ({ id: string; sequence: string } & ExplainRegion)[] = [];
  for (const r of regions) {
    const bases = (await fasta.fetch(r.chrom, r.start - 1, r.end))
      .toUpperCase()
      .replace(/[^ACGT]/g, 'N');
    const sequence = r.strand === '-' ? reverseComplement(bases) : bases;
    out.push({ id: regionText(r), sequence, ...r });
  }
  return out;
}
