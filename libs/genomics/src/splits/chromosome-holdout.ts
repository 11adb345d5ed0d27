import { GenomicsError } from '../errors/genomics-error.ts';
import { canonicalChromosome } from '../formats/chromosome-names.ts';
import type { Split } from './split-types.ts';

/**
 * Holds out whole chromosomes: records on `test` chromosomes form the test set, those on
 * `valid` chromosomes the validation set, the rest train. Names are compared canonically
 * (`chr8` = `8`), so no chromosome can land in two sets. A listed chromosome with no records is
 * an error (usually a naming mistake).
 */
export function chromosomeHoldout(
  chroms: readonly string[],
  options: { test: string[]; valid?: string[] },
): Split {
  const test = new Set(options.test.map(canonicalChromosome));
  const valid = new Set((options.valid ?? []).map(canonicalChromosome));
  const both = [...test].filter((c) => valid.has(c));
  if (both.length) {
    throw new GenomicsError(
      'INVALID_OPTIONS',
      `chromosome(s) ${both.join(', ')} are listed for both test and valid`,
    );
  }
  const present = new Set(chroms.map(canonicalChromosome));
  const absent = [...options.test, ...(options.valid ?? [])].filter(
    (c) => !present.has(canonicalChromosome(c)),
  );
  if (absent.length) {
    throw new GenomicsError(
      'UNKNOWN_CHROMOSOME',
      `held-out chromosome(s) ${absent.join(', ')} have no records`,
    );
  }
  const split: Split = { train: [], valid: [], test: [] };
  chroms.forEach((chrom, i) => {
    const c = canonicalChromosome(chrom);
    (test.has(c) ? split.test : valid.has(c) ? split.valid : split.train).push(i);
  });
  return split;
}
