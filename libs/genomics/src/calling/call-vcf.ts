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
    '##INFO=<ID=RD,Number=1,Type=Integer,Description="Reads carrying the REF allele (an indel: reads aligned across it and its repeat without it)">',
    '##FILTER=<ID=RefCall,Description="The model calls the site homozygous reference">',
    `##FILTER=<ID=LowQual,Description="QUAL below the caller's minimum (strand call --min-qual)">`,
    `##FILTER=<ID=AlleleBalance,Description="Het SNV with too few alt reads for a het: P(X <= AD | Binomial(DP, 0.5)) < ${MIN_HET_BALANCE_P}">`,
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype quality (Phred)">',
    '##FORMAT=<ID=PL,Number=G,Type=Integer,Description="Phred-scaled genotype likelihoods (normalised, from the model\'s probabilities)">',
    `#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t${sample}`,
  ].join('\n');
}

/**
 * Per-base error rate of the SNV allele-count likelihood: Q20, the typical base quality of the
 * simulated 1–2%-error reads. Chosen on validation reads (NC_008253.1:1600001-2000000, seeds
 * 201/203 at 15×, 202 at 30×): every rate from 0.005 to 0.02 gave the same genotypes.
 */
export const GENOTYPE_ERROR_RATE = 0.01;

/**
 * The chance that a read aligned across a hom-alt indel (and its repeat, with flanks) shows the
 * reference there. Chosen on validation reads (NC_008253.1:1600001-2000000, seeds 201–203 at
 * 15× and 30×): every rate from 0.0005 to 0.002 genotyped all 617 matched indels right, against
 * 6 wrong with the model alone; 0.003–0.02 left 1–2 wrong.
 */
export const INDEL_GENOTYPE_ERROR_RATE = 0.001;

/**
 * Genotype probabilities of a candidate from the model's softmax and the site's allele counts.
 * The pileup CNN decides well whether a site varies, but splits het from hom-alt by how far the
 * block of alt rows reaches, which a 2×2-pooled image blurs: 14 alt reads of 17 (3 reference)
 * come out hom-alt, an insertion in 9 of 12 reads het. The split of the model's non-reference
 * mass between het and hom-alt is therefore weighed by the binomial likelihood of the reads,
 * P(ref, alt | het) = 0.5^(ref+alt) against P(ref, alt | hom-alt) = (1 − e)^alt ε^ref, as
 * bcftools' genotype likelihoods do with one error rate: for an SNV ε = e/3 (an error to one
 * given base, e = GENOTYPE_ERROR_RATE), for an indel ε = e = INDEL_GENOTYPE_ERROR_RATE, its
 * reference reads being only those aligned across it (Candidate.refCount). P(hom-ref), hence
 * QUAL and the variant / no-variant decision, stay the model's own.
 */
export function genotypeProbabilities(
  candidate: Candidate,
  probabilities: readonly number[],
  errorRate = candidate.kind === 'snv' ? GENOTYPE_ERROR_RATE : INDEL_GENOTYPE_ERROR_RATE,
): number[] {
  const [homRef, het, homAlt] = probabilities;
  const modelCalls = homRef < Math.max(het, homAlt);
  if (!modelCalls) return [...probabilities];
  const { refCount: ref, altCount: alt } = candidate;
  const refError = candidate.kind === 'snv' ? errorRate / 3 : errorRate;
  const logHet = (ref + alt) * Math.log(0.5);
  const logHomAlt = alt * Math.log(1 - errorRate) + ref * Math.log(refError);
  const max = Math.max(logHet, logHomAlt);
  const a = het * Math.exp(logHet - max);
  const b = homAlt * Math.exp(logHomAlt - max);
  const variant = het + homAlt;
  const split = [homRef, (variant * a) / (a + b), (variant * b) / (a + b)];
  // Where the split would leave hom-ref the likeliest, the model's probabilities stand: whether
  // a site is called is always the model's decision.
  return a + b > 0 && homRef < Math.max(split[1], split[2]) ? split : [...probabilities];
}

/**
 * A het SNV call is filtered `AlleleBalance` when so few of the reads carry the alt allele that
 * a het would show that few less often than this: P(X ≤ AD | X ~ Binomial(DP, 0.5)). The model
 * calls 4 alt reads of 25–32 het with QUAL 5–40, yet at 1–2% error such clusters of errors
 * happen a few times per 500 kb. Chosen on validation reads (NC_008253.1:1600001-2000000, seeds
 * 201–203 at 15× and 30×): below 1e-3 lay 3 of the 4 false SNVs and none of the true ones (the
 * least balanced true het, 9 alt of 34, has P = 4.5e-3).
 */
export const MIN_HET_BALANCE_P = 1e-3;

/** P(X ≤ k) for X ~ Binomial(n, 0.5), summed in log space (exact for any depth). */
export function hetLowerTail(k: number, n: number): number {
  if (k >= n) return 1;
  let logTerm = n * Math.log(0.5); // i = 0: C(n, 0) / 2^n
  let logSum = logTerm;
  for (let i = 1; i <= k; i++) {
    logTerm += Math.log((n - i + 1) / i);
    const hi = Math.max(logSum, logTerm);
    logSum = hi + Math.log(Math.exp(logSum - hi) + Math.exp(logTerm - hi));
  }
  return Math.min(1, Math.exp(logSum));
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
 * GATK's `LowQual`), so PASS-only comparisons such as hap.py's leave it out; a het SNV with too
 * few alt reads for a het is filtered `AlleleBalance` the same way (see MIN_HET_BALANCE_P).
 */
export function callVcfLine(call: VariantCall, minQual = 0): string {
  const { candidate: c, probabilities: p } = call;
  const g = calledGenotype(call);
  const qual = phred(p[0]);
  const gq = Math.min(99, Math.round(phred(1 - p[g])));
  const pls = p.map(phred);
  const min = Math.min(...pls);
  const pl = pls.map((v) => Math.round(v - min)).join(',');
  const unbalanced =
    g === 1 && c.kind === 'snv' && hetLowerTail(c.altCount, c.depth) < MIN_HET_BALANCE_P;
  const filter =
    g === 0 ? 'RefCall' : qual < minQual ? 'LowQual' : unbalanced ? 'AlleleBalance' : 'PASS';
  return [
    c.chrom,
    c.pos0 + 1,
    '.',
    c.ref,
    c.alt,
    qual.toFixed(1),
    filter,
    `DP=${c.depth};AD=${c.altCount};RD=${c.refCount}`,
    'GT:GQ:PL',
    `${GT[g]}:${gq}:${pl}`,
  ].join('\t');
}
