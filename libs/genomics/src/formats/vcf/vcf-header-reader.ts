import { FormatError } from '../../errors/format-error.ts';
import type { TextLine } from '../../io/open-text.ts';
import type { ReaderIssues } from '../../warnings/reader-issues.ts';
import type { VcfContig, VcfHeader } from './vcf-header.ts';
import { definitionOf, parseColumnHeader } from './vcf-header.ts';
import { looseMetaLine } from './vcf-meta-line-loose.ts';
import type { VcfMetaLine } from './vcf-meta-line.ts';
import { checkMetaLine } from './vcf-meta-line.ts';
import type { VcfFieldDefinition } from './vcf-reserved.ts';
import { VCF_RULES } from './vcf-rules.ts';
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

/** Warns (or, strict, throws) when a 4.3+ file's last line has no newline. */
export function checkNewline(line: TextLine, version: VcfVersion, issues: ReaderIssues): void {
  if (missingNewline(line, version)) {
    issues.warn(
      line.number,
      VCF_RULES.missingNewline,
      'the file does not end with a newline',
      'read the last line as it is',
    );
  }
}

/** Collects the definitions and contigs a checked meta line declares. */
class HeaderParts {
  readonly info = new Map<string, VcfFieldDefinition>();
  readonly format = new Map<string, VcfFieldDefinition>();
  readonly filters = new Map<string, string>();
  readonly contigs: VcfContig[] = [];

  add(meta: VcfMetaLine, version: VcfVersion, issues: ReaderIssues, line: number): void {
    const field = (key: string) => meta.fields?.find((f) => f.key === key)?.value;
    if (meta.key === 'INFO' || meta.key === 'FORMAT') {
      const { id, definition, mismatch } = definitionOf(meta.key, meta, version);
      if (mismatch) {
        issues.warn(
          line,
          VCF_RULES.reservedDefinition,
          mismatch,
          `read ${id} with the header's Number=${definition.number}, Type=${definition.type}, as htslib does`,
        );
      }
      (meta.key === 'INFO' ? this.info : this.format).set(id, definition);
    } else if (meta.key === 'FILTER') {
      this.filters.set(field('ID') ?? '', field('Description') ?? '');
    } else if (meta.key === 'contig') {
      const length = field('length');
      this.contigs.push({ id: field('ID') ?? '', ...(length ? { length: Number(length) } : {}) });
    }
  }
}

/**
 * Reads and checks the header from a line iterator positioned at the start of the file: the
 * `##fileformat` line, meta lines, then the `#CHROM` line. A meta line that breaks its key's
 * rules is read as far as it can be, with a warning (see VCF_RULES); the first line, a line that
 * is not a `##` line and the `#CHROM` line must be right: otherwise a FormatError.
 */
export async function readVcfHeader(
  lines: AsyncIterator<TextLine>,
  issues: ReaderIssues,
): Promise<ReadVcfHeader> {
  const { label } = issues;
  const first = await lines.next();
  if (first.done)
    throw new FormatError(label, 1, 'the file is empty; a VCF starts with ##fileformat=VCFv4.x');
  const fileformat = parseFileformat(first.value.line);
  if ('reason' in fileformat) throw new FormatError(label, 1, fileformat.reason);
  const { version, declared, legacy } = fileformat;
  if (legacy) issues.warn(1, VCF_RULES.version, legacy, `read it with the VCF ${version} rules`);
  const meta: VcfMetaLine[] = [{ key: 'fileformat', value: `VCFv${declared}` }];
  const parts = new HeaderParts();
  const text: string[] = [first.value.line];
  let last = first.value;
  for (;;) {
    checkNewline(last, version, issues);
    const next = await lines.next();
    if (next.done)
      throw new FormatError(label, last.number + 1, 'the header ends without a #CHROM line');
    last = next.value;
    const { line, number } = last;
    const control = controlCharacterProblem(line);
    if (control) throw new FormatError(label, number, control);
    if (line.startsWith('##')) {
      const checked = checkMetaLine(line, version);
      let read: VcfMetaLine | undefined;
      let parserText: string | undefined = line;
      if ('reason' in checked) {
        const loose = looseMetaLine(line, version);
        issues.warn(number, VCF_RULES.metaLine, checked.reason, loose.action);
        ({ meta: read, parserText } = loose);
      } else read = checked;
      if (read) {
        parts.add(read, version, issues, number);
        meta.push(read);
      }
      if (parserText !== undefined) text.push(parserText);
    } else if (line.startsWith('#')) {
      const samples = parseColumnHeader(line);
      if (!Array.isArray(samples)) throw new FormatError(label, number, samples.reason);
      checkNewline(last, version, issues);
      text.push(line);
      const { info, format, filters, contigs } = parts;
      const header: VcfHeader = {
        version,
        declaredVersion: declared,
        samples,
        contigs,
        info,
        format,
        filters,
        meta,
      };
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
