/** The VCF versions Strand reads. */
export const VCF_VERSIONS = ['4.1', '4.2', '4.3', '4.4', '4.5'] as const;

/** A supported VCF version, as written after `VCFv` in `##fileformat`. */
export type VcfVersion = (typeof VCF_VERSIONS)[number];

/** Whether `version` is `minimum` or later. */
export function vcfAtLeast(version: VcfVersion, minimum: VcfVersion): boolean {
  // The versions are "4.x" with one digit after the dot, so text order is version order.
  return version >= minimum;
}

/**
 * Reads the version from the mandatory first line `##fileformat=VCFv4.x`; returns the reason
 * when the line is not one.
 */
export function parseFileformat(text: string): VcfVersion | { reason: string } {
  if (!text.startsWith('##fileformat=')) {
    return { reason: `the first line must be "##fileformat=VCFv4.x", got ${excerpt(text)}` };
  }
  const value = text.slice('##fileformat='.length);
  const match = /^VCFv(\d+\.\d+)$/.exec(value);
  if (!match) return { reason: `fileformat ${excerpt(value)} is not of the form VCFv4.x` };
  const version = VCF_VERSIONS.find((v) => v === match[1]);
  if (!version) {
    return { reason: `VCF version ${match[1]} is not supported (${VCF_VERSIONS.join(', ')})` };
  }
  return version;
}

/** Quotes a value for an error message, cut to 40 characters. */
export function excerpt(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
