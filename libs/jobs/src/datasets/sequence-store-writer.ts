/**
 * Writes sequence records into the store as they stream (sequence-store.ts has the layout) and
 * summarises them on the way: counts per label, lengths (min, max, mean), GC and N fractions,
 * mean total counts of a profile. Memory is one chunk of the table and a few numbers, however
 * many records. A record that does not fit (a seventh label column value that is not 0/1, a
 * 256th class) throws an import error naming `file:line`.
 */
import { TableWriter } from '@strand/genomics';
import type { JsonObject } from '@strand/data';
import type { StoredColumns } from '../learning/stored-data.ts';
import { STORED_COLUMNS } from '../learning/stored-data.ts';
import { importError } from './import-error.ts';
import type { SequenceTableMeta } from './sequence-store.ts';
import { DATASET_METADATA_KEY, sequenceTableColumns } from './sequence-store.ts';

/** One record to store. */
export interface SequenceStoreRecord {
  id: string;
  sequence: string;
  /** One raw value per label column (none for a profile without labels). */
  labels: readonly (string | number)[];
  features?: ArrayLike<number>;
  profile?: Float32Array | null;
  /** With coordinates: where the sequence lies (0-based, half-open). */
  chrom?: string;
  start?: number;
  end?: number;
}

/** What the dataset row says of stored sequences. */
export interface StoredSequences {
  recordCount: number;
  sequenceLength: number | null;
  labelCounts: Record<string, number>;
  summary: JsonObject;
  checksum: string;
}

const G = 71;
const C = 67;
const N = 78;

export class SequenceStoreWriter {
  private readonly table: TableWriter;
  private readonly codes = new Map<string, number>();
  private readonly positives: number[];
  private readonly totals: number[];
  private minLength = Number.POSITIVE_INFINITY;
  private maxLength = 0;
  private bases = 0;
  private gc = 0;
  private n = 0;
  private labelCounts: number[] = [];
  private tracks = -1;
  private readonly row: Record<string, string | number | ArrayLike<number>> = {};

  constructor(
    readonly path: string,
    private readonly columns: StoredColumns,
    private readonly source: string,
    private readonly coordinates = false,
    chunkRows?: number,
  ) {
    this.table = TableWriter.create(path, {
      columns: sequenceTableColumns(columns, coordinates),
      ...(chunkRows ? { chunkRows } : {}),
    });
    this.positives = new Array<number>(columns.labels.length).fill(0);
    this.totals = columns.profile ? new Array<number>(columns.profile.tracks).fill(0) : [];
  }

  get records(): number {
    return this.table.rows;
  }

  /** Stores one record; `line` locates it in errors. */
  add(record: SequenceStoreRecord, line: number): void {
    const { row, columns } = this;
    row.id = record.id;
    row.sequence = record.sequence;
    row.label = this.label(record.labels, line);
    if (columns.labels.length > 1) {
      record.labels.forEach((v, c) => (row[STORED_COLUMNS.task(c)] = v as number));
    }
    columns.features.forEach(
      (_, f) => (row[STORED_COLUMNS.feature(f)] = record.features?.[f] ?? 0),
    );
    if (columns.profile) this.profile(record.profile ?? new Float32Array(0), line);
    if (this.coordinates) {
      row.chrom = record.chrom ?? '';
      row.start = record.start ?? 0;
      row.end = record.end ?? 0;
    }
    this.table.append(row);
    this.count(record.sequence);
  }

  /** Writes the end of the table and describes it; the file is complete. */
  finish(): StoredSequences {
    const meta = this.meta();
    const written = this.table.close({ [DATASET_METADATA_KEY]: JSON.stringify(meta) });
    const count = written.rows;
    const labelNames = this.labelNames();
    return {
      recordCount: count,
      sequenceLength: count && this.minLength === this.maxLength ? this.minLength : null,
      labelCounts: this.countsByName(),
      checksum: written.sha256,
      summary: {
        labelNames,
        labelCodes: meta.labelCodes,
        length: {
          min: count ? this.minLength : 0,
          max: this.maxLength,
          mean: count ? this.bases / count : 0,
        },
        gcFraction: this.bases ? this.gc / this.bases : 0,
        nFraction: this.bases ? this.n / this.bases : 0,
        columns: this.columns as unknown as JsonObject,
        ...(this.columns.profile ? { meanTotalCounts: this.totals.map((t) => t / count) } : {}),
        store: {
          format: 'arrow-ipc',
          chunks: written.chunks,
          bytes: written.bytes,
          coordinates: this.coordinates,
        },
      },
    };
  }

  /** Removes what was written (a failed or cancelled import). */
  abort(): void {
    this.table.abort();
  }

  private label(values: readonly (string | number)[], line: number): number {
    const k = this.columns.labels.length;
    if (k === 0) return 0;
    if (k === 1) {
      const name = String(values[0]);
      let code = this.codes.get(name);
      if (code === undefined) {
        code = this.codes.size;
        if (code > 254) {
          throw importError(
            'INVALID_LABEL',
            `${this.source}:${line}: label "${name}" is a 256th class; at most 255 classes`,
          );
        }
        this.codes.set(name, code);
        this.labelCounts.push(0);
      }
      this.labelCounts[code]++;
      return code;
    }
    values.forEach((v, c) => {
      if (v !== 0 && v !== 1) {
        throw importError(
          'INVALID_LABEL',
          `${this.source}:${line}: ${this.columns.labels[c]} is ${JSON.stringify(v)}; with several label columns each holds 0 or 1`,
        );
      }
      this.positives[c] += v;
    });
    return values[0] as number;
  }

  private profile(counts: Float32Array, line: number): void {
    const tracks = this.columns.profile?.tracks ?? 0;
    if (counts.length % Math.max(tracks, 1) !== 0) {
      throw importError(
        'INVALID_PROFILE',
        `${this.source}:${line}: counts do not fit ${tracks} tracks`,
      );
    }
    for (let i = 0; i < counts.length; i++) this.totals[i % tracks] += counts[i];
    this.row[STORED_COLUMNS.profile] = counts;
  }

  private count(sequence: string): void {
    const length = sequence.length;
    if (length < this.minLength) this.minLength = length;
    if (length > this.maxLength) this.maxLength = length;
    this.bases += length;
    for (let i = 0; i < length; i++) {
      const c = sequence.charCodeAt(i) & 0xdf; // upper case
      if (c === G || c === C) this.gc++;
      else if (c === N) this.n++;
    }
  }

  private meta(): SequenceTableMeta {
    return {
      formatVersion: 1,
      columns: this.columns,
      labelCodes: this.columns.labels.length === 1 ? [...this.codes.keys()] : ['0', '1'],
      coordinates: this.coordinates,
    };
  }

  private labelNames(): string[] {
    const k = this.columns.labels.length;
    if (k === 0) return [];
    if (k > 1) return ['0', '1'];
    return [...this.codes.keys()].sort();
  }

  private countsByName(): Record<string, number> {
    const k = this.columns.labels.length;
    if (k > 1) return Object.fromEntries(this.columns.labels.map((c, i) => [c, this.positives[i]]));
    return Object.fromEntries(
      [...this.codes.keys()].map((name, code) => [name, this.labelCounts[code]]),
    );
  }
}
