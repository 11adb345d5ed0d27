/**
 * Pileup tensors in the dataset store (issue 16): every candidate `callVariants` genotypes, with
 * the exact image the model saw ([width, rows, channels] float32, as `pileupTensor` draws it), its
 * locus, alleles, read counts and the call, as one Arrow IPC table (`pileups.arrow`, a `pileups`
 * dataset). Rows are written a chunk of ~4 MiB at a time (the TableWriter keeps one chunk), so
 * memory stays flat however many candidates; a chunk is what a reader loads to show one row.
 *
 * The file opens in Python as any Strand table: `pyarrow.ipc.open_file(path).read_all()`; the
 * `pileup` column is a FixedSizeList whose field metadata `strand.shape` is [width, rows, 6].
 */
import { rm } from 'node:fs/promises';
import type {
  Candidate,
  ColumnSpec,
  PileupShape,
  TableChunk,
  WrittenTable,
} from '@strand/genomics';
import { GENOTYPES, PILEUP_CHANNELS, TableReader, TableWriter } from '@strand/genomics';

/** The file of a `pileups` dataset in its artifact folder. */
export const PILEUP_TABLE_FILE = 'pileups.arrow';

/** Bytes of pileup images per chunk (rows per chunk follow from the image size). */
const CHUNK_BYTES = 4 * 1024 * 1024;

/** The FILTER a candidate got: PASS, LowQual, AlleleBalance, or RefCall (hom-ref, not in the VCF). */
export type PileupFilter = 'PASS' | 'LowQual' | 'AlleleBalance' | 'RefCall';

/** One stored candidate, without its image. */
export interface PileupCandidate {
  index: number;
  chrom: string;
  /** 1-based, as in the VCF. */
  pos: number;
  ref: string;
  alt: string;
  variant: 'snv' | 'indel';
  depth: number;
  altCount: number;
  refCount: number;
  /** 0 hom-ref, 1 het, 2 hom-alt. */
  genotype: number;
  qual: number;
  filter: string;
  /** P(hom-ref), P(het), P(hom-alt) after the read-count split (what QUAL/GQ/PL come from). */
  probabilities: number[];
  /**
   * The truth's genotype when the call was given a truth VCF (0 hom-ref: not a true allele, 1
   * het, 2 hom-alt; the label `strand call train` learns), else −1.
   */
  truth: number;
}

const TEXT = ['chrom', 'ref', 'alt', 'variant', 'filter'] as const;
const INTS = ['pos', 'depth', 'altCount', 'refCount', 'genotype', 'truth'] as const;

export function pileupColumns(shape: PileupShape): ColumnSpec[] {
  return [
    ...TEXT.map((name) => ({ name, type: 'utf8' as const })),
    ...INTS.map((name) => ({ name, type: 'int32' as const })),
    { name: 'qual', type: 'float32' },
    { name: 'probabilities', type: 'float32', shape: [GENOTYPES.length] },
    { name: 'pileup', type: 'float32', shape: [shape.width, shape.rows, PILEUP_CHANNELS.length] },
  ];
}

/** Writes a pileups table; `close` returns what was written, `abort` removes the file. */
export class PileupTableWriter {
  readonly #writer: TableWriter;
  readonly #cell: number;
  readonly genotypes = [0, 0, 0];
  /** Candidates per truth genotype (all 0 when no truth was given). */
  readonly truths = [0, 0, 0];

  constructor(
    readonly path: string,
    readonly shape: PileupShape,
    metadata: Record<string, string>,
  ) {
    this.#cell = shape.width * shape.rows * PILEUP_CHANNELS.length;
    this.#writer = TableWriter.create(path, {
      columns: pileupColumns(shape),
      chunkRows: Math.max(1, Math.floor(CHUNK_BYTES / (this.#cell * 4))),
      metadata: {
        ...metadata,
        kind: 'pileups',
        width: String(shape.width),
        rows: String(shape.rows),
        channels: JSON.stringify(PILEUP_CHANNELS),
        genotypes: JSON.stringify(GENOTYPES),
      },
    });
  }

  /**
   * Appends one genotyped candidate with its image (`vcfLine` is the line callVcfLine gives) and
   * its truth genotype (−1 when unknown).
   */
  append(
    candidate: Candidate,
    probabilities: readonly number[],
    image: Float32Array,
    vcfLine: string,
    truth = -1,
  ) {
    if (image.length !== this.#cell) {
      throw new RangeError(`pileup image of ${image.length} values; the table holds ${this.#cell}`);
    }
    const fields = vcfLine.split('\t');
    const genotype = probabilities.indexOf(Math.max(...probabilities));
    this.genotypes[genotype] = (this.genotypes[genotype] ?? 0) + 1;
    if (truth >= 0) this.truths[truth] = (this.truths[truth] ?? 0) + 1;
    this.#writer.append({
      chrom: candidate.chrom,
      ref: candidate.ref,
      alt: candidate.alt,
      variant: candidate.kind,
      filter: fields[6] ?? '',
      pos: candidate.pos0 + 1,
      depth: candidate.depth,
      altCount: candidate.altCount,
      refCount: candidate.refCount,
      genotype,
      truth,
      qual: Number(fields[5]),
      probabilities,
      pileup: image,
    });
  }

  get rows(): number {
    return this.#writer.rows;
  }

  close(metadata: Record<string, string> = {}): WrittenTable {
    return this.#writer.close(metadata);
  }

  async abort(): Promise<void> {
    this.#writer.abort();
    await rm(this.path, { force: true });
  }
}

/** A pileups table opened for reading candidates and their images. */
export class PileupTable {
  private constructor(
    private readonly reader: TableReader,
    readonly shape: PileupShape,
    readonly channels: readonly string[],
  ) {}

  /** Opens a pileups table; NOT_A_PILEUP_TABLE when the file is another kind of table. */
  static async open(path: string): Promise<PileupTable> {
    const reader = await TableReader.open(path);
    const width = Number(reader.metadata.get('width'));
    const rows = Number(reader.metadata.get('rows'));
    if (reader.metadata.get('kind') !== 'pileups' || !(width > 0) || !(rows > 0)) {
      await reader.close();
      throw Object.assign(new Error('not a pileups table'), { code: 'NOT_A_PILEUP_TABLE' });
    }
    const channels = JSON.parse(reader.metadata.get('channels') ?? '[]') as string[];
    return new PileupTable(reader, { width, rows }, channels);
  }

  get count(): number {
    return this.reader.rows;
  }

  get metadata(): ReadonlyMap<string, string> {
    return this.reader.metadata;
  }

  /** The chunk holding row `index`, and the row's offset in it. */
  async #locate(index: number): Promise<{ chunk: TableChunk; row: number }> {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) {
      throw new RangeError(`index ${index} is not in 0–${this.count - 1}`);
    }
    let row = index;
    let k = 0;
    while (row >= (this.reader.chunkRows[k] ?? 0)) row -= this.reader.chunkRows[k++] ?? 0;
    return { chunk: await this.reader.chunk(k), row };
  }

  /** Candidates `offset` … `offset + limit − 1` (fewer at the end), without their images. */
  async candidates(offset: number, limit: number): Promise<PileupCandidate[]> {
    const out: PileupCandidate[] = [];
    const end = Math.min(this.count, offset + limit);
    let at = offset;
    while (at < end) {
      const { chunk, row } = await this.#locate(at);
      for (let r = row; r < chunk.rows && at < end; r++, at++) out.push(candidateAt(chunk, r, at));
    }
    return out;
  }

  /** One candidate with its image ([width, rows, channels] row-major, a copy). */
  async pileup(index: number): Promise<PileupCandidate & { image: Float32Array }> {
    const { chunk, row } = await this.#locate(index);
    const cell = this.shape.width * this.shape.rows * this.channels.length;
    const images = chunk.numbers('pileup');
    return {
      ...candidateAt(chunk, row, index),
      image: Float32Array.from(images.subarray(row * cell, (row + 1) * cell)),
    };
  }

  /** Whether the call that wrote it was given a truth VCF (so it can be trained on). */
  get labelled(): boolean {
    return (this.reader.metadata.get('truth') ?? '') !== '';
  }

  /**
   * Every image with its truth label, as `strand call train` takes them: x [count, width, rows ×
   * channels], y the labels. NO_TRUTH when the table was written without a truth VCF.
   */
  async labelledImages(): Promise<{
    x: Float32Array<ArrayBuffer>;
    y: Float32Array<ArrayBuffer>;
    count: number;
  }> {
    if (!this.labelled) {
      throw Object.assign(
        new Error(
          `${this.reader.path}: its candidates carry no truth labels (call with a truth VCF to train on them)`,
        ),
        { code: 'NO_TRUTH' },
      );
    }
    const cell = this.shape.width * this.shape.rows * this.channels.length;
    const x = new Float32Array(this.count * cell);
    const y = new Float32Array(this.count);
    let at = 0;
    for (let k = 0; k < this.reader.chunks; k++) {
      const chunk = await this.reader.chunk(k);
      const images = chunk.numbers('pileup');
      x.set(images, at * cell);
      y.set(chunk.numbers('truth'), at);
      at += chunk.rows;
    }
    return { x, y, count: this.count };
  }

  close(): Promise<void> {
    return this.reader.close();
  }
}

function candidateAt(chunk: TableChunk, row: number, index: number): PileupCandidate {
  const int = (name: (typeof INTS)[number]) => Number(chunk.numbers(name)[row]);
  const p = chunk.numbers('probabilities');
  return {
    index,
    chrom: chunk.textAt('chrom', row),
    pos: int('pos'),
    ref: chunk.textAt('ref', row),
    alt: chunk.textAt('alt', row),
    variant: chunk.textAt('variant', row) === 'indel' ? 'indel' : 'snv',
    depth: int('depth'),
    altCount: int('altCount'),
    refCount: int('refCount'),
    genotype: int('genotype'),
    truth: int('truth'),
    qual: Number(chunk.numbers('qual')[row]),
    filter: chunk.textAt('filter', row),
    probabilities: Array.from(p.subarray(row * 3, row * 3 + 3)),
  };
}
