import type { PreflightSummary } from '@strand/genomics';

/** Share of checked alleles whose REF may disagree with the reference before scoring refuses. */
export const MAX_REF_MISMATCH_SHARE = 0.1;
/** Share of records on chromosomes missing from the reference before scoring refuses. */
export const MAX_MISSING_CHROMOSOME_SHARE = 0.5;

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;

/**
 * Why the variants look scored against the wrong reference (too many REF mismatches, or most
 * records on chromosomes the reference lacks), or undefined when they fit.
 */
export function grossMismatch(summary: PreflightSummary): string | undefined {
  const alleles = Object.values(summary.kinds).reduce((a, b) => a + b, 0);
  const { refMismatches, missingChromosomes } = summary;
  if (
    summary.records > 0 &&
    missingChromosomes.records / summary.records > MAX_MISSING_CHROMOSOME_SHARE
  ) {
    const names = missingChromosomes.names.slice(0, 5).join(', ');
    return `${missingChromosomes.records} of ${summary.records} records (${percent(missingChromosomes.records, summary.records)}) are on chromosomes missing from the reference (${names}): wrong genome build?`;
  }
  if (alleles > 0 && refMismatches.count / alleles > MAX_REF_MISMATCH_SHARE) {
    const first = refMismatches.first[0];
    const example = first
      ? ` (first: line ${first.line ?? '?'} ${first.chrom}:${first.pos} REF ${first.ref}, ${first.detail})`
      : '';
    return `${refMismatches.count} of ${alleles} alleles (${percent(refMismatches.count, alleles)}) have a REF that does not match the reference${example}: wrong genome build?`;
  }
  return undefined;
}
