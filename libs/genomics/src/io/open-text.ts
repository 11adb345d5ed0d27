import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { FormatError } from '../errors/format-error.ts';
import type { ReaderIssues } from '../warnings/reader-issues.ts';
import { BOM_RULE, CRLF_RULE } from '../warnings/text-rules.ts';
import { copied, copyOf, fileChunks } from './file-chunks.ts';
import { COMPRESSION_SNIFF_BYTES, detectCompression } from './detect-compression.ts';
import type { Compression } from './detect-compression.ts';

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
 * The bytes of a source, chunk by chunk; a file's are views of one reused buffer (fileChunks),
 * each valid until the next is asked for.
 */
async function* byteChunks(source: TextSource): AsyncGenerator<Uint8Array> {
  if (typeof source === 'string') {
    yield* fileChunks(source);
    return;
  }
  for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
    yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  }
}

/**
 * Reads enough leading bytes to detect compression, then yields them and the rest again:
 * the peeked chunks are replayed, so nothing is read twice and nothing is held.
 */
async function sniff(
  chunks: AsyncGenerator<Uint8Array>,
): Promise<{ compression: Compression; bytes: AsyncGenerator<Uint8Array> }> {
  const head: Uint8Array[] = [];
  let size = 0;
  while (size < COMPRESSION_SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done) break;
    size += next.value.length;
    // A chunk is valid until the next read (byteChunks): keep a copy when reading on.
    head.push(size < COMPRESSION_SNIFF_BYTES ? copyOf(next.value) : next.value);
  }
  const compression = detectCompression(Buffer.concat(head));
  async function* replay(): AsyncGenerator<Uint8Array> {
    try {
      yield* head;
      yield* chunks;
    } finally {
      // Stopped while replaying the head, `yield* head` would not stop the source (a file).
      await chunks.return(undefined);
    }
  }
  return { compression, bytes: replay() };
}

/**
 * Decompresses a gzip stream. Node's gunzip reads concatenated members, so bgzip (a series of
 * gzip blocks) works too. `pipeline` tears the whole chain down (closing the file) when the
 * reader stops early or the data is corrupt.
 */
function gunzip(bytes: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const output = createGunzip();
  pipeline(Readable.from(bytes), output, () => {
    // Errors reach the reader through `output`; nothing else to do here.
  });
  return output;
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
  const { compression, bytes } = await sniff(byteChunks(source));
  options.onCompression?.(compression);
  const decoded = compression === 'none' ? bytes : gunzip(copied(bytes));
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
