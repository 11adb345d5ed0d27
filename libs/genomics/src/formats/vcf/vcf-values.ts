import type { VcfVersion } from './vcf-version.ts';
import { excerpt, vcfAtLeast } from './vcf-version.ts';

const INTEGER = /^[+-]?\d+$/;
// VCF 4.3 §1.3: `^[-+]?(INF|INFINITY|NAN|[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?)$` (case-insensitive
// words), widened to accept a trailing dot ("1.") as every float parser does.
const FLOAT = /^[+-]?((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|inf|infinity|nan)$/i;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** Whether `text` is a VCF Float. */
export function isVcfFloat(text: string): boolean {
  return FLOAT.test(text);
}

/** Why a value is not of its declared type; `tolerated` says how it is read anyway. */
export interface TypeProblem {
  problem: string;
  /** What the reader does with it (htslib reads it too), or undefined when it cannot be read. */
  tolerated?: string;
}

/**
 * Why `value` is not of VCF type `type`, or undefined when it is. Integers are 32-bit; from 4.3
 * the eight lowest (-2^31 .. -2^31+7) are reserved by BCF and invalid in VCF too. A decimal
 * number where an Integer belongs, an integer out of range and a longer text where a Character
 * belongs are read (htslib reads them too); text where a number belongs is not.
 */
export function typeProblem(
  type: string,
  value: string,
  version: VcfVersion,
): TypeProblem | undefined {
  switch (type) {
    case 'Integer': {
      if (!INTEGER.test(value)) {
        const problem = `${excerpt(value)} is not an integer`;
        return FLOAT.test(value)
          ? { problem, tolerated: `read it as the number ${value}` }
          : { problem };
      }
      const n = Number(value);
      const tolerated = 'kept the number';
      if (n < INT32_MIN || n > INT32_MAX) {
        return { problem: `${value} is outside the 32-bit integer range`, tolerated };
      }
      if (vcfAtLeast(version, '4.3') && n < INT32_MIN + 8) {
        return {
          problem: `${value} is in the range reserved by VCF 4.3 (-2147483648 to -2147483641)`,
          tolerated,
        };
      }
      return undefined;
    }
    case 'Float':
      return FLOAT.test(value) ? undefined : { problem: `${excerpt(value)} is not a number` };
    case 'Character':
      return [...value].length === 1
        ? undefined
        : { problem: `${excerpt(value)} is not a single character`, tolerated: 'read it as text' };
    default:
      return undefined;
  }
}

/** Number of genotypes for `alleles` alleles (REF included) at this ploidy: C(n + p - 1, p). */
export function genotypeCount(alleles: number, ploidy: number): number {
  let count = 1;
  for (let i = 1; i <= ploidy; i++) count = (count * (alleles - 1 + i)) / i;
  return Math.round(count);
}

/**
 * How many values a field of this Number must have, or undefined when it is not checked:
 * `.` and the 4.4/4.5 counts, Number=G in INFO (undefined by the spec, hts-specs#272), and
 * every per-allele count when ALT is missing (`altCount` null).
 */
export function expectedCount(
  number: string,
  altCount: number | null,
  ploidy: number | null,
): number | undefined {
  if (/^\d+$/.test(number)) return Number(number);
  if (altCount === null) return undefined;
  if (number === 'A') return altCount;
  if (number === 'R') return altCount + 1;
  if (number === 'G' && ploidy !== null) return genotypeCount(altCount + 1, ploidy);
  return undefined;
}
