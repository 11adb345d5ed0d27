import { isPlainAllele } from './vcf-columns.ts';
import type { VcfWarn } from './vcf-record-context.ts';
import { VCF_RULES } from './vcf-rules.ts';

/** A variant trimmed of the bases REF and ALT share, so equal changes compare equal. */
function normalizedKey(pos: number, ref: string, alt: string): { pos: number; key: string } {
  let r = ref.toUpperCase();
  let a = alt.toUpperCase();
  while (r.length > 0 && a.length > 0 && r[r.length - 1] === a[a.length - 1]) {
    r = r.slice(0, -1);
    a = a.slice(0, -1);
  }
  let start = pos;
  while (r.length > 0 && a.length > 0 && r[0] === a[0]) {
    r = r.slice(1);
    a = a.slice(1);
    start++;
  }
  return { pos: start, key: `${start}:${r}>${a}` };
}

/**
 * Checks record order across a file: each chromosome's records form one block, positions
 * never decrease within it, and no variant appears twice, also when written with different
 * padding (`TAT>TGT` at 123 is `A>G` at 124), as EBI vcf-validator's duplicate check does.
 * Symbolic alleles and breakends are not compared. Memory is bounded by the variants whose
 * trimmed position is not yet behind the current POS. htslib reads unsorted files and duplicates
 * (only indexing needs order), so both are warnings; `sorted` tells whether the file was.
 */
export class VcfOrderCheck {
  private chrom: string | undefined;
  private pos = -1;
  private readonly finished = new Set<string>();
  /** Trimmed variants seen in the current chromosome, by trimmed position. */
  private readonly recent = new Map<number, Set<string>>();
  /** False once a record came out of order. */
  sorted = true;

  /** Checks the next record; out-of-order records and duplicates go to `warn`. */
  next(chromText: string, pos: number, ref: string, alts: string[], warn: VcfWarn): void {
    // `<1>` refers to the same contig as `1`.
    const chrom = chromText.startsWith('<') ? chromText.replace(/^<(.*)>$/, '$1') : chromText;
    if (chrom !== this.chrom) {
      if (this.finished.has(chrom)) {
        this.unsorted(
          warn,
          `records of chromosome ${chrom} are not contiguous (it appeared earlier, before ${this.chrom})`,
        );
      }
      if (this.chrom !== undefined) this.finished.add(this.chrom);
      this.chrom = chrom;
      this.pos = -1;
      this.recent.clear();
    }
    if (pos < this.pos) {
      this.unsorted(warn, `POS ${pos} comes after POS ${this.pos}: records are not sorted`);
      this.recent.clear();
    }
    this.pos = pos;
    for (const at of this.recent.keys()) if (at < pos) this.recent.delete(at);
    const keys = alts.filter(isPlainAllele).map((alt) => normalizedKey(pos, ref, alt));
    for (const { pos: at, key } of keys) {
      const bucket = this.recent.get(at);
      if (bucket?.has(key)) {
        warn(VCF_RULES.duplicateVariant, `variant ${chrom}:${key} appears twice`, 'kept both');
        break;
      }
    }
    for (const { pos: at, key } of keys) {
      const bucket = this.recent.get(at) ?? new Set<string>();
      bucket.add(key);
      this.recent.set(at, bucket);
    }
  }

  // A method, not a closure made per record: tsx (esbuild's keepNames) names every closure it
  // makes with a defineProperty call: a third of this check's time on a 200,000-record VCF.
  private unsorted(warn: VcfWarn, problem: string): void {
    warn(VCF_RULES.unsorted, problem, 'read the records in file order (an import sorts them)');
    this.sorted = false;
  }
}
