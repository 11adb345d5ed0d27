import { fileChunks, sha256OfFiles } from '@strand/genomics';
import { stat } from 'node:fs/promises';

/**
 * One progress report of an import: `reading` while the input is parsed (`done` of `total`
 * bytes of the input files, as stored: compressed bytes for a gzip file; `records` parsed so
 * far), then `storing` while the stored form is checksummed (bytes of it; `records` in all).
 */
export interface ImportProgress {
  phase: 'reading' | 'storing';
  done: number;
  total?: number;
  unit: 'bytes';
  /** Records parsed so far. */
  records: number;
  /** For people: `golub.tsv: 1,234 records`. */
  message?: string;
}

/** Options of importDataset that are not part of what is imported. */
export interface ImportOptions {
  /**
   * Progress: at most one call per PROGRESS_INTERVAL_MS (10 a second) while reading, plus the
   * first and last of each phase. Called synchronously: keep it cheap.
   */
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Abort: the import stops at its next chunk of input (or before it commits) and comes back as
   * a CANCELLED user error with nothing stored or visible. Once committed, aborting changes
   * nothing.
   */
  signal?: AbortSignal;
}

/** Thrown inside the readers when the signal aborts; importDataset turns it into CANCELLED. */
export class ImportAborted extends Error {
  constructor() {
    super('the import was cancelled');
    this.name = 'ImportAborted';
  }
}

/** Minimum time between two progress reports of a phase. */
export const PROGRESS_INTERVAL_MS = 100;

/**
 * Counts what an import has read and parsed and reports it, throttled. `now` is injectable so
 * tests can drive the clock.
 */
export class ImportProgressReporter {
  bytes = 0;
  records = 0;
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly options: ImportOptions,
    readonly totalBytes: number,
    private readonly name: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws ImportAborted when the signal has aborted. */
  checkAborted(): void {
    if (this.options.signal?.aborted) throw new ImportAborted();
  }

  /** Reports `done` of `total` bytes of a phase, unless the last report is too recent. */
  report(phase: ImportProgress['phase'], done: number, total: number, force = false): void {
    const { onProgress, signal } = this.options;
    // Nothing more is reported once aborted: the import is about to stop.
    if (!onProgress || signal?.aborted) return;
    const now = this.now();
    if (!force && now - this.last < PROGRESS_INTERVAL_MS) return;
    this.last = now;
    const { records } = this;
    const message = `${this.name}: ${records.toLocaleString('en')} records`;
    onProgress({ phase, unit: 'bytes', done, total, records, message });
  }

  /** One more record parsed. */
  record(): void {
    this.records++;
    if ((this.records & 0x3ff) === 0) this.report('reading', this.bytes, this.totalBytes);
  }

  /**
   * The bytes of a file as an async iterable, counted into `bytes`; checks for an abort before
   * each chunk and reports progress as it goes.
   */
  async *read(path: string): AsyncGenerator<Buffer> {
    for await (const chunk of fileChunks(path)) {
      this.checkAborted();
      this.bytes += chunk.length;
      this.report('reading', this.bytes, this.totalBytes);
      yield chunk;
    }
  }

  /**
   * The bytes of a file read a second time (to store it in another form): checks for an abort
   * before each chunk, counts nothing.
   */
  async *reread(path: string): AsyncGenerator<Buffer> {
    for await (const chunk of fileChunks(path)) {
      this.checkAborted();
      yield chunk;
    }
  }

  /** The SHA-256 of a file (hex), reported as the `storing` phase. */
  async sha256(path: string): Promise<string> {
    const total = (await stat(path)).size;
    let done = 0;
    this.report('storing', done, total, true);
    return sha256OfFiles([path], (bytes) => {
      this.checkAborted();
      done += bytes;
      this.report('storing', done, total, done === total);
    });
  }
}
