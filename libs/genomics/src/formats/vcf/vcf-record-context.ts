import type { WarningRule } from '../../warnings/read-warning.ts';
import type { VcfHeader } from './vcf-header.ts';
import type { InfoEntryCache } from './vcf-info-check.ts';
import type { VcfNames } from './vcf-undeclared.ts';

/**
 * Reports a tolerated deviation of the current line: `problem` is what the specification says
 * is wrong, `action` what the reader did. Throws a FormatError instead in strict mode when the
 * rule is an error there.
 */
export type VcfWarn = (rule: WarningRule, problem: string, action: string) => void;

/** What the INFO and sample checks of one record need to know. */
export interface VcfRecordContext {
  header: VcfHeader;
  ref: string;
  /** Number of ALT alleles, or null when ALT is `.`. */
  altCount: number | null;
  warn: VcfWarn;
  /** Names seen so far that the header does not declare (each is reported once). */
  names: VcfNames;
  /** The file's INFO entries that passed without a warning (checked once each). */
  infoCache: InfoEntryCache;
}
