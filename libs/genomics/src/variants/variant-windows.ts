import { GenomicsError } from '../errors/genomics-error.ts';
import type { FastaIndex } from '../formats/fasta/fasta-index.ts';
import { ReferenceReader } from './reference-reader.ts';
import type { VariantInput } from './variant-types.ts';
import { refMatchesReference, unplaceableAllele } from './variant-types.ts';

/**
 * How indels are placed in their windows (see variantWindows): left-anchored, the alt window
 * keeps the reference's left flank and its right flank moves with the indel's length.
 */
export const WINDOW_ANCHOR = 'left';

/** Reference and alternate sequence windows of one ALT allele. */
export interface VariantWindow {
  status: 'ok';
  /** 1-based index of the ALT in the record. */
  altIndex: number;
  alt: string;
  /** The chromosome as the FASTA spells it. */
  chrom: string;
  refWindow: string;
  altWindow: string;
  /** Index of the first REF base in both windows: floor(width / 2) − shift. */
  center: number;
}

/** Why an ALT allele got no windows. */
export interface VariantWindowProblem {
  status: 'ref-mismatch' | 'unknown-chromosome' | 'skipped';
  altIndex: number;
  alt: string;
  reason: string;
}

export type VariantWindowResult = VariantWindow | VariantWindowProblem;

/**
 * Cuts ref and alt windows of `width` bases around a variant, one result per ALT
 * (multi-allelic records are split).
 *
 * Convention: the variant's first REF base sits at index `floor(width / 2)` of both windows
 * (0-based POS p → ref window = reference [p - floor(W/2), p - floor(W/2) + W)). The alt window
 * keeps the same left flank, then the ALT allele, then the reference after REF, cut to `width`:
 * an insertion pushes the right flank out, a deletion pulls more of it in, an ALT longer than
 * the space right of the centre is truncated. Bases beyond either end of the contig are `N`.
 * Reference case is kept (lowercase = soft-masked).
 *
 * Indels are left-anchored: both windows share the left flank and the variant's first base (the
 * VCF padding base), whatever the indel's position within a repeat; a VCF that is not
 * left-normalised (`bcftools norm`) gets other windows for the same event. WINDOW_ANCHOR names
 * this in outputs.
 *
 * `shift` (default 0) moves both windows `shift` bases right along the genome, so the first REF
 * base sits at floor(width / 2) − shift: shift averaging scores a variant at several offsets.
 *
 * REF is compared with the reference (case-insensitively); a mismatch is reported, not scored.
 * Symbolic ALTs (`<DEL>`), `*` and breakends are skipped with the reason. `chr17` finds `17`.
 */
export async function variantWindows(
  variant: VariantInput,
  fasta: FastaIndex | ReferenceReader,
  width: number,
  shift = 0,
): Promise<VariantWindowResult[]> {
  if (!Number.isInteger(width) || width < 1) {
    throw new GenomicsError(
      'INVALID_ARGUMENT',
      `window width must be a positive integer, got ${width}`,
    );
  }
  const center = Math.floor(width / 2) - shift;
  if (!Number.isInteger(shift) || center < 0 || center >= width) {
    throw new GenomicsError(
      'INVALID_ARGUMENT',
      `shift must be an integer that keeps the variant inside the ${width}-base window, got ${shift}`,
    );
  }
  const reader = fasta instanceof ReferenceReader ? fasta : new ReferenceReader(fasta);
  const chrom = reader.fasta.resolve(variant.chrom);
  const p = variant.pos - 1;
  const results: VariantWindowResult[] = [];
  let refWindow: string | undefined;
  let found: string | undefined;
  for (const [i, alt] of variant.alts.entries()) {
    const base = { altIndex: i + 1, alt };
    const unplaceable = unplaceableAllele(alt);
    if (unplaceable) {
      results.push({ status: 'skipped', ...base, reason: unplaceable.reason });
      continue;
    }
    if (chrom === undefined) {
      results.push({
        status: 'unknown-chromosome',
        ...base,
        reason: `chromosome ${variant.chrom} is not in the reference`,
      });
      continue;
    }
    found ??= await reader.bases(chrom, p, p + variant.ref.length);
    if (!refMatchesReference(found, variant.ref)) {
      const reason = `REF ${variant.ref} does not match the reference ${found} at ${chrom}:${variant.pos}`;
      results.push({ status: 'ref-mismatch', ...base, reason });
      continue;
    }
    refWindow ??= await reader.bases(chrom, p - center, p - center + width);
    const leftFlank = refWindow.slice(0, center);
    const rightStart = p + variant.ref.length;
    const rightLength = Math.max(0, width - center - alt.length);
    const right = await reader.bases(chrom, rightStart, rightStart + rightLength);
    const altWindow = (leftFlank + alt + right).slice(0, width);
    results.push({ status: 'ok', ...base, chrom, refWindow, altWindow, center });
  }
  return results;
}
