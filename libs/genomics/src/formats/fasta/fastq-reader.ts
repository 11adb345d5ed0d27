import { FormatError } from '../../errors/format-error.ts';
import type { TextSource } from '../../io/open-text.ts';
import { openText, sourceLabel } from '../../io/open-text.ts';
import type { ReadOptions } from '../../warnings/read-warning.ts';
import { ReaderIssues } from '../../warnings/reader-issues.ts';
import { parseFastaHeader } from './fasta-reader.ts';

/** One FASTQ read. */
export interface FastqRecord {
  id: string;
  description: string;
  sequence: string;
  /** Phred+33 quality string, one character per base. */
  quality: string;
  /** Line number of the `@` header. */
  line: number;
}

const SEQUENCE = /^[A-Za-z.*-]*$/;
const QUALITY = /^[!-~]*$/;

/**
 * Streams a FASTQ file (plain, gzip or bgzip) of 4-line records: `@id description`, sequence,
 * `+` (optionally repeating the header), quality of the same length as the sequence (Phred+33,
 * characters `!` to `~`). Blank lines at the end are allowed.
 */
export async function* readFastq(
  source: TextSource,
  options: ReadOptions = {},
): AsyncGenerator<FastqRecord> {
  const label = sourceLabel(source, options.label);
  const issues = new ReaderIssues(label, options);
  let lines: { line: string; number: number }[] = [];
  let blankAt: number | undefined;
  for await (const { line, number } of openText(source, { label, issues })) {
    if (lines.length === 0 && line.trim() === '') {
      blankAt ??= number;
      continue;
    }
    if (blankAt !== undefined) throw new FormatError(label, blankAt, 'empty line between records');
    lines.push({ line, number });
    if (lines.length === 4) {
      yield toRecord(lines, label);
      lines = [];
    }
  }
  if (lines.length > 0) {
    const last = lines[lines.length - 1].number;
    throw new FormatError(
      label,
      last,
      `the file ends inside a record (${lines.length} of its 4 lines)`,
    );
  }
}

function toRecord(lines: { line: string; number: number }[], label: string): FastqRecord {
  const [head, seq, plus, qual] = lines;
  if (!head.line.startsWith('@')) {
    throw new FormatError(
      label,
      head.number,
      `a record must start with "@", got ${JSON.stringify(head.line.slice(0, 20))}`,
    );
  }
  const { id, description } = parseFastaHeader(head.line);
  if (id === '') throw new FormatError(label, head.number, 'the "@" header has no read ID');
  if (!SEQUENCE.test(seq.line))
    throw new FormatError(label, seq.number, `read ${id}: the sequence has an invalid character`);
  if (!plus.line.startsWith('+')) {
    throw new FormatError(label, plus.number, `read ${id}: the third line must start with "+"`);
  }
  const repeated = plus.line.slice(1).trim();
  if (repeated !== '' && repeated !== head.line.slice(1).trim() && repeated !== id) {
    throw new FormatError(
      label,
      plus.number,
      `read ${id}: the "+" line names another read (${JSON.stringify(repeated)})`,
    );
  }
  if (!QUALITY.test(qual.line))
    throw new FormatError(
      label,
      qual.number,
      `read ${id}: the quality has a character outside ! to ~`,
    );
  if (qual.line.length !== seq.line.length) {
    throw new FormatError(
      label,
      qual.number,
      `read ${id}: ${qual.line.length} quality values for ${seq.line.length} bases`,
    );
  }
  return { id, description, sequence: seq.line, quality: qual.line, line: head.number };
}
