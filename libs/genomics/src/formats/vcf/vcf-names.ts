import type { VcfVersion } from './vcf-version.ts';
import { vcfAtLeast } from './vcf-version.ts';

// Character rules for names in a VCF, one place for header and body.

/** Metadata IDs (SAMPLE, PEDIGREE, META): letters, digits, `.`, `_`, `-`, at least one alnum. */
export const IDENTIFIER = /^[A-Za-z0-9._-]*[A-Za-z0-9][A-Za-z0-9._-]*$/;

// VCF 4.3 §1.4.7: contig names follow the SAM rname rule minus a few characters.
const CONTIG_43 = /^[0-9A-Za-z!#$%&+./:;?@^_|~-][0-9A-Za-z!#$%&*+./:;=?@^_|~-]*$/;
// VCF 4.1/4.2 §1.4.1: no white-space, and "the colon symbol (:) must be absent from all
// chromosome names"; commas and angle brackets would break ALT breakends and `<ID>` references.
const CONTIG_41 = /^[^\s:,<>]+$/;

/**
 * Whether a name that breaks its version's contig rule can still be read unambiguously: no
 * white-space, comma or angle bracket (which would break breakends, `<ID>` references and
 * htslib's header parser). `chr:1` in a 4.1 file is such a name.
 */
export function isLooseContigName(name: string): boolean {
  return /^[^\s,<>]+$/.test(name);
}

/** Whether `name` is a valid contig name (CHROM, `##contig` ID) for this version. */
export function isContigName(name: string, version: VcfVersion): boolean {
  return (vcfAtLeast(version, '4.3') ? CONTIG_43 : CONTIG_41).test(name);
}

// VCF 4.3 §1.6.1: INFO keys `^([A-Za-z_][0-9A-Za-z_.]*|1000G)$`, FORMAT keys
// `^[A-Za-z_][0-9A-Za-z_.]*$`. Earlier versions only forbid what breaks parsing.
const INFO_KEY_43 = /^([A-Za-z_][0-9A-Za-z_.]*|1000G)$/;
const FORMAT_KEY_43 = /^[A-Za-z_][0-9A-Za-z_.]*$/;
const KEY_41 = /^[^\s,;:=<>"]+$/;

/** Whether `key` may name an INFO (`INFO`) or FORMAT (`FORMAT`) field in this version. */
export function isFieldKey(kind: 'INFO' | 'FORMAT', key: string, version: VcfVersion): boolean {
  if (!vcfAtLeast(version, '4.3')) return KEY_41.test(key);
  return (kind === 'INFO' ? INFO_KEY_43 : FORMAT_KEY_43).test(key);
}

/** Symbolic allele IDs (`<DEL:ME>` in ALT, `##ALT=<ID=...>`): no white-space, `,`, `<`, `>`. */
const SYMBOLIC_ID = /^[^\s,<>]+$/;
/** Top-level types a structured symbolic ID (`TYPE:subtype`) may start with (4.3 §1.4.5). */
const SV_TYPES = new Set(['DEL', 'INS', 'DUP', 'INV', 'CNV', 'BND']);

/** Why a symbolic allele ID is invalid, or undefined when it is valid. */
export function symbolicIdProblem(id: string): string | undefined {
  if (!SYMBOLIC_ID.test(id)) return 'contains white-space, a comma or an angle bracket';
  const colon = id.indexOf(':');
  if (colon !== -1 && !SV_TYPES.has(id.slice(0, colon))) {
    return `has subtypes but does not start with one of ${[...SV_TYPES].join(', ')}`;
  }
  return undefined;
}

// `scheme://host/path`, host being a name or a dotted IPv4 address (as vcf-validator reads
// ##assembly and ##pedigreeDB).
const URL =
  /^[A-Za-z][^:/?#\s]+:\/\/([A-Za-z][^/?#\s]*|\d{1,3}(\.\d{1,3}){3})[^?#\s]*(\?[^#\s]*)?(#\S*)?$/;

/** Whether `text` is a URL as `##assembly` and `##pedigreeDB` require. */
export function isUrl(text: string): boolean {
  return URL.test(text);
}
