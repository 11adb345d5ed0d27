// Lines of a text source as byte ranges of one reused buffer. Map: `ByteLines` (the line cursor:
// `next` finds a line in what is buffered, `fill` reads more); `openByteLines` (a plain file is
// read straight into the buffer; streams and gzip/bgzip go through their chunks).
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { openDecompressed } from '../io/decompressed.ts';
import { FormatError } from '../errors/format-error.ts';
import { COMPRESSION_SNIFF_BYTES, detectCompression } from '../io/detect-compression.ts';
import type { Compression } from '../io/detect-compression.ts';
import type { TextSource } from '../io/open-text.ts';

const CHUNK = 1 << 16;
const LF = 10;

/** Where more bytes come from: read into the buffer, or handed over as a chunk. */
type Refill =
  | { kind: 'file'; handle: FileHandle }
  | { kind: 'chunks'; chunks: AsyncIterator<Uint8Array>; close: () => void };

/**
 * A cursor over the lines of a text source that makes no string and no object per line: after
 * `next()` returns true, the line is bytes [from, to) of `bytes` (its `\n` dropped, a `\r` kept),
 * numbered `number` from 1. When `next()` returns false, `await fill()` reads more (false at the
 * end). The range stays valid until the next `fill()`. A UTF-8 byte-order mark is skipped, as
 * openText does; lines may be any length (the buffer grows to hold the longest).
 */
export class ByteLines {
  bytes: Buffer = Buffer.allocUnsafe(CHUNK);
  from = 0;
  to = 0;
  number = 0;
  private head = 0;
  private tail = 0;
  private ended = false;
  private bomChecked = false;

  constructor(
    private readonly refill: Refill,
    private readonly label: string,
    private readonly compression: Compression,
  ) {}

  /** Moves to the next complete line in the buffer; false when more must be read first. */
  next(): boolean {
    if (!this.bomChecked) {
      if (this.tail - this.head < 3 && !this.ended) return false;
      this.bomChecked = true;
      const b = this.bytes;
      const h = this.head;
      if (this.tail - h >= 3 && b[h] === 0xef && b[h + 1] === 0xbb && b[h + 2] === 0xbf) {
        this.head += 3;
      }
    }
    if (this.head >= this.tail) return false;
    const nl = this.bytes.indexOf(LF, this.head);
    // A newline past `tail` is stale data from an earlier fill.
    if (nl === -1 || nl >= this.tail) {
      if (!this.ended) return false;
      this.from = this.head;
      this.to = this.tail;
      this.head = this.tail;
    } else {
      this.from = this.head;
      this.to = nl;
      this.head = nl + 1;
    }
    this.number++;
    return true;
  }

  /** Reads more of the source into the buffer; false when it has ended. */
  async fill(): Promise<boolean> {
    if (this.ended) return false;
    this.compact();
    try {
      if (this.refill.kind === 'file') {
        const { bytesRead } = await this.refill.handle.read(
          this.bytes,
          this.tail,
          this.bytes.length - this.tail,
          null,
        );
        if (bytesRead === 0) this.ended = true;
        this.tail += bytesRead;
      } else {
        const chunk = await this.refill.chunks.next();
        if (chunk.done) this.ended = true;
        else this.append(chunk.value);
      }
    } catch (error) {
      if (error instanceof FormatError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new FormatError(
        this.label,
        this.number + 1,
        `${this.compression} data is corrupt or truncated (${reason})`,
      );
    }
    return true;
  }

  /** Copies a chunk in (it may be valid only until the next is read). */
  private append(chunk: Uint8Array): void {
    this.compact();
    if (this.tail + chunk.length > this.bytes.length) {
      this.grow(this.tail + chunk.length);
    }
    this.bytes.set(chunk, this.tail);
    this.tail += chunk.length;
  }

  async close(): Promise<void> {
    if (this.refill.kind === 'file') await this.refill.handle.close();
    else this.refill.close();
  }

  /** Moves the unread bytes to the front, and makes room when a line fills the buffer. */
  private compact(): void {
    if (this.head > 0) {
      this.bytes.copy(this.bytes, 0, this.head, this.tail);
      this.tail -= this.head;
      this.head = 0;
    }
    if (this.tail === this.bytes.length) this.grow(this.bytes.length * 2);
  }

  private grow(size: number): void {
    const bigger = Buffer.allocUnsafe(Math.max(size, this.bytes.length * 2));
    this.bytes.copy(bigger, 0, this.head, this.tail);
    this.tail -= this.head;
    this.head = 0;
    this.bytes = bigger;
  }
}

/**
 * Opens a text source (path, stream or async iterable; plain, gzip or bgzip, told by content) as
 * {@link ByteLines}. A plain file is read with one handle into the reused buffer.
 */
export async function openByteLines(source: TextSource, label: string): Promise<ByteLines> {
  if (typeof source === 'string') {
    const handle = await open(source, 'r');
    const head = Buffer.alloc(COMPRESSION_SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const compression = detectCompression(head.subarray(0, bytesRead));
    if (compression === 'none') return new ByteLines({ kind: 'file', handle }, label, compression);
    await handle.close();
  }
  const { compression, chunks, close } = await openDecompressed(source);
  const refill: Refill = { kind: 'chunks', chunks: chunks[Symbol.asyncIterator](), close };
  return new ByteLines(refill, label, compression);
}
