import type { EntityManager } from '@mikro-orm/core';
import { variantScoreChromosomes } from '@strand/data';
import type { VariantScoreFilter } from '@strand/data';
import { ChromosomeNames } from '@strand/genomics';

/**
 * The filter with its chromosome spelled as the job's scores spell it: `17` finds `chr17` and
 * `chr17` finds `17` (`chrM` finds `MT`), by the rule FASTA and VCF reading use
 * (ChromosomeNames). A name with no spelling among the job's keeps its own, and finds nothing.
 */
export async function reconcileChromosome(
  em: EntityManager,
  jobId: string,
  filter: VariantScoreFilter | null,
): Promise<VariantScoreFilter | null> {
  const chrom = filter?.chrom?.trim();
  if (!filter || !chrom) return filter;
  const names = await variantScoreChromosomes(em, jobId);
  // More names than a lookup should walk (a scaffold-level assembly): only the exact name finds.
  const resolved = names ? (new ChromosomeNames(names).resolve(chrom) ?? chrom) : chrom;
  return { ...filter, chrom: resolved };
}
