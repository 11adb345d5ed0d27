/** The VCF versions Strand reads. */
export const VCF_VERSIONS = ['4.1', '4.2', '4.3', '4.4', '4.5'] as const;

/** A supported VCF version, as written after `VCFv` in `##fileformat`. */
export type VcfVersion = (typeof VCF_VERSIONS)[number];

/** Whether `version` is `minimum` or later. */
export function vcfAtLeast(version: VcfVersion, minimum: VcfVersion): boolean {
  // The versions are "4.x" with one digit after the dot, so text order is version order.
  return version >= minimum;
}

/** Versions htslib reads that the reader reads with the rules of 4.1, with a warning. */
const LEGACY_VERSIONS = ['3.3', '4.0'];

/** The version a file declares: the one whose rules apply, and the one it wrote. */
export interface DeclaredVersion {
  version: VcfVersion;
  /** As written after `VCFv` (`4.0` when `version` is the 4.1 it is read as). */
  declared: string;
  /** Why a legacy version is not a supported one (set for 3.3 and 4.0 only). */
  legacy?: string;
}

/**
 * Reads the version from the mandatory first line `##fileformat=VCFv4.x`; returns the reason
 * when the line is not one. VCF 3.3 and 4.0, which htslib reads, come back as 4.1 with `legacy`
 * set (4.1 only added to 4.0: its rules read a 4.0 file).
 */
export function parseFileformat(text: string): DeclaredVersion | { reason: string } {
  if (!text.startsWith('##fileformat=')) {
    // A BCF file decompresses to "BCF\2\2" and a binary header: say what it is.
    if (text.startsWith('BCF\u0002')) {
      return {
        reason:
          'this is a BCF file (binary VCF); Strand reads VCF text: convert it with `bcftools view -Oz -o FILE.vcf.gz FILE.bcf`',
      };
    }
    return { reason: `the first line must be "##fileformat=VCFv4.x", got ${excerpt(text)}` };
  }
  const value = text.slice('##fileformat='.length);
  const match = /^VCFv(\d+\.\d+)$/.exec(value);
  if (!match) return { reason: `fileformat ${excerpt(value)} is not of the form VCFv4.x` };
  const declared = match[1];
  const unsupported = `VCF version ${declared} is not supported (${VCF_VERSIONS.join(', ')})`;
  const version = VCF_VERSIONS.find((v) => v === declared);
  if (version) return { version, declared };
  if (LEGACY_VERSIONS.includes(declared)) return { version: '4.1', declared, legacy: unsupported };
  return { reason: unsupported };
}

/** Quotes a value for an error message, cut to 40 characters. */
export function excerpt(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
