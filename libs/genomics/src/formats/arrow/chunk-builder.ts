import { Struct, makeData } from 'apache-arrow';
import type { Data, Field } from 'apache-arrow';
import { GenomicsError } from '../../errors/genomics-error.ts';
import type { ColumnSpec, NumericArray } from './column-spec.ts';
import { arrowField, numericArray, valuesPerRow } from './column-spec.ts';

/** A value of one row: text (or its UTF-8 bytes), a number, or a row's numbers (tensor, list). */
export type CellValue = string | Uint8Array | number | ArrayLike<number>;

/** One row to append: a value for every column, by name. */
export type TableRow = Readonly<Record<string, CellValue>>;

/**
 * Bytes of text and list values after which a chunk is full, whatever its rows. Writing a chunk
 * is synchronous: at 8 MiB it holds the event loop ~50 ms (32 MiB: up to 260 ms of /health
 * latency while a 200 MB demo dataset was written).
 */
export const MAX_CHUNK_BYTES = 8 * 1024 * 1024;

/** Where one column's values of the chunk being filled go; reused from chunk to chunk. */
interface ColumnBuffer {
  spec: ColumnSpec;
  /** Values per row (fixed), 0 for text and lists. */
  size: number;
  values: NumericArray | Buffer;
  /** Text and lists: where each row starts (rows + 1 entries). */
  offsets: Int32Array | null;
  /** Bytes or values used so far (text and lists). */
  used: number;
}

/**
 * Fills one chunk (record batch) row by row into arrays allocated once and reused: appending a
 * row copies its values, and `data()` gives the chunk as Arrow data over those arrays (valid
 * until the next row is appended, which is after the writer has written it).
 */
export class ChunkBuilder {
  readonly fields: Field[];
  rows = 0;
  private readonly buffers: ColumnBuffer[];

  constructor(
    columns: readonly ColumnSpec[],
    readonly capacity: number,
  ) {
    this.fields = columns.map(arrowField);
    this.buffers = columns.map((spec) => {
      const size = valuesPerRow(spec);
      const variable = size === 0;
      return {
        spec,
        size,
        values:
          spec.type === 'utf8'
            ? Buffer.allocUnsafe(capacity * 32)
            : numericArray(spec.type, variable ? capacity * 16 : capacity * size),
        offsets: variable ? new Int32Array(capacity + 1) : null,
        used: 0,
      };
    });
  }

  /**
   * Full at `capacity` rows, or earlier once text and lists hold MAX_CHUNK_BYTES: 16,384 rows of
   * 10 kb sequences would be a 164 MB chunk in memory (and past 2 GB the Int32 offsets overflow).
   */
  get full(): boolean {
    if (this.rows >= this.capacity) return true;
    let bytes = 0;
    for (const b of this.buffers) {
      if (b.offsets)
        bytes += b.used * (b.values as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
    }
    return bytes >= MAX_CHUNK_BYTES;
  }

  /** Copies a row in; throws INVALID_VALUE naming the column when a value does not fit it. */
  append(row: TableRow): void {
    const r = this.rows;
    for (const b of this.buffers) {
      const value = row[b.spec.name];
      if (value === undefined) throw invalid(b.spec, 'has no value in this row');
      if (b.spec.type === 'utf8') this.appendText(b, value, r);
      else if (b.size === 0) this.appendList(b, value, r);
      else if (b.size === 1 && typeof value === 'number') (b.values as NumericArray)[r] = value;
      else this.appendFixed(b, value);
    }
    this.rows = r + 1;
  }

  /** The filled rows as the data of one record batch. */
  data(): Data<Struct> {
    const children = this.buffers.map((b, i) => {
      const type = this.fields[i].type;
      const length = this.rows;
      if (b.spec.type === 'utf8') {
        const valueOffsets = (b.offsets as Int32Array).subarray(0, length + 1);
        const data = (b.values as Buffer).subarray(0, b.used);
        return makeData({ type, length, nullCount: 0, valueOffsets, data });
      }
      const itemType = type.children?.[0]?.type;
      if (b.size === 0) {
        const valueOffsets = (b.offsets as Int32Array).subarray(0, length + 1);
        const values = (b.values as NumericArray).subarray(0, b.used);
        const child = makeData({ type: itemType, length: b.used, nullCount: 0, data: values });
        return makeData({ type, length, nullCount: 0, valueOffsets, child });
      }
      const values = (b.values as NumericArray).subarray(0, length * b.size);
      if (b.spec.shape === undefined) return makeData({ type, length, nullCount: 0, data: values });
      const child = makeData({ type: itemType, length: values.length, nullCount: 0, data: values });
      return makeData({ type, length, nullCount: 0, child });
    });
    return makeData({
      type: new Struct(this.fields),
      length: this.rows,
      nullCount: 0,
      children,
    }) as Data<Struct>;
  }

  /** Empties the chunk for the next rows (the arrays are reused). */
  clear(): void {
    this.rows = 0;
    for (const b of this.buffers) b.used = 0;
  }

  private appendText(b: ColumnBuffer, value: CellValue, r: number): void {
    const offsets = b.offsets as Int32Array;
    if (r === 0) offsets[0] = 0;
    if (typeof value === 'string') {
      this.reserve(b, value.length * 3);
      b.used += (b.values as Buffer).write(value, b.used, 'utf8');
    } else if (value instanceof Uint8Array) {
      this.reserve(b, value.length);
      (b.values as Buffer).set(value, b.used);
      b.used += value.length;
    } else throw invalid(b.spec, `holds ${typeof value}, not text`);
    offsets[r + 1] = b.used;
  }

  private appendList(b: ColumnBuffer, value: CellValue, r: number): void {
    if (typeof value === 'string' || typeof value === 'number') {
      throw invalid(b.spec, `holds ${typeof value}, not a list of numbers`);
    }
    const offsets = b.offsets as Int32Array;
    if (r === 0) offsets[0] = 0;
    this.reserve(b, value.length);
    (b.values as NumericArray).set(value, b.used);
    b.used += value.length;
    offsets[r + 1] = b.used;
  }

  private appendFixed(b: ColumnBuffer, value: CellValue): void {
    if (typeof value === 'string' || typeof value === 'number' || value.length !== b.size) {
      const got = typeof value === 'object' ? `${value.length} values` : typeof value;
      throw invalid(b.spec, `holds ${got}; each row has ${b.size}`);
    }
    (b.values as NumericArray).set(value, this.rows * b.size);
  }

  /** Grows a variable column's values so `more` fit after what is used. */
  private reserve(b: ColumnBuffer, more: number): void {
    const need = b.used + more;
    if (need <= b.values.length) return;
    const size = Math.max(need, b.values.length * 2);
    if (b.values instanceof Buffer) {
      const bigger = Buffer.allocUnsafe(size);
      b.values.copy(bigger, 0, 0, b.used);
      b.values = bigger;
    } else {
      const bigger = numericArray(b.spec.type, size);
      bigger.set(b.values.subarray(0, b.used));
      b.values = bigger;
    }
  }
}

function invalid(spec: ColumnSpec, why: string): GenomicsError {
  return new GenomicsError('INVALID_VALUE', `column ${spec.name} ${why}`);
}
