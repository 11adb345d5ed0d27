// The iterator behind fastaBedBatches. Map: `open` (checks options, opens the reference and the
// BED); `next` (serialises calls; a batch whose lines are already buffered is made without an
// await); `step` (the synchronous path); `readMore` (the path that reads); `close`, `fail`,
// `return`, `throw`.
import { GenomicsError } from '../errors/genomics-error.ts';
import { BedLineScanner } from '../formats/bed/bed-line-scanner.ts';
import { sourceLabel } from '../io/open-text.ts';
import type { Slot } from './batch-pool.ts';
import { BatchPool } from './batch-pool.ts';
import type { ByteLines } from './byte-lines.ts';
import { openByteLines } from './byte-lines.ts';
import type { FastaBedBatch, FastaBedBatchOptions } from './fasta-bed-batches.ts';
import { RegionEncoder } from './region-encoder.ts';
import { SequenceLookup } from './sequence-lookup.ts';
import type { WindowSource } from './window-source.ts';
import { openWindowSource } from './window-source.ts';

type Result = IteratorResult<FastaBedBatch, undefined>;

const DONE: Result = Object.freeze({ value: undefined, done: true });

interface Opened {
  source: WindowSource;
  lines: ByteLines;
  encoder: RegionEncoder;
  pool: BatchPool;
}

function positiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new GenomicsError('INVALID_OPTIONS', `${name} must be an integer ≥ 1, got ${value}`);
  }
}

/**
 * An async iterator written by hand rather than as an async generator: a generator costs ~600
 * bytes of promises and reactions per batch (measured), a million regions in batches of 64 then
 * make ~10 MB of garbage, enough for V8 to grow its young generation mid-run. Here a batch whose
 * lines are already in the read buffer (most of them) costs one resolved promise, one result and
 * the batch; only a batch that must read goes through an async function.
 */
export class FastaBedIterator implements AsyncGenerator<FastaBedBatch, undefined> {
  private opened: Opened | undefined;
  private finished = false;
  /** The next() still running asynchronously; later calls wait for it, as a generator's do. */
  private running: Promise<Result> | undefined;

  constructor(private readonly options: FastaBedBatchOptions) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<Result> {
    if (this.running !== undefined) {
      return this.running.then(
        () => this.next(),
        () => this.next(),
      );
    }
    let result: Result | Promise<Result>;
    try {
      result = this.step();
    } catch (error) {
      return this.fail(error);
    }
    if (!(result instanceof Promise)) return Promise.resolve(result);
    const running = result.catch((error: unknown) => this.fail(error));
    this.running = running;
    const clear = () => {
      if (this.running === running) this.running = undefined;
    };
    running.then(clear, clear);
    return running;
  }

  /** Stops early (a `break` out of for-await): closes the files; held batches stay readable. */
  async return(): Promise<Result> {
    await this.running?.catch(() => undefined);
    await this.close();
    return DONE;
  }

  async throw(error: unknown): Promise<Result> {
    await this.running?.catch(() => undefined);
    return this.fail(error);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.return();
  }

  private step(): Result | Promise<Result> {
    if (this.finished) return DONE;
    const opened = this.opened;
    if (opened === undefined) return this.open().then(() => this.step());
    const { encoder, lines, pool } = opened;
    if (!encoder.advance(lines)) return this.readMore(opened, undefined, 0);
    const slot = pool.take();
    const count = encoder.fill(lines, slot.x, slot.y, 0);
    if (count < this.options.batchSize || encoder.reads.length > 0) {
      return this.readMore(opened, slot, count);
    }
    return { value: pool.issue(slot, count), done: false };
  }

  /** Makes the next batch when lines must be read (or reference reads awaited) first. */
  private async readMore(opened: Opened, held: Slot | undefined, filled: number): Promise<Result> {
    const { encoder, lines, pool } = opened;
    let slot = held;
    let count = filled;
    if (slot === undefined) {
      // A buffer is taken only once a region is there to fill it.
      let more = true;
      while (more && !encoder.advance(lines)) more = await lines.fill();
      if (!more) {
        await this.close();
        return DONE;
      }
      slot = pool.take();
      count = encoder.fill(lines, slot.x, slot.y, 0);
    }
    while (count < this.options.batchSize && (await lines.fill())) {
      count = encoder.fill(lines, slot.x, slot.y, count);
    }
    if (encoder.reads.length > 0) {
      await Promise.all(encoder.reads);
      encoder.reads.length = 0;
    }
    return { value: pool.issue(slot, count), done: false };
  }

  private async open(): Promise<void> {
    const { length, batchSize, buffers = 2 } = this.options;
    positiveInteger('length', length);
    positiveInteger('batchSize', batchSize);
    positiveInteger('buffers', buffers);
    const where = sourceLabel(this.options.bed, this.options.label);
    const scanner = new BedLineScanner(where, { labelColumn: this.options.labelColumn });
    const source = await openWindowSource(this.options.fasta);
    const encoder = new RegionEncoder(
      where,
      scanner,
      new SequenceLookup(source),
      source,
      length,
      batchSize,
    );
    const pool = new BatchPool(buffers, batchSize * length * 4, batchSize);
    let lines: ByteLines;
    try {
      lines = await openByteLines(this.options.bed, where);
    } catch (error) {
      source.close();
      throw error;
    }
    this.opened = { source, lines, encoder, pool };
  }

  private async fail(error: unknown): Promise<never> {
    await this.close();
    throw error;
  }

  private async close(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    const opened = this.opened;
    if (opened === undefined) return;
    try {
      // A failed batch may leave reference reads in flight: settle them before closing.
      await Promise.allSettled(opened.encoder.reads);
      await opened.lines.close();
    } finally {
      opened.source.close();
    }
  }
}
