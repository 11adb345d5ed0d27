import { openVcf } from '../formats/vcf/vcf-reader.ts';
import type { ReferenceReader } from '../variants/reference-reader.ts';
import type { CallRegion } from './genomic-region.ts';
import { normalizeAllele, pairKind } from './normalize-allele.ts';
import { RefWindow } from './read-view.ts';

/** Precision, recall and F1 of one variant kind, and genotype concordance of its matches. */
export interface KindScores {
  truth: number;
  calls: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  /** Share of true positives whose genotype (het / hom-alt) equals the truth's. */
  genotypeConcordance: number;
}

/** What `evaluateCalls` reports: SNVs and indels apart, and all together. */
export interface CallEvaluation {
  snv: KindScores;
  indel: KindScores;
  all: KindScores;
}

/** `het` or `hom` of one ALT allele of a record; undefined when the sample does not carry it. */
type Zygosity = 'het' | 'hom';
export interface NormalisedAllele {
  key: string;
  kind: 'snv' | 'indel';
  zygosity: Zygosity;
}

function zygosityOf(
  gt: string | undefined,
  altIndex: number,
  af: number | undefined,
): Zygosity | undefined {
  if (gt === undefined) return af !== undefined && af >= 0.99 ? 'hom' : 'het'; // sites-only truth (dwgsim: AF 0.5 or 1)
  const alleles = gt.split(/[/|]/).map(Number);
  const carried = alleles.filter((a) => a === altIndex).length;
  if (carried === 0) return undefined;
  return carried === alleles.length ? 'hom' : 'het';
}

/**
 * Non-reference alleles of a VCF, split per ALT and normalised against the reference (as hap.py
 * and `bcftools norm -m-` compare them); records not PASS (or `.`) are left out, as are alleles
 * outside `region` and records whose QUAL is below `minQual`.
 */
export async function readNormalisedAlleles(
  path: string,
  reference: ReferenceReader,
  region: CallRegion | undefined,
  minQual = 0,
): Promise<Map<string, NormalisedAllele>> {
  const out = new Map<string, NormalisedAllele>();
  const vcf = await openVcf(path, { genotypes: true });
  const sample = vcf.header.samples[0];
  let window: RefWindow | undefined;
  let windowChrom = '';
  for await (const record of vcf) {
    if (record.filter.length > 0 && !record.filter.includes('PASS')) continue;
    if (record.qual !== null && record.qual < minQual) continue;
    if (
      region &&
      (record.chrom !== region.chrom ||
        record.pos - 1 < region.start0 ||
        record.pos - 1 >= region.end0)
    )
      continue;
    const chrom = reference.fasta.resolve(record.chrom) ?? record.chrom;
    const pos0 = record.pos - 1;
    if (
      !window ||
      windowChrom !== chrom ||
      pos0 < window.start0 + 500 ||
      pos0 + record.ref.length > window.start0 + window.bases.length - 500
    ) {
      const from = Math.max(0, pos0 - 2000);
      window = new RefWindow(from, (await reference.bases(chrom, from, pos0 + 2000)).toUpperCase());
      windowChrom = chrom;
    }
    const gtValue = sample ? record.samples?.[sample]?.['GT']?.[0] : undefined;
    const af = record.info['AF'];
    const afValue = Array.isArray(af) ? Number(af[0]) : undefined;
    const refAt = window.at;
    record.alts.forEach((alt, i) => {
      if (!/^[ACGTN]+$/i.test(alt)) return;
      const zygosity = zygosityOf(
        gtValue === undefined ? undefined : String(gtValue),
        i + 1,
        afValue,
      );
      if (!zygosity) return;
      const n = normalizeAllele(
        { pos0, ref: record.ref.toUpperCase(), alt: alt.toUpperCase() },
        refAt,
      );
      const key = `${record.chrom}:${n.pos0}:${n.ref}>${n.alt}`;
      out.set(key, { key, kind: pairKind(n), zygosity });
    });
  }
  return out;
}

function scores(truth: NormalisedAllele[], calls: NormalisedAllele[]): KindScores {
  const truthByKey = new Map(truth.map((a) => [a.key, a]));
  let tp = 0;
  let concordant = 0;
  for (const call of calls) {
    const t = truthByKey.get(call.key);
    if (!t) continue;
    tp++;
    if (t.zygosity === call.zygosity) concordant++;
  }
  const precision = calls.length ? tp / calls.length : 0;
  const recall = truth.length ? tp / truth.length : 0;
  return {
    truth: truth.length,
    calls: calls.length,
    truePositives: tp,
    falsePositives: calls.length - tp,
    falseNegatives: truth.length - tp,
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
    genotypeConcordance: tp ? concordant / tp : 0,
  };
}

/**
 * Compares a call set with a truth VCF after normalising both: precision, recall and F1 for
 * SNVs and indels apart (a match needs the same position, REF and ALT), and genotype
 * concordance among the matches. Truth without samples reads genotypes from INFO AF (dwgsim).
 * Calls with QUAL below `minQual` are left out, as if filtered `LowQual` (to choose a QUAL cut
 * on validation reads from one call set).
 */
export async function evaluateCalls(
  truthPath: string,
  callsPath: string,
  reference: ReferenceReader,
  region?: CallRegion,
  minQual = 0,
): Promise<CallEvaluation> {
  const truth = [...(await readNormalisedAlleles(truthPath, reference, region)).values()];
  const calls = [...(await readNormalisedAlleles(callsPath, reference, region, minQual)).values()];
  const of = (list: NormalisedAllele[], kind: 'snv' | 'indel') =>
    list.filter((a) => a.kind === kind);
  return {
    snv: scores(of(truth, 'snv'), of(calls, 'snv')),
    indel: scores(of(truth, 'indel'), of(calls, 'indel')),
    all: scores(truth, calls),
  };
}
