import { FormatError } from '../errors/format-error.ts';
import type { ReaderIssues } from '../warnings/reader-issues.ts';
import { BOM_RULE, CRLF_RULE } from '../warnings/text-rules.ts';
import type { Compression } from './detect-compression.ts';
import { openDecompressed } from './decompressed.ts';

/**
 * A file path, a Node stream, or any async iterable of byte (or string) chunks. A chunk need stay
 * valid only until the next is asked for (fileChunks reuses one buffer): readers copy what they keep.
 */
export type TextSource = string | NodeJS.ReadableStream | AsyncIterable<Uint8Array | string>;

/** One line of text, without its line terminator (LF or CRLF). */
export interface TextLine {
  line: string;
  /** 1-based line number. */
  number: number;
  /** Whether the line ended with a newline (false only for a last line without one). */
  terminated: boolean;
}

/** Options of {@link openText}. */
export interface OpenTextOptions {
  /** Names the source in errors; defaults to the path, or `<stream>`. */
  label?: string;
  /** Called once with the detected compression, before the first line. */
  onCompression?: (compression: Compression) => void;
  /** Told (once each) of a byte-order mark and of Windows line endings; both are read anyway. */
  issues?: ReaderIssues;
}

/** The label errors use for a source. */
export function sourceLabel(source: TextSource, label?: string): string {
  return label ?? (typeof source === 'string' ? source : '<stream>');
}

/**
 * Streams the lines of a text file, plain, gzip or bgzip (detected from the content, not the
 * name). CRLF endings and a UTF-8 byte-order mark are read (and reported to `issues` once each).
 * Memory stays flat: only the current chunk and one partial line are held. Corrupt compressed
 * data throws a FormatError at the line being read.
 */
export async function* openText(
  source: TextSource,
  options: OpenTextOptions = {},
): AsyncGenerator<TextLine> {
  const label = sourceLabel(source, options.label);
  const { compression, chunks: decoded } = await openDecompressed(source);
  options.onCompression?.(compression);
  // ignoreBOM keeps a byte-order mark in the text, so that it can be reported.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let pending = '';
  let number = 0;
  let first = true;
  let crlf = false;
  const { issues } = options;
  try {
    for await (const chunk of decoded) {
      let text = pending + decoder.decode(chunk, { stream: true });
      if (first && text.length > 0) {
        if (text.charCodeAt(0) === 0xfeff) {
          text = text.slice(1);
          issues?.warn(1, BOM_RULE, 'the file starts with a UTF-8 byte-order mark', 'skipped it');
        }
        first = false;
      }
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        let stop = end;
        if (end > start && text.charCodeAt(end - 1) === 13) {
          stop = end - 1;
          if (!crlf && issues) {
            crlf = true;
            issues.warn(
              number + 1,
              CRLF_RULE,
              'the file has Windows line endings (CR LF)',
              'read every line without its CR',
            );
          }
        }
        yield { line: text.slice(start, stop), number: ++number, terminated: true };
        start = end + 1;
      }
      pending = text.slice(start);
    }
  } catch (error) {
    if (error instanceof FormatError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new FormatError(
      label,
      number + 1,
      `${compression} data is corrupt or truncated (${reason})`,
    );
  }
  pending += decoder.decode();
  if (pending.length > 0) {
    const line = pending.endsWith('\r') ? pending.slice(0, -1) : pending;
    yield { line, number: ++number, terminated: false };
  }
}
