import VCFParser from '@gmod/vcf';
import { FormatError } from '../../errors/format-error.ts';
import type { TextLine, TextSource } from '../../io/open-text.ts';
import { openText, sourceLabel } from '../../io/open-text.ts';
import type { VcfHeader } from './vcf-header.ts';
import { controlCharacterProblem, missingNewline, readVcfHeader } from './vcf-header-reader.ts';
import type { CheckedVcfLine } from './vcf-line-check.ts';
import { checkVcfLine } from './vcf-line-check.ts';
import { VcfOrderCheck } from './vcf-order-check.ts';
import type { VcfRecord } from './vcf-record.ts';

/** Options of {@link openVcf}. */
export interface OpenVcfOptions {
  /** Names the source in errors; defaults to the path. */
  label?: string;
  /** Parse the per-sample FORMAT values into `record.samples` (off by default: it is costly). */
  genotypes?: boolean;
}

/** An open VCF: its header, and its records as an async iterable (read once). */
export interface VcfFile extends AsyncIterable<VcfRecord> {
  header: VcfHeader;
}

function parseQual(qual: string): number | null {
  if (qual === '.') return null;
  const word = qual.toLowerCase().replace(/^\+/, '');
  if (word === 'inf' || word === 'infinity') return Infinity;
  return word === 'nan' ? NaN : Number(qual);
}

/** Builds a record from a checked line; @gmod/vcf parses INFO and the samples. */
export function toVcfRecord(
  parser: VCFParser,
  checked: CheckedVcfLine,
  text: string,
  line: number,
  genotypes: boolean,
): VcfRecord {
  const variant = parser.parseLine(text);
  const [, , id, , , qual, filter] = checked.columns;
  const record: VcfRecord = {
    line,
    chrom: checked.chrom,
    pos: checked.pos,
    id: id === '.' ? [] : id.split(';'),
    ref: checked.ref,
    alts: checked.alts,
    qual: parseQual(qual),
    filter: filter === '.' ? [] : filter.split(';'),
    info: variant.INFO,
  };
  if (genotypes) record.samples = variant.SAMPLES();
  return record;
}

async function* records(
  lines: AsyncIterator<TextLine>,
  header: VcfHeader,
  parser: VCFParser,
  label: string,
  genotypes: boolean,
): AsyncGenerator<VcfRecord> {
  const order = new VcfOrderCheck();
  let blank: number | undefined;
  try {
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      const { line, number } = next.value;
      if (line === '') {
        blank ??= number;
        continue;
      }
      if (blank !== undefined) throw new FormatError(label, blank, 'empty line between records');
      if (line.startsWith('#'))
        throw new FormatError(label, number, 'a header line after the #CHROM line');
      const control = controlCharacterProblem(line);
      if (control) throw new FormatError(label, number, control);
      const checked = checkVcfLine(line, header);
      if ('reason' in checked) throw new FormatError(label, number, checked.reason);
      const disorder = order.next(checked.chrom, checked.pos, checked.ref, checked.alts);
      if (disorder) throw new FormatError(label, number, disorder);
      if (missingNewline(next.value, header.version)) {
        throw new FormatError(label, number, 'the file does not end with a newline');
      }
      yield toVcfRecord(parser, checked, line, number, genotypes);
    }
  } finally {
    await lines.return?.();
  }
}

/**
 * Opens a VCF (plain, gzip or bgzip; 4.1–4.5), reads and checks its header, and returns it with
 * its records as a stream. Every line is checked against the spec of the file's version
 * (Strand's validation layer on top of @gmod/vcf, which parses but tolerates much); the first
 * violation throws a FormatError `file:line: reason`.
 */
export async function openVcf(source: TextSource, options: OpenVcfOptions = {}): Promise<VcfFile> {
  const label = sourceLabel(source, options.label);
  const lines = openText(source, { label });
  let read;
  try {
    read = await readVcfHeader(lines, label);
  } catch (error) {
    await lines.return(undefined);
    throw error;
  }
  const { header, text } = read;
  const parser = new VCFParser({ header: text });
  let used = false;
  return {
    header,
    [Symbol.asyncIterator]() {
      if (used) throw new Error('the records of a VcfFile can be read only once');
      used = true;
      return records(lines, header, parser, label, options.genotypes ?? false);
    },
  };
}
