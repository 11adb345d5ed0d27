import type { VcfHeader } from './vcf-header.ts';
import type { VcfInfoValue, VcfRecord, VcfSampleData } from './vcf-record.ts';

/** One ALT of a split record, with its 1-based index among the original ALTs. */
export type SplitVcfRecord = VcfRecord & { altIndex: number };

type Values = (string | number | undefined)[];

/** Genotype indexes (VCF 4.3 §1.6.2 ordering) of 0/0, 0/k, k/k (diploid) or 0, k (haploid). */
function genotypeIndexes(k: number, ploidy: number): number[] | undefined {
  if (ploidy === 1) return [0, k];
  if (ploidy === 2) return [0, (k * (k + 1)) / 2, (k * (k + 1)) / 2 + k];
  return undefined;
}

/** Keeps the values of a Number=A/R/G field that belong to ALT k (1-based). */
function subset(
  values: Values,
  number: string | undefined,
  k: number,
  ploidy: number,
): Values | undefined {
  if (number === 'A') return [values[k - 1]];
  if (number === 'R') return [values[0], values[k]];
  if (number === 'G') {
    const indexes = genotypeIndexes(k, ploidy);
    return indexes ? indexes.map((i) => values[i]) : undefined;
  }
  return values;
}

/** Rewrites a GT for ALT k: k becomes 1, other ALTs become missing, separators are kept. */
function splitGenotype(gt: string, k: number): string {
  return gt.replace(/\d+/g, (allele) => (allele === '0' ? '0' : Number(allele) === k ? '1' : '.'));
}

function splitInfo(info: Record<string, VcfInfoValue>, header: VcfHeader | undefined, k: number) {
  const out: Record<string, VcfInfoValue> = {};
  for (const [key, value] of Object.entries(info)) {
    if (value === true) out[key] = value;
    else out[key] = subset(value, header?.info.get(key)?.number, k, 2) ?? value;
  }
  return out;
}

function splitSample(
  sample: VcfSampleData,
  header: VcfHeader | undefined,
  k: number,
): VcfSampleData {
  const gt = sample.GT?.[0];
  const ploidy = typeof gt === 'string' ? gt.split(/[/|]/).length : 2;
  const out: VcfSampleData = {};
  for (const [key, value] of Object.entries(sample)) {
    if (key === 'GT' && typeof gt === 'string') out.GT = [splitGenotype(gt, k)];
    // A G field of a ploidy other than 1 or 2 cannot be subset: it is dropped (undefined).
    else out[key] = value && subset(value, header?.format.get(key)?.number, k, ploidy);
  }
  return out;
}

/**
 * Splits a multi-allelic record into one record per ALT (a bi-allelic record is returned as
 * is, in a one-element list). With the header, INFO and FORMAT fields of Number=A, R and G keep
 * only the values of that ALT (G for haploid and diploid samples); without it they are copied
 * whole. GT is rewritten: the ALT becomes 1, the other ALTs missing (`1/2` → `1/.` and `./1`).
 */
export function splitMultiallelic(record: VcfRecord, header?: VcfHeader): SplitVcfRecord[] {
  if (record.alts.length <= 1) return [{ ...record, altIndex: 1 }];
  return record.alts.map((alt, i) => {
    const k = i + 1;
    const split: SplitVcfRecord = {
      ...record,
      alts: [alt],
      info: splitInfo(record.info, header, k),
      altIndex: k,
    };
    if (record.samples) {
      split.samples = Object.fromEntries(
        Object.entries(record.samples).map(([name, data]) => [name, splitSample(data, header, k)]),
      );
    }
    return split;
  });
}
