/** A VCF-style allele pair at a 0-based position: `ref` replaced by `alt` at `pos0`. */
export interface AllelePair {
  pos0: number;
  ref: string;
  alt: string;
}

/**
 * Left-aligns and trims an allele pair against the reference (Tan, Abecasis & Kang 2015,
 * "Unified representation of genetic variants", the algorithm of `vt normalize` and
 * `bcftools norm`): drop a shared last base, extending left by one reference base whenever an
 * allele would become empty, then drop shared first bases while both keep at least one.
 * `refAt(i)` is the reference base at 0-based `i` (uppercase), `N` outside the contig.
 */
export function normalizeAllele(pair: AllelePair, refAt: (pos0: number) => string): AllelePair {
  let { pos0, ref, alt } = pair;
  if (ref === alt) return pair;
  for (;;) {
    if (ref.length > 0 && alt.length > 0 && ref[ref.length - 1] === alt[alt.length - 1]) {
      ref = ref.slice(0, -1);
      alt = alt.slice(0, -1);
    } else if ((ref.length === 0 || alt.length === 0) && pos0 > 0) {
      pos0 -= 1;
      const base = refAt(pos0);
      ref = base + ref;
      alt = base + alt;
    } else break;
  }
  while (ref.length >= 2 && alt.length >= 2 && ref[0] === alt[0]) {
    ref = ref.slice(1);
    alt = alt.slice(1);
    pos0 += 1;
  }
  return { pos0, ref, alt };
}

/** `snv` for one base against one base, `indel` otherwise (MNPs count as indels here). */
export function pairKind(pair: { ref: string; alt: string }): 'snv' | 'indel' {
  return pair.ref.length === 1 && pair.alt.length === 1 ? 'snv' : 'indel';
}
