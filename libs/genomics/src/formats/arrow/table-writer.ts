/**
 * Strand's dataset store: a table of named, typed columns written chunk by chunk as an Apache
 * Arrow IPC file (the "Feather v2" format), read back a chunk at a time (table-reader.ts).
 *
 * Why Arrow IPC. Measured on 2,000,000 × 101 bp (id, label, 3 task columns, sequence; chunks of
 * 32,768 rows; this machine, see notes/store.md) against Parquet (hyparquet-writer +
 * hyparquet, snappy): writing 0.51 M vs 0.16 M records/s, a streaming read 5.9 M vs 1.9 M
 * records/s, one random chunk 4.8 ms vs 19 ms, peak RSS 132–143 MB vs 112–229 MB, file 245 MB vs
 * 109 MB. Arrow's columns are read without decoding — a chunk's sequences are one Uint8Array of
 * IUPAC letters and its labels a typed array, one-hot encoded straight from the bytes — which is
 * what keeps a training loader at millions of records/s, and a fixed-size tensor per row (a
 * FixedSizeList, e.g. a pileup) is one typed array too. The price is size: uncompressed, one
 * byte per base (apache-arrow 21 writes IPC compression only with a codec we would have to
 * bring). The file opens in Python as it is: `pyarrow.ipc.open_file(path).read_all()`,
 * `pyarrow.feather.read_table(path)`, `pandas.read_feather(path)`.
 *
 * Use (any columns; datasets, pileups):
 *   const w = TableWriter.create(path, { columns: [{ name: 'id', type: 'utf8' },
 *     { name: 'pileup', type: 'uint8', shape: [100, 221, 7] }], metadata: { kind: 'pileups' } });
 *   w.append({ id: 'r1', pileup: tensor }); …
 *   const { rows, sha256 } = w.close();   // or w.abort() to remove the file
 * Rows are buffered into a chunk of `chunkRows` (a record batch) and each full chunk is written
 * synchronously; memory is one chunk however many rows. The SHA-256 of the file is computed as
 * it is written.
 */
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { AsyncByteQueue, RecordBatch, RecordBatchFileWriter, Schema } from 'apache-arrow';
import { GenomicsError } from '../../errors/genomics-error.ts';
import type { TableRow } from './chunk-builder.ts';
import { ChunkBuilder } from './chunk-builder.ts';
import type { ColumnSpec } from './column-spec.ts';
import { checkColumn } from './column-spec.ts';

/** Options of {@link TableWriter.create}. */
export interface TableWriterOptions {
  columns: readonly ColumnSpec[];
  /** Rows per chunk (Arrow record batch): the unit of reading and shuffling. Default 16,384. */
  chunkRows?: number;
  /** Key-value metadata of the table (Arrow schema metadata). */
  metadata?: Readonly<Record<string, string>>;
}

/** What a closed table holds. */
export interface WrittenTable {
  rows: number;
  chunks: number;
  bytes: number;
  /** SHA-256 (hex) of the file. */
  sha256: string;
}

export const DEFAULT_CHUNK_ROWS = 16_384;

/**
 * The byte sink of apache-arrow's writer: each piece goes straight to the file descriptor (so
 * nothing queues in memory) and into the running hash.
 */
class FileSink extends AsyncByteQueue {
  bytes = 0;

  constructor(
    private readonly fd: number,
    private readonly hash: Hash,
  ) {
    super();
  }

  override write(value: Uint8Array): void {
    this.hash.update(value);
    let done = 0;
    while (done < value.byteLength) {
      done += writeSync(this.fd, value, done, value.byteLength - done);
    }
    this.bytes += value.byteLength;
  }

  override close(): void {
    // The descriptor is closed by the TableWriter.
  }
}

/** Writes a table chunk by chunk (see the file comment). */
export class TableWriter {
  private readonly chunk: ChunkBuilder;
  private readonly writer = new RecordBatchFileWriter();
  private readonly schema: Schema;
  private readonly sink: FileSink;
  private readonly hash = createHash('sha256');
  private rowCount = 0;
  private chunkCount = 0;
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly fd: number,
    options: TableWriterOptions,
  ) {
    const chunkRows = options.chunkRows ?? DEFAULT_CHUNK_ROWS;
    if (!Number.isInteger(chunkRows) || chunkRows < 1) {
      throw new GenomicsError(
        'INVALID_OPTIONS',
        `chunkRows must be an integer ≥ 1, got ${chunkRows}`,
      );
    }
    const names = new Set<string>();
    for (const c of options.columns) {
      checkColumn(c);
      if (names.has(c.name)) {
        throw new GenomicsError('INVALID_OPTIONS', `column ${c.name} is named twice`);
      }
      names.add(c.name);
    }
    if (names.size === 0) throw new GenomicsError('INVALID_OPTIONS', 'a table needs a column');
    this.chunk = new ChunkBuilder(options.columns, chunkRows);
    this.schema = new Schema(this.chunk.fields, new Map(Object.entries(options.metadata ?? {})));
    this.sink = new FileSink(fd, this.hash);
    this.writer.reset(this.sink as unknown as AsyncByteQueue, this.schema);
  }

  /** Creates (or replaces) the file at `path`. */
  static create(path: string, options: TableWriterOptions): TableWriter {
    const fd = openSync(path, 'w');
    try {
      return new TableWriter(path, fd, options);
    } catch (error) {
      closeSync(fd);
      rmSync(path, { force: true });
      throw error;
    }
  }

  /** Rows appended so far. */
  get rows(): number {
    return this.rowCount;
  }

  /** Appends a row (a value for every column); a full chunk is written at once. */
  append(row: TableRow): void {
    if (this.closed) throw new GenomicsError('CLOSED', `${this.path}: the table is closed`);
    this.chunk.append(row);
    this.rowCount++;
    if (this.chunk.full) this.flush();
  }

  /**
   * Writes the last chunk and the footer; the file is complete. `metadata` adds to (or replaces)
   * the table's metadata: what is known only at the end (label names seen, counts). An Arrow
   * file holds its schema, metadata included, in the footer alone (apache-arrow writes none at
   * the start), which is what file readers read.
   */
  close(metadata: Readonly<Record<string, string>> = {}): WrittenTable {
    if (this.closed) throw new GenomicsError('CLOSED', `${this.path}: the table is closed`);
    try {
      if (this.chunk.rows > 0 || this.chunkCount === 0) this.flush();
      for (const [key, value] of Object.entries(metadata)) this.schema.metadata.set(key, value);
      this.writer.finish();
    } finally {
      this.closed = true;
      closeSync(this.fd);
    }
    return {
      rows: this.rowCount,
      chunks: this.chunkCount,
      bytes: this.sink.bytes,
      sha256: this.hash.digest('hex'),
    };
  }

  /** Stops writing and removes the file (an import that failed or was cancelled). */
  abort(): void {
    if (!this.closed) {
      this.closed = true;
      closeSync(this.fd);
    }
    rmSync(this.path, { force: true });
  }

  private flush(): void {
    this.writer.write(new RecordBatch(this.schema, this.chunk.data()));
    this.chunkCount++;
    this.chunk.clear();
  }
}
