import VCFParser from '@gmod/vcf';
import { TabixIndexedFile } from '@gmod/tabix';
import { FormatError } from '../../errors/format-error.ts';
import { GenomicsError } from '../../errors/genomics-error.ts';
import type { TextLine } from '../../io/open-text.ts';
import { ReaderIssues } from '../../warnings/reader-issues.ts';
import { ChromosomeNames } from '../chromosome-names.ts';
import { readVcfHeader } from './vcf-header-reader.ts';
import type { VcfHeader } from './vcf-header.ts';
import { InfoEntryCache } from './vcf-info-check.ts';
import { checkVcfLine } from './vcf-line-check.ts';
import { toVcfRecord } from './vcf-reader.ts';
import type { VcfRecord } from './vcf-record.ts';
import { VcfNames } from './vcf-undeclared.ts';

/** A region: 0-based, half-open [start, end); both omitted means the whole chromosome. */
export interface VcfRegion {
  chrom: string;
  start?: number;
  end?: number;
}

/** Options of {@link queryVcfRegion}. */
export interface VcfRegionOptions {
  /** The tabix index; defaults to `<path>.tbi`. */
  tbiPath?: string;
  genotypes?: boolean;
}

async function* textLines(text: string): AsyncGenerator<TextLine> {
  const lines = text.replace(/\n$/, '').split('\n');
  for (const [i, line] of lines.entries()) yield { line, number: i + 1, terminated: true };
}

/**
 * The records of a bgzipped, tabix-indexed VCF that overlap a region, through @gmod/tabix.
 * `chr17` finds `17` and vice versa. Each record is checked like a streamed one (order checks
 * excepted; what htslib tolerates is read without a report); since tabix does not count lines, a
 * FormatError here has line 0 and names the record's place in the region. The region's lines are
 * read before the first is yielded.
 */
export async function* queryVcfRegion(
  path: string,
  region: VcfRegion,
  options: VcfRegionOptions = {},
): AsyncGenerator<VcfRecord> {
  const file = new TabixIndexedFile({ path, tbiPath: options.tbiPath ?? `${path}.tbi` });
  const headerText = await file.getHeader();
  const { header, text } = await readVcfHeader(
    textLines(headerText)[Symbol.asyncIterator](),
    new ReaderIssues(path),
  );
  const names = new ChromosomeNames(await file.getReferenceSequenceNames());
  const chrom = names.resolve(region.chrom);
  if (chrom === undefined) {
    throw new GenomicsError(
      'UNKNOWN_CHROMOSOME',
      `${path}: chromosome "${region.chrom}" is not in the index (${names.names.slice(0, 10).join(', ')})`,
    );
  }
  const lines: string[] = [];
  await file.getLines(chrom, region.start, region.end, (line) => lines.push(line));
  yield* checked(lines, header, new VCFParser({ header: text }), path, region, options);
}

function* checked(
  lines: string[],
  header: VcfHeader,
  parser: VCFParser,
  path: string,
  region: VcfRegion,
  options: VcfRegionOptions,
): Generator<VcfRecord> {
  const where = `${region.chrom}:${(region.start ?? 0) + 1}-${region.end ?? ''}`;
  const names = new VcfNames(header);
  const infoCache = new InfoEntryCache();
  const ignore = () => undefined;
  for (const [i, line] of lines.entries()) {
    const result = checkVcfLine(line, header, ignore, names, infoCache);
    if ('reason' in result) {
      throw new FormatError(path, 0, `record ${i + 1} of region ${where}: ${result.reason}`);
    }
    yield toVcfRecord(parser, result, 0, { genotypes: options.genotypes ?? false, info: true });
  }
}
