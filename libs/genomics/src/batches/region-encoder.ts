import { GenomicsError } from '../errors/genomics-error.ts';
import type { BedLineScanner } from '../formats/bed/bed-line-scanner.ts';
import type { ByteLines } from './byte-lines.ts';
import type { SequenceLookup } from './sequence-lookup.ts';
import type { WindowSource } from './window-source.ts';

/** The window [start, start + length) centred on the region's midpoint (rounded down). */
export function centredWindow(region: { start: number; end: number }, length: number): number {
  return Math.floor((region.start + region.end) / 2) - Math.floor(length / 2);
}

/** An encoding failure of one window, located at its BED line. */
function windowError(where: string, line: number, region: string, error: unknown): Error {
  if (!(error instanceof GenomicsError) || error.code !== 'INVALID_BASE') return error as Error;
  return new GenomicsError(
    'INVALID_BASE',
    `${where}:${line}: window of ${region}: ${error.message}`,
  );
}

/**
 * The per-region work of the batch iterator: scan a BED line, find its sequence, encode its
 * window and label into a batch. It is a plain method, not part of the async generator, because
 * V8 optimises it as such: run inside the generator, every fractional intermediate (a midpoint,
 * a label) was boxed as a heap number — ~44 bytes per region, enough garbage to make V8 grow its
 * young generation and RSS with the number of regions.
 */
export class RegionEncoder {
  /** Reads still in flight (bgzipped references are read asynchronously). */
  readonly reads: Promise<void>[] = [];
  private readonly rowSize: number;

  constructor(
    private readonly where: string,
    private readonly scanner: BedLineScanner,
    private readonly lookup: SequenceLookup,
    private readonly source: WindowSource,
    private readonly length: number,
    private readonly batchSize: number,
  ) {
    this.rowSize = length * 4;
  }

  /** Whether a region has been scanned but not yet encoded. */
  private pending = false;

  /**
   * Scans to the next region of the lines buffered in `lines` (held until `fill` encodes it);
   * false when `lines` must read more first.
   */
  advance(lines: ByteLines): boolean {
    while (!this.pending && lines.next()) {
      this.pending = this.scanner.scan(lines.bytes, lines.from, lines.to, lines.number);
    }
    return this.pending;
  }

  /**
   * Encodes the pending region and those of the lines buffered after it into rows `count`...
   * of x and y; returns the new count, when the batch is full or `lines` must read more.
   */
  fill(lines: ByteLines, x: Float32Array, y: Float32Array, count: number): number {
    while (count < this.batchSize && this.advance(lines)) {
      this.pending = false;
      this.encode(lines, x, y, count);
      count++;
    }
    return count;
  }

  private encode(lines: ByteLines, x: Float32Array, y: Float32Array, row: number): void {
    const { scanner, lookup, length, where } = this;
    const line = lines.number;
    const seq =
      scanner.chromText === undefined
        ? lookup.find(lines.bytes, scanner.chromFrom, scanner.chromTo)
        : lookup.findText(scanner.chromText);
    if (seq === undefined) {
      throw new GenomicsError(
        'UNKNOWN_CHROMOSOME',
        `${where}:${line}: chromosome "${lookup.written}" is not in the reference ${this.source.index.path}`,
      );
    }
    const start = centredWindow(scanner, length);
    const from = Math.max(0, start);
    const to = Math.min(seq.length, start + length);
    if (from < to) {
      try {
        const read = this.source.encode(seq, from, to, x, row * this.rowSize + (from - start) * 4);
        if (read) {
          const at = `${lookup.written}:${scanner.start}-${scanner.end}`;
          this.reads.push(read.catch((e) => Promise.reject(windowError(where, line, at, e))));
        }
      } catch (error) {
        const at = `${lookup.written}:${scanner.start}-${scanner.end}`;
        throw windowError(where, line, at, error);
      }
    }
    if (scanner.labelKind === 'text') {
      throw new GenomicsError(
        'INVALID_LABEL',
        `${where}:${line}: label ${JSON.stringify(scanner.labelText)} is not a number`,
      );
    }
    y[row] = scanner.labelKind === 'number' ? scanner.labelValue : 0;
  }
}
