import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { writeFile } from 'node:fs/promises';
import { FormatError } from '../../errors/format-error.ts';
import { copied, fileChunks } from '../../io/file-chunks.ts';
import { parseFastaHeader } from './fasta-reader.ts';

/** One line of a `.fai` index (samtools faidx format). */
export interface FaiEntry {
  name: string;
  length: number;
  /** Byte offset of the first base. */
  offset: number;
  lineBases: number;
  lineBytes: number;
}

/** Collects one record's layout and checks that all its lines but the last have one width. */
class RecordLayout {
  length = 0;
  lineBases = 0;
  lineBytes = 0;
  private lastShort = false;

  constructor(
    readonly name: string,
    readonly offset: number,
    private readonly label: string,
  ) {}

  add(bases: number, bytes: number, line: number): void {
    if (this.lineBases === 0) {
      this.lineBases = bases;
      this.lineBytes = bytes;
    } else if (
      this.lastShort ||
      bases > this.lineBases ||
      (bases === this.lineBases && bytes !== this.lineBytes)
    ) {
      throw new FormatError(
        this.label,
        line,
        `sequence ${this.name} has lines of different lengths; it cannot be indexed`,
      );
    }
    this.lastShort = bases < this.lineBases;
    this.length += bases;
  }

  /** A blank line: only the end of the record may follow. */
  blank(): void {
    if (this.lineBases > 0) this.lastShort = true;
  }

  entry(): FaiEntry {
    const { name, length, offset, lineBases, lineBytes } = this;
    return { name, length, offset, lineBases, lineBytes };
  }
}

/**
 * Scans a FASTA file's bytes (decompressed first when `bgzip`) and returns its `.fai` entries,
 * as `samtools faidx` would write them; offsets count uncompressed bytes. Streams the file;
 * memory holds one line at a time.
 */
export async function scanFai(path: string, bgzip = false): Promise<FaiEntry[]> {
  const entries: FaiEntry[] = [];
  let record: RecordLayout | undefined;
  let pending: Buffer[] = [];
  let lineStart = 0;
  let lineNumber = 0;
  const handleLine = (bytes: Buffer, start: number) => {
    lineNumber++;
    const text = bytes.toString('latin1');
    const body = text.replace(/\r?\n$/, '');
    if (body.startsWith('>')) {
      if (record) entries.push(record.entry());
      record = new RecordLayout(parseFastaHeader(body).id, start + bytes.length, path);
    } else if (body.length > 0) {
      if (!record)
        throw new FormatError(path, lineNumber, 'sequence data before the first ">" header');
      record.add(body.length, bytes.length, lineNumber);
    }
  };
  // fileChunks reuses its buffer: a line's start kept past the chunk is copied; gunzip gets copies.
  const bytes = bgzip
    ? Readable.from(copied(fileChunks(path))).pipe(createGunzip())
    : fileChunks(path);
  for await (const chunk of bytes as AsyncIterable<Buffer>) {
    let from = 0;
    for (let nl = chunk.indexOf(10, from); nl !== -1; nl = chunk.indexOf(10, from)) {
      const piece = chunk.subarray(from, nl + 1);
      const line = pending.length ? Buffer.concat([...pending, piece]) : piece;
      handleLine(line, lineStart);
      lineStart += line.length;
      pending = [];
      from = nl + 1;
    }
    if (from < chunk.length) pending.push(Buffer.from(chunk.subarray(from)));
  }
  if (pending.length) handleLine(Buffer.concat(pending), lineStart);
  if (record) entries.push(record.entry());
  return entries;
}

/** Writes the `.fai` of a FASTA file (to `faiPath`, by default next to it) and returns it. */
export async function buildFai(
  path: string,
  faiPath = `${path}.fai`,
  bgzip = false,
): Promise<FaiEntry[]> {
  const entries = await scanFai(path, bgzip);
  const text = entries
    .map((e) => `${e.name}\t${e.length}\t${e.offset}\t${e.lineBases}\t${e.lineBytes}\n`)
    .join('');
  await writeFile(faiPath, text);
  return entries;
}
