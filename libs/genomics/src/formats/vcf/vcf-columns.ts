import { isContigName, isLooseContigName, symbolicIdProblem } from './vcf-names.ts';
import type { VcfWarn } from './vcf-record-context.ts';
import { VCF_RULES } from './vcf-rules.ts';
import { isVcfFloat } from './vcf-values.ts';
import type { VcfVersion } from './vcf-version.ts';
import { excerpt } from './vcf-version.ts';

// Checks of the fixed columns CHROM..FILTER. Each returns why the column cannot be read, or
// undefined; deviations the reader tolerates (see VCF_RULES) go to `warn`. Rules follow the VCF
// spec of the file's version.

type Problem = string | undefined;

/** CHROM: a contig name, or `<name>` referring to an assembly contig. */
export function chromProblem(chrom: string, version: VcfVersion, warn: VcfWarn): Problem {
  const name = chrom.startsWith('<') && chrom.endsWith('>') ? chrom.slice(1, -1) : chrom;
  if (isContigName(name, version)) return undefined;
  const problem = `CHROM ${excerpt(chrom)} is not a valid contig name`;
  if (!isLooseContigName(name)) return problem;
  warn(VCF_RULES.contigName, problem, 'kept the name as written');
  return undefined;
}

/** POS: a non-negative integer (0 marks a telomere). */
export function posProblem(pos: string): Problem {
  return /^\d+$/.test(pos) && Number(pos) <= 2147483647
    ? undefined
    : `POS ${excerpt(pos)} is not a non-negative integer`;
}

/** ID: `.` or `;`-separated IDs without white-space, none repeated (htslib reads any text). */
export function idProblem(id: string, warn: VcfWarn): Problem {
  if (id === '.') return undefined;
  const ids = id.split(';');
  const keep = 'kept the IDs as written';
  if (ids.some((x) => x === '' || /\s/.test(x))) {
    const problem = `ID ${excerpt(id)} is not "." or a ";"-separated list of IDs without white-space`;
    warn(VCF_RULES.idOrFilter, problem, keep);
    return undefined;
  }
  const repeated = ids.find((x, i) => ids.indexOf(x) !== i);
  if (repeated) warn(VCF_RULES.idOrFilter, `ID ${excerpt(repeated)} is listed twice`, keep);
  return undefined;
}

const BASES = /^[ACGTNacgtn]+$/;
/** IUPAC ambiguity codes besides N, which some callers and dbSNP write in REF and ALT. */
const IUPAC = /^[ACGTNRYSWKMBDHVacgtnryswkmbdhv]+$/;

/** REF: one or more of A, C, G, T, N (any case); other IUPAC codes are kept with a warning. */
export function refProblem(ref: string, warn: VcfWarn): Problem {
  if (BASES.test(ref)) return undefined;
  const problem = `REF ${excerpt(ref)} is not a string of A, C, G, T, N`;
  if (!IUPAC.test(ref)) return problem;
  warn(VCF_RULES.iupacAllele, problem, 'kept the bases as written (they match no reference base)');
  return undefined;
}

// Breakends (§5.4): t[p[, t]p], ]p]t, [p[t with p = chrom:pos (chrom may be <contig>),
// and single breakends .t / t.
const MATE = String.raw`(<[^<>\s]+>|[^\s<>\[\]:,]+):\d+`;
const BREAKEND = new RegExp(
  String.raw`^([ACGTNacgtn]+(\[${MATE}\[|\]${MATE}\])|(\[${MATE}\[|\]${MATE}\])[ACGTNacgtn]+|\.[ACGTNacgtn]+|[ACGTNacgtn]+\.)$`,
);

/** Whether an ALT allele is symbolic (`<ID>`), a breakend, `*` or `<*>`: not plain bases. */
export function isPlainAllele(allele: string): boolean {
  return BASES.test(allele);
}

function alleleProblem(allele: string, ref: string, warn: VcfWarn): Problem {
  if (BASES.test(allele)) {
    if (allele.toUpperCase() === ref.toUpperCase()) {
      warn(VCF_RULES.allele, `ALT ${allele} is the same as REF`, 'kept it (it changes nothing)');
    }
    return undefined;
  }
  if (allele === '*' || BREAKEND.test(allele)) return undefined;
  if (allele.startsWith('<') && allele.endsWith('>')) {
    const id = allele.slice(1, -1);
    const problem = id === '*' ? undefined : symbolicIdProblem(id);
    if (problem) {
      warn(VCF_RULES.allele, `symbolic ALT ${excerpt(allele)} ${problem}`, 'kept it as written');
    }
    return undefined;
  }
  const problem = `ALT ${excerpt(allele)} is not bases, "*", a <symbolic> allele or a breakend`;
  if (!IUPAC.test(allele)) return problem;
  warn(VCF_RULES.iupacAllele, problem, 'kept the bases as written');
  return undefined;
}

/** ALT: `.` or comma-separated alleles, each valid and different from REF. */
export function altProblem(alt: string, ref: string, warn: VcfWarn): Problem {
  if (alt === '.') return undefined;
  for (const allele of alt.split(',')) {
    if (allele === '') return `ALT ${excerpt(alt)} has an empty allele`;
    const problem = alleleProblem(allele, ref, warn);
    if (problem) return problem;
  }
  return undefined;
}

/** QUAL: `.` or a non-negative number (a negative one is kept with a warning). */
export function qualProblem(qual: string, warn: VcfWarn): Problem {
  if (qual === '.') return undefined;
  if (!isVcfFloat(qual)) return `QUAL ${excerpt(qual)} is not a number`;
  if (Number(qual.replace(/^([+-]?)inf(inity)?$/i, '$1Infinity')) < 0) {
    warn(VCF_RULES.valueRange, `QUAL ${qual} is negative`, 'kept the value');
  }
  return undefined;
}

/**
 * FILTER: `.`, or `;`-separated filter names (no white-space, not "0", none repeated); htslib
 * reads any text, so deviations are warnings. Returns the names (none for `.`).
 */
export function filterNames(filter: string, warn: VcfWarn): string[] {
  if (filter === '.') return [];
  const names = filter.split(';');
  const keep = 'kept the filters as written';
  for (const name of names) {
    if (name === '' || name === '.' || /\s/.test(name)) {
      const problem = `FILTER ${excerpt(filter)} is not "." or a ";"-separated list of filter names`;
      warn(VCF_RULES.idOrFilter, problem, keep);
      return names;
    }
    if (name === '0') {
      warn(VCF_RULES.idOrFilter, 'FILTER "0" is reserved and may not be used', keep);
      return names;
    }
  }
  const repeated = names.find((x, i) => names.indexOf(x) !== i);
  if (repeated) warn(VCF_RULES.idOrFilter, `FILTER ${excerpt(repeated)} is listed twice`, keep);
  return names;
}
