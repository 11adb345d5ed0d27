// The deviations the VCF reader tolerates, each with what htslib (1.16, vcf.c; measured with
// `bcftools view`) does with it. A rule whose `strict` is `error` is a violation of the VCF
// specification that `strict: true` refuses, as the reader did before it had warnings; `warning`
// rules are advice that never made a file invalid. Everything not listed here stays an error in
// both modes: what htslib refuses (a wrong column count, a sample with more fields than FORMAT,
// a malformed GT) and any value that cannot be read as its type (POS "abc", DP=abc).
import type { WarningRule } from '../../warnings/read-warning.ts';

const rule = (id: string, strict: WarningRule['strict']): WarningRule => ({ id, strict });

export const VCF_RULES = {
  /** `##fileformat=VCFv4.0` or `VCFv3.3`: vcf_hdr_read takes any version; read with 4.1's rules. */
  version: rule('vcf-version', 'error'),
  /**
   * A `##` line that breaks its key's rules (field order, quoting, a bad Number or Type, an
   * ALT ID such as `*:DEL`): bcf_hdr_parse_line keeps what it can parse and skips the rest
   * ("Could not parse the header line"); an unknown Type is read as String.
   */
  metaLine: rule('vcf-meta-line', 'error'),
  /**
   * A reserved key declared with another Number or Type (GATK's `FORMAT GQ … Type=Float`):
   * bcf_hdr_check_sanity warns ("PL should be declared as Number=G") and keeps the header's.
   */
  reservedDefinition: rule('vcf-reserved-definition', 'error'),
  /** A CHROM without a `##contig` line: vcf_parse warns "Contig '1' is not defined" and adds it. */
  undeclaredContig: rule('vcf-undeclared-contig', 'warning'),
  /** An INFO key without `##INFO`: vcf_parse_info warns and assumes Type=String. */
  undeclaredInfo: rule('vcf-undeclared-info', 'warning'),
  /** A FORMAT key without `##FORMAT`: vcf_parse_format warns and assumes Type=String. */
  undeclaredFormat: rule('vcf-undeclared-format', 'warning'),
  /** A FILTER without `##FILTER`: vcf_parse_filter warns "FILTER 'q10' is not defined". */
  undeclaredFilter: rule('vcf-undeclared-filter', 'warning'),
  /** A value count that disagrees with Number: htslib stores the values there are. */
  valueCount: rule('vcf-value-count', 'error'),
  /**
   * A number that is not of the declared type (75.25 for an Integer, an integer beyond 32 bits)
   * or a longer text for a Character: htslib reads the number (strtol stops at the dot; an
   * extreme value becomes missing with a warning) and keeps Character as a String.
   */
  valueType: rule('vcf-value-type', 'error'),
  /** A value outside the spec's range for its reserved key (AF > 1, a negative count, QUAL < 0). */
  valueRange: rule('vcf-value-range', 'error'),
  /** An empty INFO column, INFO entry, INFO value or sample field: htslib reads it as missing. */
  emptyValue: rule('vcf-empty-value', 'error'),
  /** An INFO or FORMAT key given twice in one record: htslib reads both; Strand keeps the first. */
  duplicateKey: rule('vcf-duplicate-key', 'error'),
  /** FORMAT `.`: htslib reads the samples as missing. */
  missingFormat: rule('vcf-missing-format', 'error'),
  /** GT not first in FORMAT: htslib finds it where it is. */
  gtPosition: rule('vcf-gt-position', 'error'),
  /** An INFO or FORMAT key with characters the version does not allow: htslib reads it. */
  keyName: rule('vcf-key-name', 'error'),
  /** White-space inside INFO or sample values before VCF 4.3: htslib reads it as text. */
  whitespace: rule('vcf-whitespace', 'error'),
  /** A Flag with a value, or another type without one: htslib reads the key as present. */
  flagValue: rule('vcf-flag-value', 'error'),
  /** ID or FILTER not a clean `;`-separated list (empty, repeated, `0`): htslib reads it. */
  idOrFilter: rule('vcf-id-filter', 'error'),
  /** A contig name with characters its version forbids (`:` before 4.3): htslib reads it. */
  contigName: rule('vcf-contig-name', 'error'),
  /** An ALT equal to REF, or a symbolic ALT whose ID breaks the spec (`<*:DEL>`): htslib reads it. */
  allele: rule('vcf-allele', 'error'),
  /**
   * ALT `X`: samtools 0.1's placeholder for an allele not observed (written `<X>`, then `<*>`,
   * since); htslib reads it. Strand reads it as `<*>`.
   */
  legacyUnobservedAllele: rule('vcf-legacy-x-allele', 'error'),
  /** REF or ALT with IUPAC ambiguity codes (R, Y, M, …): htslib reads the bases as written. */
  iupacAllele: rule('vcf-iupac-allele', 'error'),
  /** Records out of order or a chromosome in two blocks: htslib reads them (tabix refuses). */
  unsorted: rule('vcf-unsorted', 'error'),
  /** The same variant twice: htslib reads both. */
  duplicateVariant: rule('vcf-duplicate-variant', 'error'),
  /** An empty line between records: htslib reads it as an empty record; Strand skips it. */
  emptyLine: rule('vcf-empty-line', 'error'),
  /** A data line ending in a tab: vcf_parse ignores the empty column after it. */
  trailingTab: rule('vcf-trailing-tab', 'error'),
  /** A 4.3+ file whose last line has no newline: htslib reads it. */
  missingNewline: rule('vcf-missing-newline', 'error'),
} as const;
