import { isContigName, symbolicIdProblem } from './vcf-names.ts';
import { isVcfFloat } from './vcf-values.ts';
import type { VcfVersion } from './vcf-version.ts';
import { excerpt } from './vcf-version.ts';

// Checks of the fixed columns CHROM..FILTER. Each returns why the column is invalid, or
// undefined; rules follow the VCF spec of the file's version.

type Problem = string | undefined;

/** CHROM: a contig name, or `<name>` referring to an assembly contig. */
export function chromProblem(chrom: string, version: VcfVersion): Problem {
  const name = chrom.startsWith('<') && chrom.endsWith('>') ? chrom.slice(1, -1) : chrom;
  return isContigName(name, version)
    ? undefined
    : `CHROM ${excerpt(chrom)} is not a valid contig name`;
}

/** POS: a non-negative integer (0 marks a telomere). */
export function posProblem(pos: string): Problem {
  return /^\d+$/.test(pos) && Number(pos) <= 2147483647
    ? undefined
    : `POS ${excerpt(pos)} is not a non-negative integer`;
}

/** ID: `.` or `;`-separated IDs without white-space, none repeated. */
export function idProblem(id: string): Problem {
  if (id === '.') return undefined;
  const ids = id.split(';');
  if (ids.some((x) => x === '' || /\s/.test(x))) {
    return `ID ${excerpt(id)} is not "." or a ";"-separated list of IDs without white-space`;
  }
  const repeated = ids.find((x, i) => ids.indexOf(x) !== i);
  return repeated ? `ID ${excerpt(repeated)} is listed twice` : undefined;
}

const BASES = /^[ACGTNacgtn]+$/;

/** REF: one or more of A, C, G, T, N (any case). */
export function refProblem(ref: string): Problem {
  return BASES.test(ref) ? undefined : `REF ${excerpt(ref)} is not a string of A, C, G, T, N`;
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

function alleleProblem(allele: string, ref: string): Problem {
  if (BASES.test(allele)) {
    return allele.toUpperCase() === ref.toUpperCase()
      ? `ALT ${allele} is the same as REF`
      : undefined;
  }
  if (allele === '*' || BREAKEND.test(allele)) return undefined;
  if (allele.startsWith('<') && allele.endsWith('>')) {
    const id = allele.slice(1, -1);
    const problem = id === '*' ? undefined : symbolicIdProblem(id);
    return problem ? `symbolic ALT ${excerpt(allele)} ${problem}` : undefined;
  }
  return `ALT ${excerpt(allele)} is not bases, "*", a <symbolic> allele or a breakend`;
}

/** ALT: `.` or comma-separated alleles, each valid and different from REF. */
export function altProblem(alt: string, ref: string): Problem {
  if (alt === '.') return undefined;
  for (const allele of alt.split(',')) {
    if (allele === '') return `ALT ${excerpt(alt)} has an empty allele`;
    const problem = alleleProblem(allele, ref);
    if (problem) return problem;
  }
  return undefined;
}

/** QUAL: `.` or a non-negative number. */
export function qualProblem(qual: string): Problem {
  if (qual === '.') return undefined;
  if (!isVcfFloat(qual)) return `QUAL ${excerpt(qual)} is not a number`;
  return Number(qual.replace(/^([+-]?)inf(inity)?$/i, '$1Infinity')) < 0
    ? `QUAL ${qual} is negative`
    : undefined;
}

/** FILTER: `.`, or `;`-separated filter names (no white-space, not "0", none repeated). */
export function filterProblem(filter: string): Problem {
  if (filter === '.') return undefined;
  const names = filter.split(';');
  for (const name of names) {
    if (name === '' || name === '.' || /\s/.test(name)) {
      return `FILTER ${excerpt(filter)} is not "." or a ";"-separated list of filter names`;
    }
    if (name === '0') return 'FILTER "0" is reserved and may not be used';
  }
  const repeated = names.find((x, i) => names.indexOf(x) !== i);
  return repeated ? `FILTER ${excerpt(repeated)} is listed twice` : undefined;
}
