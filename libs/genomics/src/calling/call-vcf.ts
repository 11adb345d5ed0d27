import type { Candidate } from './candidates.ts';

/** Genotype classes of the pileup model, in output order. */
export const GENOTYPES = ['hom-ref', 'het', 'hom-alt'] as const;
const GT = ['0/0', '0/1', '1/1'];

/** A genotyped candidate. */
export interface VariantCall {
  candidate: Candidate;
  /** Probabilities of hom-ref, het, hom-alt. */
  probabilities: readonly number[];
}

const phred = (p: number) => -10 * Math.log10(Math.max(p, 1e-10));

/** The header of a calls VCF (4.2) for one sample over the given contigs. */
export function callsVcfHeader(
  sample: string,
  contigs: readonly { name: string; length: number }[],
  commandLine: string,
): string {
  return [
    '##fileformat=VCFv4.2',
    `##source=strand call`,
    `##strandCommand=${commandLine}`,
    ...contigs.map((c) => `##contig=<ID=${c.name},length=${c.length}>`),
    '##INFO=<ID=DP,Number=1,Type=Integer,Description="Reads covering the site after filters">',
    '##INFO=<ID=AD,Number=1,Type=Integer,Description="Reads carrying the ALT allele">',
    '##FILTER=<ID=RefCall,Description="The model calls the site homozygous reference">',
    `##FILTER=<ID=LowQual,Description="QUAL below the caller's minimum (strand call --min-qual)">`,
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype quality (Phred)">',
    '##FORMAT=<ID=PL,Number=G,Type=Integer,Description="Phred-scaled genotype likelihoods (normalised, from the model\'s probabilities)">',
    `#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t${sample}`,
  ].join('\n');
}

/** The most probable genotype index of a call. */
export function calledGenotype(call: VariantCall): number {
  const p = call.probabilities;
  return p.indexOf(Math.max(...p));
}

/**
 * One VCF line of a call: QUAL is the Phred probability that the site is hom-ref, GQ that
 * the chosen genotype is wrong (capped at 99), PL the genotype probabilities in Phred, minus
 * their least (as DeepVariant derives them from its softmax). A non-reference call whose QUAL is
 * below `minQual` keeps its genotype but is filtered `LowQual` (DeepVariant's `--qual_filter`,
 * GATK's `LowQual`), so PASS-only comparisons such as hap.py's leave it out.
 */
export function callVcfLine(call: VariantCall, minQual = 0): string {
  const { candidate: c, probabilities: p } = call;
  const g = calledGenotype(call);
  const qual = phred(p[0]);
  const gq = Math.min(99, Math.round(phred(1 - p[g])));
  const pls = p.map(phred);
  const min = Math.min(...pls);
  const pl = pls.map((v) => Math.round(v - min)).join(',');
  const filter = g === 0 ? 'RefCall' : qual < minQual ? 'LowQual' : 'PASS';
  return [
    c.chrom,
    c.pos0 + 1,
    '.',
    c.ref,
    c.alt,
    qual.toFixed(1),
    filter,
    `DP=${c.depth};AD=${c.altCount}`,
    'GT:GQ:PL',
    `${GT[g]}:${gq}:${pl}`,
  ].join('\t');
}
