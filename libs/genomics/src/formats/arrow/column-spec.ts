/**
 * The columns of a Strand table (an Arrow IPC file, see table-writer.ts): named, typed, and
 * either one value per row, a fixed number per row (a tensor, e.g. a pileup [rows, cols, ch]) or
 * a variable number per row (a list, e.g. a count profile of a sequence of any length).
 */
import {
  DataType,
  Field,
  FixedSizeList,
  Float32,
  Float64,
  Int32,
  List,
  Precision,
  Uint8,
  Utf8,
} from 'apache-arrow';
import { GenomicsError } from '../../errors/genomics-error.ts';

/** Element types of a column. `utf8` is text (ids, sequences as their IUPAC letters). */
export type ColumnType = 'utf8' | 'uint8' | 'int32' | 'float32' | 'float64';

/** One column of a table. */
export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /**
   * A fixed-size tensor per row: its shape (values per row = their product), stored as an Arrow
   * FixedSizeList with the shape in the field's metadata (`strand.shape`). Numeric types only.
   */
  shape?: readonly number[];
  /** A variable number of values per row (an Arrow List). Numeric types only; not with shape. */
  list?: boolean;
}

/** Values per row of a fixed-size column (1 for a scalar, 0 for a list or text). */
export function valuesPerRow(spec: ColumnSpec): number {
  if (spec.list || spec.type === 'utf8') return 0;
  return (spec.shape ?? []).reduce((a, d) => a * d, 1);
}

/** The typed array a numeric column's values are held in. */
export type NumericArray = Uint8Array | Int32Array | Float32Array | Float64Array;

/** A new typed array of `length` values of `type` (not utf8). */
export function numericArray(type: ColumnType, length: number): NumericArray {
  switch (type) {
    case 'uint8':
      return new Uint8Array(length);
    case 'int32':
      return new Int32Array(length);
    case 'float32':
      return new Float32Array(length);
    case 'float64':
      return new Float64Array(length);
    default:
      throw new GenomicsError('INVALID_OPTIONS', `column type ${type} holds no numbers`);
  }
}

function scalarType(type: ColumnType): DataType {
  switch (type) {
    case 'utf8':
      return new Utf8();
    case 'uint8':
      return new Uint8();
    case 'int32':
      return new Int32();
    case 'float32':
      return new Float32();
    case 'float64':
      return new Float64();
  }
}

/** Throws INVALID_OPTIONS for a spec that cannot be stored; returns it otherwise. */
export function checkColumn(spec: ColumnSpec): ColumnSpec {
  const bad = (why: string) => new GenomicsError('INVALID_OPTIONS', `column ${spec.name}: ${why}`);
  if (!/^[A-Za-z_][A-Za-z0-9_.:-]*$/.test(spec.name)) throw bad('not a valid column name');
  if (!['utf8', 'uint8', 'int32', 'float32', 'float64'].includes(spec.type)) {
    throw bad(`unknown type ${String(spec.type)}`);
  }
  if ((spec.shape || spec.list) && spec.type === 'utf8') throw bad('text has no shape');
  if (spec.shape && spec.list) throw bad('a column has a shape or is a list, not both');
  if (spec.shape && !spec.shape.every((d) => Number.isInteger(d) && d >= 1)) {
    throw bad(`shape [${spec.shape.join(', ')}] is not positive integers`);
  }
  return spec;
}

/** The Arrow field of a column. */
export function arrowField(spec: ColumnSpec): Field {
  const item = scalarType(spec.type);
  if (spec.list) return new Field(spec.name, new List(new Field('item', item, false)), false);
  if (spec.shape) {
    const size = valuesPerRow(spec);
    const metadata = new Map([['strand.shape', JSON.stringify(spec.shape)]]);
    return new Field(
      spec.name,
      new FixedSizeList(size, new Field('item', item, false)),
      false,
      metadata,
    );
  }
  return new Field(spec.name, item, false);
}

/** The column spec of an Arrow field Strand wrote (or one of the same types). */
export function columnOfField(field: Field): ColumnSpec {
  const typeOf = (t: DataType): ColumnType => {
    if (DataType.isUtf8(t)) return 'utf8';
    if (DataType.isInt(t) && t.bitWidth === 8 && !t.isSigned) return 'uint8';
    if (DataType.isInt(t) && t.bitWidth === 32 && t.isSigned) return 'int32';
    if (DataType.isFloat(t) && t.precision === Precision.SINGLE) return 'float32';
    if (DataType.isFloat(t) && t.precision === Precision.DOUBLE) return 'float64';
    throw new GenomicsError(
      'UNSUPPORTED_FORMAT',
      `column ${field.name}: Arrow type ${String(field.type)} is not one Strand reads`,
    );
  };
  const t = field.type;
  if (DataType.isFixedSizeList(t)) {
    const raw = field.metadata.get('strand.shape');
    const shape = raw ? (JSON.parse(raw) as number[]) : [t.listSize];
    return { name: field.name, type: typeOf(t.children[0].type), shape };
  }
  if (DataType.isList(t)) return { name: field.name, type: typeOf(t.children[0].type), list: true };
  return { name: field.name, type: typeOf(t) };
}
