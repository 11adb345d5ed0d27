/**
 * Reading a file chunk by chunk into one reused buffer.
 *
 * Why not `createReadStream`: a read stream allocates a new 64 KiB buffer for every read,
 * outside V8's heap, and that garbage is collected only once V8 has counted enough external
 * memory (tens of MB). One buffer, read into again and again, leaves none. Every file Strand
 * streams or hashes is read this way (openText, ByteLines, imports, checksums).
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

/** Bytes a file is read by. */
export const FILE_CHUNK_BYTES = 64 * 1024;

/**
 * The bytes of a file, chunk by chunk: views of one buffer, each valid only until the next chunk
 * is asked for (a consumer that keeps bytes longer copies them). The file is closed when the
 * iteration ends, is stopped early, or throws.
 */
export async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafeSlow(FILE_CHUNK_BYTES);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, FILE_CHUNK_BYTES, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/**
 * The SHA-256 (hex) of the files' bytes one after another (one file: its own SHA-256);
 * `onChunk` is told each chunk's size as it is read, and may throw to stop.
 */
export async function sha256OfFiles(
  paths: readonly string[],
  onChunk?: (bytes: number) => void,
): Promise<string> {
  const hash = createHash('sha256');
  for (const path of paths) {
    for await (const chunk of fileChunks(path)) {
      hash.update(chunk);
      onChunk?.(chunk.length);
    }
  }
  return hash.digest('hex');
}

/** A copy of a chunk's bytes (Buffer#slice would be a view of the same memory). */
export function copyOf(chunk: Uint8Array): Uint8Array {
  return Uint8Array.prototype.slice.call(chunk);
}

/** Each chunk copied: for a consumer that holds chunks past the next read (a gunzip's queue). */
export async function* copied(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) yield copyOf(chunk);
}
