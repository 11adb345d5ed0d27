import type { VcfMetaLine } from './vcf-meta-line.ts';
import type { VcfFieldDefinition } from './vcf-reserved.ts';
import { isHeaderCheckedReserved, reservedField } from './vcf-reserved.ts';
import type { VcfVersion } from './vcf-version.ts';

/** A `##contig` line. */
export interface VcfContig {
  id: string;
  length?: number;
}

/** The header of a VCF: version, samples, contigs and field definitions. */
export interface VcfHeader {
  /** The rules the file is read with: its `##fileformat=VCFv4.x` (4.1 for 3.3 and 4.0). */
  version: VcfVersion;
  /** The version as the file writes it (`4.0`). */
  declaredVersion: string;
  /** Sample names from the `#CHROM` line, in column order. */
  samples: string[];
  contigs: VcfContig[];
  /** INFO definitions by ID. */
  info: ReadonlyMap<string, VcfFieldDefinition>;
  /** FORMAT definitions by ID. */
  format: ReadonlyMap<string, VcfFieldDefinition>;
  /** FILTER descriptions by ID. */
  filters: ReadonlyMap<string, string>;
  /** Every meta line, in file order (the first being fileformat). */
  meta: VcfMetaLine[];
}

const COLUMNS = ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO'];

/** Reads the sample names from the `#CHROM` line; returns the reason when it is malformed. */
export function parseColumnHeader(text: string): string[] | { reason: string } {
  const columns = text.split('\t');
  if (columns.length < 8 || COLUMNS.some((name, i) => columns[i] !== name)) {
    return {
      reason: `the header line must start with the tab-separated columns ${COLUMNS.join(' ')}`,
    };
  }
  if (columns.length === 8) return [];
  if (columns[8] !== 'FORMAT') return { reason: `column 9 must be FORMAT, got "${columns[8]}"` };
  const samples = columns.slice(9);
  if (samples.length === 0) return { reason: 'a FORMAT column needs at least one sample column' };
  const seen = new Map<string, number>();
  for (const [i, name] of samples.entries()) {
    if (name === '') return { reason: `sample column ${i + 10} has an empty name` };
    const before = seen.get(name);
    if (before !== undefined) {
      return { reason: `sample "${name}" appears twice (columns ${before} and ${i + 10})` };
    }
    seen.set(name, i + 10);
  }
  return samples;
}

/**
 * A field definition for INFO or FORMAT from a checked meta line (fields ID, Number, Type
 * first). For the spec's main reserved keys the declared Number and Type should be the reserved
 * ones: `mismatch` says how they differ (the definition is the header's, as htslib reads it).
 */
export function definitionOf(
  kind: 'INFO' | 'FORMAT',
  line: VcfMetaLine,
  version: VcfVersion,
): { id: string; definition: VcfFieldDefinition; mismatch?: string } {
  const [id, number, type] = (line.fields ?? []).map((f) => f.value);
  const definition = { number, type };
  const reserved = reservedField(kind, id, version);
  if (reserved && isHeaderCheckedReserved(id)) {
    const typeDiffers = reserved.type !== '.' && reserved.type !== type;
    if (reserved.number !== number || typeDiffers) {
      const want = `Number=${reserved.number}${reserved.type === '.' ? '' : `, Type=${reserved.type}`}`;
      return {
        id,
        definition,
        mismatch: `${kind} ${id} is reserved with ${want}; the header declares Number=${number}, Type=${type}`,
      };
    }
  }
  return { id, definition };
}
