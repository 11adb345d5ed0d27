/** The fields of a variant that windows and preflight need (a VcfRecord has them all). */
export interface VariantInput {
  chrom: string;
  /** 1-based position of the first REF base. */
  pos: number;
  ref: string;
  alts: string[];
  /** Source line, for reports. */
  line?: number;
}

/** Kinds of a REF/ALT pair after trimming the bases they share. */
export type AlleleKind = 'snv' | 'mnv' | 'insertion' | 'deletion' | 'complex';

const BASES = /^[ACGTNacgtn]+$/;

/** Why an ALT allele cannot be placed on the reference. */
export type SkipKind = 'symbolic' | 'star' | 'breakend' | 'missing';

/** Why an ALT allele cannot be placed on the reference (symbolic, breakend, `*`), or undefined. */
export function unplaceableAllele(alt: string): { kind: SkipKind; reason: string } | undefined {
  if (BASES.test(alt)) return undefined;
  if (alt === '*')
    return { kind: 'star', reason: 'ALT "*" (allele missing due to an upstream deletion)' };
  if (alt === '.' || alt === '') return { kind: 'missing', reason: 'no ALT allele' };
  if (alt.startsWith('<')) return { kind: 'symbolic', reason: `symbolic ALT ${alt}` };
  return { kind: 'breakend', reason: `breakend ALT ${alt}` };
}

/**
 * Whether a VCF REF agrees with the reference's bases there: base for base, case aside, an `N`
 * in REF agreeing with any base (the VCF spec's "any base"; samtools 0.1 wrote REF N when it
 * called without a reference, and bcftools norm -c s reads such REFs from the reference).
 */
export function refMatchesReference(reference: string, ref: string): boolean {
  if (reference.length !== ref.length) return false;
  for (let i = 0; i < ref.length; i++) {
    const r = ref.charCodeAt(i) | 0x20;
    if (r !== 0x6e && r !== (reference.charCodeAt(i) | 0x20)) return false;
  }
  return true;
}

/** Trims the bases REF and ALT share (suffix, then prefix) and returns the trimmed pair. */
export function trimAlleles(
  pos: number,
  ref: string,
  alt: string,
): { pos: number; ref: string; alt: string } {
  let r = ref.toUpperCase();
  let a = alt.toUpperCase();
  while (r.length > 0 && a.length > 0 && r[r.length - 1] === a[a.length - 1]) {
    r = r.slice(0, -1);
    a = a.slice(0, -1);
  }
  let p = pos;
  while (r.length > 0 && a.length > 0 && r[0] === a[0]) {
    r = r.slice(1);
    a = a.slice(1);
    p++;
  }
  return { pos: p, ref: r, alt: a };
}

/** Classifies a placeable REF/ALT pair (`TAT>TGT` is an SNV, `A>AT` an insertion). */
export function alleleKind(ref: string, alt: string): AlleleKind {
  const t = trimAlleles(0, ref, alt);
  if (t.ref.length === 0) return 'insertion';
  if (t.alt.length === 0) return 'deletion';
  if (t.ref.length !== t.alt.length) return 'complex';
  return t.ref.length === 1 ? 'snv' : 'mnv';
}
