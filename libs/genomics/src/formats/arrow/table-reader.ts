/**
 * Reads a table written by TableWriter (or any Arrow IPC file of the same column types) a chunk
 * at a time, by index, through its footer: a chunk costs one positioned read of its bytes, and
 * its columns are views of them (no decoding, no string per row).
 *
 * @example
 * const table = await TableReader.open('table.arrow');
 * for (let i = 0; i < table.chunks; i++) {
 *   const chunk = await table.chunk(i);
 *   const seq = chunk.text('sequence'); // { bytes, offsets }: row r is bytes[offsets[r]..offsets[r+1])
 *   const labels = chunk.numbers('label'); // a Uint8Array
 * }
 * await table.close();
 */
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { Message, RecordBatchReader } from 'apache-arrow';
import type { AsyncRecordBatchFileReader, RecordBatch } from 'apache-arrow';
import { GenomicsError } from '../../errors/genomics-error.ts';
import type { ColumnSpec, NumericArray } from './column-spec.ts';
import { columnOfField } from './column-spec.ts';

/** A text column of a chunk: row r is the UTF-8 bytes [offsets[r], offsets[r + 1]). */
export interface TextColumn {
  bytes: Uint8Array;
  offsets: Int32Array;
}

/** A list column of a chunk: row r is values [offsets[r], offsets[r + 1]). */
export interface ListColumn {
  values: NumericArray;
  offsets: Int32Array;
}

/** One chunk (record batch) of a table: its rows and typed views of its columns. */
export class TableChunk {
  constructor(
    readonly index: number,
    private readonly batch: RecordBatch,
    private readonly specs: ReadonlyMap<string, ColumnSpec>,
  ) {}

  get rows(): number {
    return this.batch.numRows;
  }

  private data(name: string, want: string) {
    const spec = this.specs.get(name);
    const column = this.batch.getChild(name);
    if (!spec || !column) {
      throw new GenomicsError('UNKNOWN_COLUMN', `the table has no column ${name}`);
    }
    if (column.data.length !== 1) {
      throw new GenomicsError('UNSUPPORTED_FORMAT', `column ${name}: a chunk of several pieces`);
    }
    const data = column.data[0];
    if (data.nullCount > 0) {
      throw new GenomicsError('UNSUPPORTED_FORMAT', `column ${name} holds missing values`);
    }
    const kind = spec.type === 'utf8' ? 'text' : spec.list ? 'list' : 'numbers';
    if (kind !== want) throw new GenomicsError('INVALID_OPTIONS', `column ${name} is not ${want}`);
    return { data, spec };
  }

  /** A text column (ids, sequences). */
  text(name: string): TextColumn {
    const { data } = this.data(name, 'text');
    const offsets = data.valueOffsets as Int32Array;
    return { bytes: data.values as Uint8Array, offsets: offsets.subarray(data.offset) };
  }

  /** A row of a text column as a string. */
  textAt(name: string, row: number): string {
    const { bytes, offsets } = this.text(name);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(
      'utf8',
      offsets[row],
      offsets[row + 1],
    );
  }

  /**
   * A numeric column: one value per row, or a tensor's values per row (rows × values per row,
   * row-major) for a column with a shape.
   */
  numbers(name: string): NumericArray {
    const { data, spec } = this.data(name, 'numbers');
    if (spec.shape) {
      const size = spec.shape.reduce((a, d) => a * d, 1);
      const child = data.children[0];
      const values = child.values as NumericArray;
      return values.subarray(
        (data.offset + child.offset) * size,
        (data.offset + data.length) * size,
      );
    }
    return (data.values as NumericArray).subarray(data.offset, data.offset + data.length);
  }

  /** A list column. */
  list(name: string): ListColumn {
    const { data } = this.data(name, 'list');
    const child = data.children[0];
    return {
      values: (child.values as NumericArray).subarray(child.offset),
      offsets: (data.valueOffsets as Int32Array).subarray(data.offset),
    };
  }
}

/**
 * Buffers a reader's chunk reads reuse, in turn: a chunk read into one is valid until that
 * buffer is read into again, i.e. for the next `count - 1` reads through the same ChunkBuffers.
 * Why: each chunk read otherwise allocates its bytes anew (megabytes), freed only when V8
 * collects them; a pass over a large table then leaves tens of MB of garbage buffers at once,
 * and the allocator keeps that memory, so peak RSS grew with the table's size.
 *
 * @example const buffers = new ChunkBuffers(2); // the chunk in use and the one read ahead
 */
export class ChunkBuffers {
  private readonly slots: (Uint8Array | undefined)[];
  private turn = 0;

  constructor(readonly count: number) {
    if (!Number.isInteger(count) || count < 1) {
      throw new GenomicsError('INVALID_OPTIONS', `ChunkBuffers needs a count ≥ 1, got ${count}`);
    }
    this.slots = new Array<Uint8Array | undefined>(count).fill(undefined);
  }

  /** The next buffer in turn, `bytes` long (grown, with headroom, when too small). */
  take(bytes: number): Uint8Array {
    const k = this.turn;
    this.turn = (k + 1) % this.count;
    let buffer = this.slots[k];
    if (buffer === undefined || buffer.byteLength < bytes) {
      buffer = new Uint8Array(Math.ceil(bytes * 1.25));
      this.slots[k] = buffer;
    }
    return buffer.subarray(0, bytes);
  }
}

/** Where a chunk lies in the file. */
interface ChunkBlock {
  offset: number;
  metaDataLength: number;
  bodyLength: number;
}

/** apache-arrow's (internal) decoding of a record batch message's body into a RecordBatch. */
type LoadRecordBatch = (header: unknown, body: Uint8Array, metadata: unknown) => RecordBatch;

/** An opened table (see the file comment). */
export class TableReader {
  private constructor(
    readonly path: string,
    private readonly reader: AsyncRecordBatchFileReader,
    private readonly handle: FileHandle,
    private readonly blocks: readonly ChunkBlock[],
    readonly columns: readonly ColumnSpec[],
    readonly metadata: ReadonlyMap<string, string>,
    /** Rows of each chunk, in order. */
    readonly chunkRows: readonly number[],
  ) {}

  /**
   * Opens a table; UNREADABLE_TABLE when the file is not an Arrow IPC file. Reads the footer and
   * each chunk's row count (a few bytes per chunk), not the data.
   */
  static async open(path: string): Promise<TableReader> {
    const handle = await open(path, 'r');
    let reader: AsyncRecordBatchFileReader;
    try {
      const opened = await RecordBatchReader.from(handle);
      await opened.open();
      if (!opened.isFile()) throw new Error('not an Arrow IPC file (no footer)');
      reader = opened as AsyncRecordBatchFileReader;
    } catch (error) {
      await handle.close().catch(() => undefined);
      const why = error instanceof Error ? error.message : String(error);
      throw new GenomicsError('UNREADABLE_TABLE', `${path}: not a readable Arrow table (${why})`);
    }
    const chunkRows: number[] = [];
    const blocks: ChunkBlock[] = [];
    for (const block of reader.footer?.recordBatches() ?? []) {
      chunkRows.push(await recordBatchLength(handle, block));
      blocks.push({
        offset: Number(block.offset),
        metaDataLength: block.metaDataLength,
        bodyLength: Number(block.bodyLength),
      });
    }
    const schema = reader.schema;
    return new TableReader(
      path,
      reader,
      handle,
      blocks,
      schema.fields.map(columnOfField),
      schema.metadata,
      chunkRows,
    );
  }

  /** Rows in all. */
  get rows(): number {
    return this.chunkRows.reduce((a, n) => a + n, 0);
  }

  get chunks(): number {
    return this.chunkRows.length;
  }

  /** Reads of the file, one at a time: apache-arrow's reader seeks a shared position. */
  private pending: Promise<unknown> = Promise.resolve();

  /**
   * Reads chunk `index` (0-based): into its own new bytes, or into the next of `buffers` (then
   * the chunk is valid only until that buffer is read into again; see ChunkBuffers).
   */
  chunk(index: number, buffers?: ChunkBuffers): Promise<TableChunk> {
    const read = this.pending.then(() => this.read(index, buffers));
    this.pending = read.catch(() => undefined);
    return read;
  }

  private async read(index: number, buffers: ChunkBuffers | undefined): Promise<TableChunk> {
    if (!Number.isInteger(index) || index < 0 || index >= this.chunks) {
      throw new GenomicsError(
        'OUT_OF_RANGE',
        `${this.path}: chunk ${index} of a table of ${this.chunks}`,
      );
    }
    const batch = buffers
      ? await this.readInto(index, buffers)
      : await this.reader.readRecordBatch(index);
    if (!batch)
      throw new GenomicsError('UNREADABLE_TABLE', `${this.path}: chunk ${index} is missing`);
    return new TableChunk(index, batch, new Map(this.columns.map((c) => [c.name, c])));
  }

  /**
   * One positioned read of chunk `index`'s message and body into a buffer of `buffers`, decoded
   * by apache-arrow as its own readRecordBatch does (the columns are views of those bytes).
   */
  private async readInto(index: number, buffers: ChunkBuffers): Promise<RecordBatch | null> {
    const block = this.blocks[index] as ChunkBlock;
    const load = loaderOf(this.reader);
    if (load === undefined) return this.reader.readRecordBatch(index);
    const length = block.metaDataLength + block.bodyLength;
    const bytes = buffers.take(length);
    const { bytesRead } = await this.handle.read(bytes, 0, length, block.offset);
    if (bytesRead !== length) {
      throw new GenomicsError(
        'UNREADABLE_TABLE',
        `${this.path}: chunk ${index} is cut short (${bytesRead} of ${length} bytes)`,
      );
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, 4);
    const prefix = view.getInt32(0, true) === -1 ? 8 : 4;
    const message = Message.decode(bytes.subarray(prefix, block.metaDataLength));
    if (!message.isRecordBatch()) {
      throw new GenomicsError(
        'UNREADABLE_TABLE',
        `${this.path}: chunk ${index} is not a record batch`,
      );
    }
    return load(message.header(), bytes.subarray(block.metaDataLength), message.metadata);
  }

  async close(): Promise<void> {
    await this.reader.cancel();
  }
}

/**
 * apache-arrow's `_loadRecordBatch` of an opened file reader (the version is pinned; a reader
 * without it reads through readRecordBatch, each chunk into new bytes).
 */
function loaderOf(reader: AsyncRecordBatchFileReader): LoadRecordBatch | undefined {
  const impl = (reader as unknown as { _impl?: { _loadRecordBatch?: unknown } })._impl;
  const load = impl?._loadRecordBatch;
  return typeof load === 'function' ? (load.bind(impl) as LoadRecordBatch) : undefined;
}

/**
 * The row count of a record batch, read from its message header: the continuation marker and
 * length (8 bytes), then the flatbuffer Message whose RecordBatch header holds `length`. Reading
 * the header alone (not the body) keeps opening a table of thousands of chunks cheap.
 */
async function recordBatchLength(
  handle: FileHandle,
  block: { offset: number; metaDataLength: number },
): Promise<number> {
  const buffer = new Uint8Array(block.metaDataLength);
  await handle.read(buffer, 0, buffer.length, Number(block.offset));
  const prefix = new DataView(buffer.buffer).getInt32(0, true) === -1 ? 8 : 4;
  const header = Message.decode(buffer.subarray(prefix)).header() as { length: unknown } | null;
  return Number(header?.length ?? 0);
}
