import { FormatError } from '../../errors/format-error.ts';
import type { TextSource } from '../../io/open-text.ts';
import { openText, sourceLabel } from '../../io/open-text.ts';
import type { ReadOptions } from '../../warnings/read-warning.ts';
import { ReaderIssues } from '../../warnings/reader-issues.ts';

/** One FASTA record. */
export interface FastaRecord {
  /** First word of the `>` header. */
  id: string;
  /** The rest of the header after the ID (may be empty). */
  description: string;
  /** The sequence, lines joined, case kept (lowercase = soft-masked). */
  sequence: string;
  /** Line number of the header. */
  line: number;
}

// Letters (IUPAC codes, any case), gaps and the stop/terminal `*`.
const SEQUENCE_LINE = /^[A-Za-z*.-]*$/;

/** Splits a `>` header line into ID (first word) and description. */
export function parseFastaHeader(header: string): { id: string; description: string } {
  const text = header.slice(1).trim();
  const space = text.search(/\s/);
  return space === -1
    ? { id: text, description: '' }
    : { id: text.slice(0, space), description: text.slice(space + 1).trim() };
}

/**
 * Streams the records of a FASTA file (plain, gzip or bgzip). Each record is yielded when the
 * next header (or the end) is reached, so memory holds one record at a time. Blank lines and
 * `;` comment lines are skipped; anything else that is not a sequence line is a FormatError.
 */
export async function* readFasta(
  source: TextSource,
  options: ReadOptions = {},
): AsyncGenerator<FastaRecord> {
  const label = sourceLabel(source, options.label);
  const issues = new ReaderIssues(label, options);
  let current: { id: string; description: string; line: number; parts: string[] } | undefined;
  for await (const { line, number } of openText(source, { label, issues })) {
    if (line.startsWith('>')) {
      if (current) yield finish(current);
      const { id, description } = parseFastaHeader(line);
      if (id === '') throw new FormatError(label, number, 'the ">" header has no sequence ID');
      current = { id, description, line: number, parts: [] };
      continue;
    }
    const text = line.trimEnd();
    if (text === '' || text.startsWith(';')) continue;
    if (!current) throw new FormatError(label, number, 'sequence data before the first ">" header');
    if (!SEQUENCE_LINE.test(text)) {
      const bad = text.search(/[^A-Za-z*.-]/);
      throw new FormatError(
        label,
        number,
        `invalid character ${JSON.stringify(text[bad])} at column ${bad + 1} of sequence ${current.id}`,
      );
    }
    current.parts.push(text);
  }
  if (current) yield finish(current);
}

function finish(record: {
  id: string;
  description: string;
  line: number;
  parts: string[];
}): FastaRecord {
  const { id, description, line, parts } = record;
  return { id, description, sequence: parts.join(''), line };
}
