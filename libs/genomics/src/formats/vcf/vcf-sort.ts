import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openText } from '../../io/open-text.ts';
import type { TextSource } from '../../io/open-text.ts';

/** Options of {@link sortVcf}. */
export interface SortVcfOptions {
  /**
   * Chromosomes in the order to sort by (a header's `##contig` lines, or a reference's). Others
   * follow in the order the file first names them, as htslib appends an undeclared contig to its
   * header dictionary when it meets it (so `bcftools sort` orders them the same way).
   */
  contigs?: readonly string[];
  /**
   * Characters of record text sorted in memory at once (default 8 Mi). A larger file is sorted
   * in runs of this size, written beside `out` and merged: memory stays flat however large the
   * file is.
   */
  runChars?: number;
}

/** What {@link sortVcf} did. */
export interface SortVcfResult {
  records: number;
  /** Sorted runs written to disk and merged (0: the file was sorted in memory). */
  runs: number;
}

const DEFAULT_RUN_CHARS = 8 * 1024 * 1024;
/** Lines are written in blocks of about this many characters (one stream write each). */
const BLOCK_CHARS = 64 * 1024;

/** Keys are rank × 2^32 + POS: exact in a double for up to 2^21 contigs (POS < 2^31 in VCF). */
const POS_SPAN = 2 ** 32;

/**
 * Writes a VCF's header, then its records sorted by (chromosome rank, POS) — an external merge
 * sort: records are sorted in runs of `runChars`, each written to a temporary file, and the runs
 * merged with a heap. The sort is stable: records at the same place keep their file order.
 * Lines are written as read (LF endings; empty lines dropped). The input must already have been
 * read as a VCF (openVcf): a record line is only split for its CHROM and POS here.
 */
export async function sortVcf(
  source: TextSource,
  out: string,
  options: SortVcfOptions = {},
): Promise<SortVcfResult> {
  const runChars = options.runChars ?? DEFAULT_RUN_CHARS;
  const ranks = new Map<string, number>();
  for (const contig of options.contigs ?? []) if (!ranks.has(contig)) ranks.set(contig, ranks.size);
  const keyOf = (line: string): number => {
    const tab = line.indexOf('\t');
    // `<1>` names the same contig as `1` (as VcfOrderCheck reads it).
    const chrom = line.slice(0, tab).replace(/^<(.*)>$/, '$1');
    let rank = ranks.get(chrom);
    if (rank === undefined) ranks.set(chrom, (rank = ranks.size));
    const pos = Number.parseInt(line.slice(tab + 1, line.indexOf('\t', tab + 1)), 10);
    return rank * POS_SPAN + pos;
  };
  const runDir = `${out}.runs`;
  const runs: string[] = [];
  const header: string[] = [];
  // A run as two parallel arrays (a packed array of doubles holds its keys unboxed): far less
  // memory a record than an object each.
  let lines: string[] = [];
  let keys: number[] = [];
  let chars = 0;
  let records = 0;
  try {
    for await (const { line } of openText(source)) {
      if (line === '') continue;
      if (records === 0 && line.startsWith('#')) {
        header.push(line);
        continue;
      }
      lines.push(line);
      keys.push(keyOf(line));
      records++;
      chars += line.length;
      if (chars >= runChars) {
        if (runs.length === 0) await mkdir(runDir, { recursive: true });
        const run = `${runDir}/${runs.length}`;
        await writeLines(run, sortedLines(lines, keys));
        runs.push(run);
        lines = [];
        keys = [];
        chars = 0;
      }
    }
    if (runs.length === 0) {
      await writeLines(out, [...header, ...sortedLines(lines, keys)]);
      return { records, runs: 0 };
    }
    if (lines.length > 0) {
      const run = `${runDir}/${runs.length}`;
      await writeLines(run, sortedLines(lines, keys));
      runs.push(run);
    }
    lines = [];
    keys = [];
    await writeLines(out, merged(header, runs, keyOf));
    return { records, runs: runs.length };
  } finally {
    await rm(runDir, { recursive: true, force: true });
  }
}

/** The lines in key order; equal keys keep their order (the index breaks the tie). */
function* sortedLines(lines: string[], keys: number[]): Generator<string> {
  const order = Uint32Array.from(lines.keys());
  order.sort((a, b) => keys[a] - keys[b] || a - b);
  for (const i of order) yield lines[i];
}

interface Cursor {
  key: number;
  line: string;
  run: number;
  lines: AsyncGenerator<{ line: string }>;
}

/** The header, then the runs' lines merged in order; ties go to the earlier run (stable). */
async function* merged(
  header: string[],
  runs: string[],
  keyOf: (line: string) => number,
): AsyncGenerator<string> {
  yield* header;
  const heap: Cursor[] = [];
  const before = (a: Cursor, b: Cursor) => (a.key - b.key || a.run - b.run) < 0;
  const push = (cursor: Cursor) => {
    heap.push(cursor);
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  };
  const pop = (): Cursor => {
    const top = heap[0];
    const last = heap.pop();
    if (last !== undefined && heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let least = i;
        if (l < heap.length && before(heap[l], heap[least])) least = l;
        if (r < heap.length && before(heap[r], heap[least])) least = r;
        if (least === i) break;
        [heap[i], heap[least]] = [heap[least], heap[i]];
        i = least;
      }
    }
    return top;
  };
  const advance = async (run: number, lines: Cursor['lines']) => {
    const next = await lines.next();
    if (!next.done) push({ key: keyOf(next.value.line), line: next.value.line, run, lines });
  };
  const opened = runs.map((path) => openText(path));
  try {
    for (const [run, lines] of opened.entries()) await advance(run, lines);
    while (heap.length > 0) {
      const least = pop();
      yield least.line;
      await advance(least.run, least.lines);
    }
  } finally {
    // An early stop (an error writing `out`) closes the runs still open.
    await Promise.all(opened.map((lines) => lines.return(undefined)));
  }
}

/** Writes lines (each followed by LF) to `path` in blocks, with backpressure. */
async function writeLines(path: string, lines: Iterable<string> | AsyncIterable<string>) {
  async function* blocks() {
    let block = '';
    for await (const line of lines) {
      block += line + '\n';
      if (block.length >= BLOCK_CHARS) {
        yield block;
        block = '';
      }
    }
    if (block !== '') yield block;
  }
  await pipeline(Readable.from(blocks()), createWriteStream(path));
}
