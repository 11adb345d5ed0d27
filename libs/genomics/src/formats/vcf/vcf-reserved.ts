import type { VcfVersion } from './vcf-version.ts';
import { vcfAtLeast } from './vcf-version.ts';

/** Number and Type of an INFO or FORMAT key, as declared in the header or reserved by the spec. */
export interface VcfFieldDefinition {
  /** `0`, `1`, …, `A`, `R`, `G`, `.` (and from 4.4/4.5 `P`, `LA`, `LR`, `LG`, `M`). */
  number: string;
  /** `Integer`, `Float`, `Flag`, `Character` or `String`; `.` means any (reserved MQ). */
  type: string;
}

type Table = Record<string, [type: string, number: string]>;

// Reserved keys of the VCF specifications (4.1 §1.4.2/§3, 4.2, 4.3 §1.6.1 and §3, 4.4/4.5), as
// tabulated by EBI vcf-validator (inc/vcf/file_structure.hpp): [Type, Number].
const INFO_41: Table = {
  AA: ['String', '1'],
  AC: ['Integer', 'A'],
  AF: ['Float', 'A'],
  AN: ['Integer', '1'],
  BQ: ['Float', '1'],
  CIGAR: ['String', 'A'],
  DB: ['Flag', '0'],
  DP: ['Integer', '1'],
  END: ['Integer', '1'],
  H2: ['Flag', '0'],
  H3: ['Flag', '0'],
  MQ: ['.', '1'],
  MQ0: ['Integer', '1'],
  NS: ['Integer', '1'],
  SOMATIC: ['Flag', '0'],
  VALIDATED: ['Flag', '0'],
  '1000G': ['Flag', '0'],
  // Structural-variant keys (§3).
  BKPTID: ['String', '.'],
  CICN: ['Integer', '2'],
  CICNADJ: ['Integer', '.'],
  CIEND: ['Integer', '2'],
  CILEN: ['Integer', '2'],
  CIPOS: ['Integer', '2'],
  CN: ['Integer', '1'],
  CNADJ: ['Integer', '.'],
  DBRIPID: ['String', '1'],
  DBVARID: ['String', '1'],
  DGVID: ['String', '1'],
  DPADJ: ['Integer', '.'],
  EVENT: ['String', '1'],
  HOMLEN: ['Integer', '.'],
  HOMSEQ: ['String', '.'],
  IMPRECISE: ['Flag', '0'],
  MATEID: ['String', '.'],
  MEINFO: ['String', '4'],
  METRANS: ['String', '4'],
  NOVEL: ['Flag', '0'],
  PARID: ['String', '1'],
  SVLEN: ['Integer', '.'],
  SVTYPE: ['String', '1'],
};
const INFO_43: Table = {
  ...INFO_41,
  AD: ['Integer', 'R'],
  ADF: ['Integer', 'R'],
  ADR: ['Integer', 'R'],
};
const INFO_44: Table = {
  ...INFO_43,
  CN: ['Float', 'A'],
  SVLEN: ['Integer', 'A'],
  // 4.4 ties these to the ALT count (2 per allele): left unchecked here.
  CICN: ['Integer', '.'],
  CIEND: ['Integer', '.'],
  CILEN: ['Integer', '.'],
  CIPOS: ['Integer', '.'],
  MEINFO: ['String', '.'],
  METRANS: ['String', '.'],
  SVCLAIM: ['String', 'A'],
  RN: ['Integer', 'A'],
  RUS: ['String', '.'],
  RUL: ['Integer', '.'],
  RUC: ['Float', '.'],
  RB: ['Integer', '.'],
  CIRUC: ['Float', '.'],
  CIRB: ['Integer', '.'],
  RUB: ['Integer', '.'],
};

const FORMAT_41: Table = {
  AHAP: ['Integer', '1'],
  CN: ['Integer', '1'],
  CNL: ['Float', '.'],
  CNQ: ['Float', '1'],
  DP: ['Integer', '1'],
  EC: ['Integer', 'A'],
  FT: ['String', '1'],
  GL: ['Float', 'G'],
  GLE: ['String', 'G'],
  GP: ['Float', 'G'],
  GQ: ['Integer', '1'],
  GT: ['String', '1'],
  HAP: ['Integer', '1'],
  HQ: ['Integer', '2'],
  MQ: ['Integer', '1'],
  NQ: ['Integer', '1'],
  PL: ['Integer', 'G'],
  PQ: ['Integer', '1'],
  PS: ['Integer', '1'],
};
const { GLE: _gle, ...FORMAT_41_WITHOUT_GLE } = FORMAT_41;
const FORMAT_43: Table = {
  ...FORMAT_41_WITHOUT_GLE,
  AD: ['Integer', 'R'],
  ADF: ['Integer', 'R'],
  ADR: ['Integer', 'R'],
  CNL: ['Float', 'G'],
  CNP: ['Float', 'G'],
};
const FORMAT_44: Table = { ...FORMAT_43, CN: ['Float', '1'] };

/**
 * Keys of the specs' main reserved tables: a header that declares one of them must give the
 * reserved Number and Type. (Structural-variant keys such as SVLEN are redeclared freely in
 * practice and in the spec's own examples, so they are not held to this.)
 */
// prettier-ignore
const HEADER_CHECKED = new Set([
  'AA', 'AC', 'AD', 'ADF', 'ADR', 'AF', 'AN', 'BQ', 'CIGAR', 'DB', 'DP', 'END', 'H2', 'H3', 'MQ',
  'MQ0', 'NS', 'SOMATIC', 'VALIDATED', '1000G', 'EC', 'FT', 'GL', 'GLE', 'GP', 'GQ', 'GT', 'HQ',
  'PL', 'PQ', 'PS',
]);

/** Reserved integer keys whose values may be negative (offsets and lengths). */
export const SIGNED_RESERVED = new Set(['SVLEN', 'CIPOS', 'CIEND', 'CILEN', 'CICNADJ', 'CIRB']);

const toDefinitions = (table: Table) =>
  new Map(Object.entries(table).map(([id, [type, number]]) => [id, { type, number }]));

const INFO = {
  old: toDefinitions(INFO_41),
  v43: toDefinitions(INFO_43),
  v44: toDefinitions(INFO_44),
};
const FORMAT = {
  old: toDefinitions(FORMAT_41),
  v43: toDefinitions(FORMAT_43),
  v44: toDefinitions(FORMAT_44),
};

const pick = <T>(sets: { old: T; v43: T; v44: T }, version: VcfVersion): T =>
  vcfAtLeast(version, '4.4') ? sets.v44 : vcfAtLeast(version, '4.3') ? sets.v43 : sets.old;

/** The spec's reserved definition of an INFO (`INFO`) or FORMAT (`FORMAT`) key, if any. */
export function reservedField(
  kind: 'INFO' | 'FORMAT',
  id: string,
  version: VcfVersion,
): VcfFieldDefinition | undefined {
  return pick(kind === 'INFO' ? INFO : FORMAT, version).get(id);
}

/** Whether a header definition of this reserved key must match the reserved Number and Type. */
export function isHeaderCheckedReserved(id: string): boolean {
  return HEADER_CHECKED.has(id);
}
