import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { GenomicsError } from '../errors/genomics-error.ts';
import { oneHotEncode, oneHotEncodeBytes } from '../encoding/one-hot.ts';
import { FastaIndex } from '../formats/fasta/fasta-index.ts';

/** Where a sequence's bases lie in a plain FASTA (a `.fai` line). */
interface FaiLine {
  offset: number;
  lineBases: number;
  lineBytes: number;
}

/** A reference sequence, resolved once per spelling the BED uses. */
export interface ReferenceSequence {
  /** As the index spells it. */
  name: string;
  length: number;
  /** Its layout in a plain FASTA; undefined when read through FastaIndex.fetch. */
  fai: FaiLine | undefined;
}

/** Writes reference windows as one-hot rows for the batch iterator. */
export interface WindowSource {
  readonly index: FastaIndex;
  /** The sequence a name (any spelling) stands for, or undefined when the reference lacks it. */
  sequence(chrom: string): ReferenceSequence | undefined;
  /**
   * Writes the rows of bases [start0, end0) (within the sequence) at out[offset...]; returns a
   * promise when it reads asynchronously. Throws INVALID_BASE naming the window position.
   */
  encode(
    seq: ReferenceSequence,
    start0: number,
    end0: number,
    out: Float32Array,
    offset: number,
  ): Promise<void> | undefined;
  close(): void;
}

/** Bytes read from the reference at a time: a window of any length is read in pieces this big. */
const READ_CHUNK = 1 << 16;

function resolveSequence(
  index: FastaIndex,
  chrom: string,
  fai?: Map<string, FaiLine>,
): ReferenceSequence | undefined {
  const name = index.resolve(chrom);
  const length = name === undefined ? undefined : index.length(name);
  if (name === undefined || length === undefined) return undefined;
  return { name, length, fai: fai?.get(name) };
}

/** Byte offset of base `p` (0-based) of a sequence laid out as `line` says. */
function filePosition(line: FaiLine, p: number): number {
  return line.offset + Math.floor(p / line.lineBases) * line.lineBytes + (p % line.lineBases);
}

function invalidBase(byte: number, position: number): GenomicsError {
  const base = JSON.stringify(String.fromCharCode(byte));
  return new GenomicsError('INVALID_BASE', `invalid base ${base} at position ${position}`);
}

/**
 * A plain FASTA read through one open descriptor and its `.fai`. @gmod/indexedfasta opens and
 * closes the file on every read, which made a million windows cost ~2 minutes of mostly system
 * time; positioned reads into one fixed buffer, encoded from the bytes, cost neither a file
 * open nor a string per window, and a window longer than the buffer is read in pieces.
 */
class PlainFastaWindows implements WindowSource {
  private readonly buffer = Buffer.allocUnsafe(READ_CHUNK);

  constructor(
    readonly index: FastaIndex,
    private readonly fd: number,
    private readonly fai: Map<string, FaiLine>,
  ) {}

  sequence(chrom: string): ReferenceSequence | undefined {
    return resolveSequence(this.index, chrom, this.fai);
  }

  encode(
    seq: ReferenceSequence,
    start0: number,
    end0: number,
    out: Float32Array,
    offset: number,
  ): Promise<void> | undefined {
    const line = seq.fai;
    if (line === undefined) return fetchAndEncode(this.index, seq, start0, end0, out, offset);
    let from = filePosition(line, start0);
    const stop = filePosition(line, end0 - 1) + 1;
    let rows = 0;
    while (from < stop) {
      const read = readSync(this.fd, this.buffer, 0, Math.min(READ_CHUNK, stop - from), from);
      if (read === 0) {
        throw new GenomicsError(
          'TRUNCATED_FASTA',
          `${this.index.path}: ends before ${seq.name}:${start0}-${end0}; rebuild its .fai`,
        );
      }
      const written = oneHotEncodeBytes(this.buffer, 0, read, out, offset + rows * 4);
      if (written < 0) {
        const k = -1 - written;
        throw invalidBase(this.nthBase(read, k), rows + k);
      }
      rows += written;
      from += read;
    }
    return undefined;
  }

  /** The k-th base of the buffer's first `read` bytes, line ends skipped (error path only). */
  private nthBase(read: number, k: number): number {
    for (let i = 0, seen = 0; i < read; i++) {
      const c = this.buffer[i];
      if (c === 10 || c === 13) continue;
      if (seen++ === k) return c;
    }
    return 0;
  }

  close(): void {
    closeSync(this.fd);
  }
}

async function fetchAndEncode(
  index: FastaIndex,
  seq: ReferenceSequence,
  start0: number,
  end0: number,
  out: Float32Array,
  offset: number,
): Promise<void> {
  oneHotEncode(await index.fetch(seq.name, start0, end0), out, offset);
}

/** Windows of a bgzipped reference, through FastaIndex.fetch (a string per window). */
class IndexWindows implements WindowSource {
  constructor(readonly index: FastaIndex) {}

  sequence(chrom: string): ReferenceSequence | undefined {
    return resolveSequence(this.index, chrom);
  }

  encode(
    seq: ReferenceSequence,
    start0: number,
    end0: number,
    out: Float32Array,
    offset: number,
  ): Promise<void> {
    return fetchAndEncode(this.index, seq, start0, end0, out, offset);
  }

  close(): void {
    // Nothing held open: @gmod/indexedfasta opens the file per read.
  }
}

function readFai(path: string): Map<string, FaiLine> {
  const fai = new Map<string, FaiLine>();
  for (const row of readFileSync(path, 'utf8').split('\n')) {
    const [name, , offset, lineBases, lineBytes] = row.split('\t');
    if (lineBytes === undefined) continue;
    fai.set(name, {
      offset: Number(offset),
      lineBases: Number(lineBases),
      lineBytes: Number(lineBytes),
    });
  }
  return fai;
}

/**
 * Opens the windows of a reference (a path, or an opened FastaIndex): a plain FASTA gets the
 * one-descriptor byte reader, a bgzipped one is read through FastaIndex.fetch.
 */
export async function openWindowSource(fasta: FastaIndex | string): Promise<WindowSource> {
  const index = typeof fasta === 'string' ? await FastaIndex.open(fasta) : fasta;
  if (index.compression !== 'none') return new IndexWindows(index);
  return new PlainFastaWindows(index, openSync(index.path, 'r'), readFai(index.faiPath));
}
