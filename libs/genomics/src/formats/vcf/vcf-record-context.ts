import type { VcfHeader } from './vcf-header.ts';

/** What the INFO and sample checks of one record need to know. */
export interface VcfRecordContext {
  header: VcfHeader;
  ref: string;
  /** Number of ALT alleles, or null when ALT is `.`. */
  altCount: number | null;
}
