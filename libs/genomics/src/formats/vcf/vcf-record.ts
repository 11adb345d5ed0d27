/** A parsed INFO value: `true` for a flag, otherwise the comma-separated values (`.` → undefined). */
export type VcfInfoValue = true | (string | number | undefined)[];

/** One sample's FORMAT values by key (`.` → undefined); numbers where the header types say so. */
export type VcfSampleData = Record<string, (string | number | undefined)[] | undefined>;

/** One data line of a VCF. */
export interface VcfRecord {
  /** 1-based line number in the file (0 when read by region, where lines are not counted). */
  line: number;
  chrom: string;
  /** 1-based position of the first REF base. */
  pos: number;
  /** IDs; empty for `.`. */
  id: string[];
  ref: string;
  /** ALT alleles; empty for `.`. */
  alts: string[];
  /** null for `.`. */
  qual: number | null;
  /** Filter names (`['PASS']` when passed); empty for `.`. */
  filter: string[];
  info: Record<string, VcfInfoValue>;
  /** Per-sample FORMAT values by sample name, when the reader was asked for genotypes. */
  samples?: Record<string, VcfSampleData>;
}
