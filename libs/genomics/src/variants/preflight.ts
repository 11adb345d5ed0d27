import { FingerprintMap } from '../collections/fingerprint-map.ts';
import { canonicalChromosome } from '../formats/chromosome-names.ts';
import type { FastaIndex } from '../formats/fasta/fasta-index.ts';
import { ReferenceReader } from './reference-reader.ts';
import type { AlleleKind, SkipKind, VariantInput } from './variant-types.ts';
import { alleleKind, refMatchesReference, trimAlleles, unplaceableAllele } from './variant-types.ts';

/** A variant allele named in a preflight report. */
export interface PreflightExample {
  line?: number;
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
  /** What is wrong: the reference bases found, or the earlier duplicate's line. */
  detail: string;
}

/** What a variant set holds before scoring, and what would go wrong. */
export interface PreflightSummary {
  records: number;
  /** ALT alleles counted by kind (after trimming shared bases). */
  kinds: Record<AlleleKind, number>;
  refMismatches: { count: number; first: PreflightExample[] };
  duplicates: { count: number; first: PreflightExample[] };
  /** Chromosomes (as written) not in the reference, and how many records they hold. */
  missingChromosomes: { names: string[]; records: number };
  /** Alleles that cannot be placed on the reference, by kind (symbolic, `*`, breakend, none). */
  skipped: { count: number; kinds: Partial<Record<SkipKind, number>> };
}

const EXAMPLES = 5;

/**
 * Checks a variant set against a reference before scoring: counts SNVs, insertions,
 * deletions, MNVs and complex alleles; REF mismatches (case-insensitive) and duplicates (same
 * trimmed change, any `chr` spelling), with the first few listed by line; chromosomes missing
 * from the reference; and alleles skipped (symbolic, `*`, breakends). Streams the variants;
 * duplicate detection keeps a 12-byte fingerprint per allele (FingerprintMap).
 */
export async function preflight(
  variants: AsyncIterable<VariantInput> | Iterable<VariantInput>,
  fasta: FastaIndex,
): Promise<PreflightSummary> {
  const reader = new ReferenceReader(fasta);
  const summary: PreflightSummary = {
    records: 0,
    kinds: { snv: 0, mnv: 0, insertion: 0, deletion: 0, complex: 0 },
    refMismatches: { count: 0, first: [] },
    duplicates: { count: 0, first: [] },
    missingChromosomes: { names: [], records: 0 },
    skipped: { count: 0, kinds: {} },
  };
  const seen = new FingerprintMap();
  const note = (list: { count: number; first: PreflightExample[] }, example: PreflightExample) => {
    list.count++;
    if (list.first.length < EXAMPLES) list.first.push(example);
  };
  for await (const v of variants) {
    summary.records++;
    const chrom = fasta.resolve(v.chrom);
    if (chrom === undefined) {
      if (!summary.missingChromosomes.names.includes(v.chrom))
        summary.missingChromosomes.names.push(v.chrom);
      summary.missingChromosomes.records++;
    }
    let found: string | undefined;
    for (const alt of v.alts) {
      const skip = unplaceableAllele(alt);
      if (skip) {
        summary.skipped.count++;
        summary.skipped.kinds[skip.kind] = (summary.skipped.kinds[skip.kind] ?? 0) + 1;
        continue;
      }
      summary.kinds[alleleKind(v.ref, alt)]++;
      const example = { line: v.line, chrom: v.chrom, pos: v.pos, ref: v.ref, alt };
      const t = trimAlleles(v.pos, v.ref, alt);
      const key = `${canonicalChromosome(v.chrom)}:${t.pos}:${t.ref}>${t.alt}`;
      const earlier = seen.put(key, v.line ?? 0);
      if (earlier !== undefined)
        note(summary.duplicates, { ...example, detail: `same change as line ${earlier || '?'}` });
      if (chrom === undefined) continue;
      found ??= await reader.bases(chrom, v.pos - 1, v.pos - 1 + v.ref.length);
      if (!refMatchesReference(found, v.ref))
        note(summary.refMismatches, { ...example, detail: `reference has ${found}` });
    }
  }
  return summary;
}
