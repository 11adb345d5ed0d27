import { FormatError } from '../../errors/format-error.ts';
import type { TextLine } from '../../io/open-text.ts';
import type { VcfContig, VcfHeader } from './vcf-header.ts';
import { definitionOf, parseColumnHeader } from './vcf-header.ts';
import type { VcfMetaLine } from './vcf-meta-line.ts';
import { checkMetaLine } from './vcf-meta-line.ts';
import type { VcfFieldDefinition } from './vcf-reserved.ts';
import type { VcfVersion } from './vcf-version.ts';
import { excerpt, parseFileformat, vcfAtLeast } from './vcf-version.ts';

/** The header, its text (for @gmod/vcf) and the number of its last line. */
export interface ReadVcfHeader {
  header: VcfHeader;
  text: string;
  lastLine: number;
}

// Control characters other than tab have no place in a VCF (a stray CR would also split a
// line in two for other readers).
/** Whether a char code is a control character other than tab. */
const isControl = (code: number) => (code < 32 && code !== 9) || code === 127;

/** The reason a line holds a control character, or undefined. */
export function controlCharacterProblem(line: string): string | undefined {
  let at = 0;
  while (at < line.length && !isControl(line.charCodeAt(at))) at++;
  return at === line.length
    ? undefined
    : `control character U+${line.charCodeAt(at).toString(16).padStart(4, '0').toUpperCase()} at column ${at + 1}`;
}

/** From 4.3 the file must end with a newline (the EBI vcf-validator grammar for 4.3 requires it). */
export function missingNewline(line: TextLine, version: VcfVersion): boolean {
  return !line.terminated && vcfAtLeast(version, '4.3');
}

/** Collects the definitions and contigs a checked meta line declares. */
class HeaderParts {
  readonly info = new Map<string, VcfFieldDefinition>();
  readonly format = new Map<string, VcfFieldDefinition>();
  readonly filters = new Map<string, string>();
  readonly contigs: VcfContig[] = [];

  add(meta: VcfMetaLine, version: VcfVersion): string | undefined {
    const field = (key: string) => meta.fields?.find((f) => f.key === key)?.value;
    if (meta.key === 'INFO' || meta.key === 'FORMAT') {
      const result = definitionOf(meta.key, meta, version);
      if ('reason' in result) return result.reason;
      (meta.key === 'INFO' ? this.info : this.format).set(result.id, result.definition);
    } else if (meta.key === 'FILTER') {
      this.filters.set(field('ID') ?? '', field('Description') ?? '');
    } else if (meta.key === 'contig') {
      const length = field('length');
      this.contigs.push({ id: field('ID') ?? '', ...(length ? { length: Number(length) } : {}) });
    }
    return undefined;
  }
}

/**
 * Reads and checks the header from a line iterator positioned at the start of the file: the
 * `##fileformat` line, meta lines, then the `#CHROM` line. Throws a FormatError at the first
 * problem.
 */
export async function readVcfHeader(
  lines: AsyncIterator<TextLine>,
  label: string,
): Promise<ReadVcfHeader> {
  const first = await lines.next();
  if (first.done)
    throw new FormatError(label, 1, 'the file is empty; a VCF starts with ##fileformat=VCFv4.x');
  const version = parseFileformat(first.value.line);
  if (typeof version !== 'string') throw new FormatError(label, 1, version.reason);
  const meta: VcfMetaLine[] = [{ key: 'fileformat', value: `VCFv${version}` }];
  const parts = new HeaderParts();
  const text: string[] = [first.value.line];
  let last = first.value;
  for (;;) {
    if (missingNewline(last, version)) {
      throw new FormatError(label, last.number, 'the file does not end with a newline');
    }
    const next = await lines.next();
    if (next.done)
      throw new FormatError(label, last.number + 1, 'the header ends without a #CHROM line');
    last = next.value;
    const { line, number } = last;
    const control = controlCharacterProblem(line);
    if (control) throw new FormatError(label, number, control);
    text.push(line);
    if (line.startsWith('##')) {
      const checked = checkMetaLine(line, version);
      const problem = 'reason' in checked ? checked.reason : parts.add(checked, version);
      if (problem) throw new FormatError(label, number, problem);
      meta.push(checked as VcfMetaLine);
    } else if (line.startsWith('#')) {
      const samples = parseColumnHeader(line);
      if (!Array.isArray(samples)) throw new FormatError(label, number, samples.reason);
      if (missingNewline(last, version)) {
        throw new FormatError(label, number, 'the file does not end with a newline');
      }
      const { info, format, filters, contigs } = parts;
      const header: VcfHeader = { version, samples, contigs, info, format, filters, meta };
      return { header, text: text.join('\n'), lastLine: number };
    } else {
      throw new FormatError(
        label,
        number,
        `expected a ## meta line or the #CHROM line, got ${excerpt(line)}`,
      );
    }
  }
}
