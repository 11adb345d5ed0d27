// The decompressed bytes of a text source, told plain or gzip/bgzip by content: one mechanism for
// openText (lines as strings) and openByteLines (lines as byte ranges).
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { COMPRESSION_SNIFF_BYTES, detectCompression } from './detect-compression.ts';
import type { Compression } from './detect-compression.ts';
import { copied, copyOf, fileChunks } from './file-chunks.ts';
import type { TextSource } from './open-text.ts';

/**
 * The bytes of a source, chunk by chunk; a file's are views of one reused buffer (fileChunks),
 * each valid until the next is asked for.
 */
export async function* byteChunks(source: TextSource): AsyncGenerator<Uint8Array> {
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
async function sniffCompression(
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
function gunzip(bytes: AsyncIterable<Uint8Array>): Readable {
  const output = createGunzip();
  pipeline(Readable.from(bytes), output, () => {
    // Errors reach the reader through `output`; nothing else to do here.
  });
  return output;
}

/** A source's bytes after decompression; `close()` stops reading (and closes a file). */
export interface Decompressed {
  compression: Compression;
  /** Plain bytes, chunk by chunk; a chunk may be valid only until the next is asked for. */
  chunks: AsyncIterable<Uint8Array>;
  close(): void;
}

/** Opens a source's bytes, plain or gzip/bgzip as its first bytes tell. */
export async function openDecompressed(source: TextSource): Promise<Decompressed> {
  const { compression, bytes } = await sniffCompression(byteChunks(source));
  if (compression === 'none') {
    return { compression, chunks: bytes, close: () => void bytes.return(undefined) };
  }
  const inflated = gunzip(copied(bytes));
  return { compression, chunks: inflated, close: () => inflated.destroy() };
}
