import { FormatError } from '../errors/format-error.ts';
import { GenomicsError } from '../errors/genomics-error.ts';
import type { BedRecord } from '../formats/bed/bed-reader.ts';
import type { VcfRecord } from '../formats/vcf/vcf-record.ts';
import { openVcf } from '../formats/vcf/vcf-reader.ts';
import type { VcfFile } from '../formats/vcf/vcf-reader.ts';
import { GeneIntervals } from './gene-intervals.ts';
import { genotypeDosage } from './genotype-dosage.ts';

/** Options of {@link geneBurden}. */
export interface GeneBurdenOptions {
  /** Names the VCF in errors; default its path, or `<records>`. */
  label?: string;
  /** Names the genes BED in errors; default `genes`. */
  genesLabel?: string;
  /**
   * Rare-variant burden: count only ALT alleles whose INFO/AF is below this (in (0, 1]).
   * Alleles without an AF value follow `withoutFrequency`.
   */
  maxAlleleFrequency?: number;
  /** With `maxAlleleFrequency`: `keep` (default) counts alleles that have no AF, `skip` does not. */
  withoutFrequency?: 'keep' | 'skip';
  /**
   * Sample order for records that do not come with a header (a plain iterable of records);
   * default: the samples of the first record, in their order.
   */
  samples?: readonly string[];
}

/** Per-sample, per-gene counts of non-reference alleles. */
export interface GeneBurden {
  samples: string[];
  /** Gene names (BED name column), in order of first appearance in the BED. */
  genes: string[];
  /** Row-major [sample][gene]: non-reference alleles in the gene's intervals. */
  matrix: Float32Array;
  /** Row-major [sample][gene]: genotypes with a missing allele at the gene's counted variants. */
  missingCounts: Uint32Array;
  /** Records overlapping a gene with at least one counted ALT allele. */
  variantsUsed: number;
  /** Records overlapping no gene. */
  variantsOutsideGenes: number;
  /** Records overlapping a gene whose every ALT was excluded by `maxAlleleFrequency`. */
  variantsFiltered: number;
  /** ALT alleles of gene-overlapping records without an INFO/AF value (with the AF filter). */
  allelesWithoutFrequency: number;
}

type VcfInput = string | AsyncIterable<VcfRecord>;

/**
 * Gene-level variant burden of a multi-sample VCF: for each sample and gene, the number of
 * non-reference alleles of the variants whose REF span overlaps one of the gene's intervals
 * (the overlap rule of `bedtools intersect`). Per genotype: hom-alt 2, het 1, any ALT of a
 * multi-allelic site counts (`1/2` is 2); a missing allele counts 0 and is tallied in
 * `missingCounts` (`./1` counts 1 and is tallied). Chromosome names are compared canonically
 * (`chr1` = `1`). Streams the records: memory is samples × genes, whatever the variant count.
 *
 * @example
 * const burden = await geneBurden('cohort.vcf.gz', readBed('genes.bed'), { maxAlleleFrequency: 0.01 });
 */
export async function geneBurden(
  vcf: VcfInput,
  genes: Iterable<BedRecord> | AsyncIterable<BedRecord>,
  options: GeneBurdenOptions = {},
): Promise<GeneBurden> {
  const maxAf = options.maxAlleleFrequency;
  if (maxAf !== undefined && !(maxAf > 0 && maxAf <= 1)) {
    throw new GenomicsError(
      'INVALID_OPTIONS',
      `maxAlleleFrequency must be in (0, 1], got ${String(maxAf)}`,
    );
  }
  const keepUnknown = (options.withoutFrequency ?? 'keep') === 'keep';
  const index = await GeneIntervals.from(genes, options.genesLabel);
  const label = options.label ?? (typeof vcf === 'string' ? vcf : '<records>');
  const records = typeof vcf === 'string' ? await openVcf(vcf, { genotypes: true, label }) : vcf;
  let samples: string[] | undefined = isVcfFile(records)
    ? [...records.header.samples]
    : options.samples && [...options.samples];
  const geneCount = index.genes.length;
  let matrix = new Float32Array(0);
  let missingCounts = new Uint32Array(0);
  const start = (names: string[]) => {
    if (names.length === 0) {
      throw new GenomicsError('NO_SAMPLES', `${label}: the VCF has no sample columns`);
    }
    samples = names;
    matrix = new Float32Array(names.length * geneCount);
    missingCounts = new Uint32Array(names.length * geneCount);
  };
  if (samples !== undefined) start(samples);
  const result = { variantsUsed: 0, variantsOutsideGenes: 0, variantsFiltered: 0 };
  let allelesWithoutFrequency = 0;
  const hits: number[] = [];
  for await (const record of records) {
    if (record.samples === undefined) {
      throw new GenomicsError(
        'NO_GENOTYPES',
        `${label}:${record.line}: the record carries no genotypes (open the VCF with genotypes: true)`,
      );
    }
    if (samples === undefined) start(Object.keys(record.samples));
    const names = samples as string[];
    index.overlapping(record.chrom, record.pos - 1, record.pos - 1 + record.ref.length, hits);
    if (hits.length === 0) {
      result.variantsOutsideGenes++;
      continue;
    }
    const counted = countedAlleles(record, maxAf, keepUnknown);
    allelesWithoutFrequency += counted.withoutFrequency;
    if (!counted.mask.some(Boolean)) {
      result.variantsFiltered++;
      continue;
    }
    result.variantsUsed++;
    for (let s = 0; s < names.length; s++) {
      const data = record.samples[names[s]];
      if (data === undefined && !(names[s] in record.samples)) {
        throw new FormatError(label, record.line, `sample "${names[s]}" has no column`);
      }
      const gt = data?.['GT']?.[0];
      const call = genotypeDosage(gt === undefined ? undefined : String(gt), counted.mask);
      if (call === undefined) {
        throw new FormatError(
          label,
          record.line,
          // The value itself is not shown: genotypes are sample data, kept out of messages.
          `sample "${names[s]}": GT is not a genotype of ${record.alts.length} ALT allele(s)`,
        );
      }
      if (call.dosage === 0 && !call.missing) continue;
      for (const g of hits) {
        matrix[s * geneCount + g] += call.dosage;
        if (call.missing) missingCounts[s * geneCount + g]++;
      }
    }
  }
  if (samples === undefined) {
    throw new GenomicsError(
      'NO_SAMPLES',
      `${label}: no records and no sample list; pass options.samples for a record stream`,
    );
  }
  return {
    samples,
    genes: [...index.genes],
    matrix,
    missingCounts,
    ...result,
    allelesWithoutFrequency,
  };
}

function isVcfFile(records: AsyncIterable<VcfRecord>): records is VcfFile {
  return 'header' in records;
}

/** ALTs that are not a change at this site: an upstream deletion (`*`), gVCF's "any other". */
const NOT_A_VARIANT = new Set(['*', '<*>', '<NON_REF>']);

/** Which ALT alleles count under the AF filter, and how many had no AF to judge by. */
function countedAlleles(
  record: VcfRecord,
  maxAf: number | undefined,
  keepUnknown: boolean,
): { mask: boolean[]; withoutFrequency: number } {
  const af = record.info['AF'];
  let withoutFrequency = 0;
  const mask = record.alts.map((alt, k) => {
    if (NOT_A_VARIANT.has(alt)) return false;
    if (maxAf === undefined) return true;
    const value = Array.isArray(af) ? af[k] : undefined;
    const frequency = typeof value === 'number' ? value : Number(value);
    if (value === undefined || !Number.isFinite(frequency)) {
      withoutFrequency++;
      return keepUnknown;
    }
    return frequency < maxAf;
  });
  return { mask, withoutFrequency };
}
