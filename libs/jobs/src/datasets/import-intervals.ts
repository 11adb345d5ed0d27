/**
 * The `intervals` import: training windows cut from an indexed reference FASTA at the regions of
 * a BED / narrowPeak file, the way Selene, Janggu and gReLU take training data. Labels come from
 * the regions' own label columns, or from several BED files as tasks (a window's label for a
 * task is 1 when it overlaps one of that file's peaks), or are 1 for every region (positives).
 * Each window is centred on its region (a narrowPeak's summit) and resized to `windowWidth`;
 * chromosome names are reconciled with the reference's (`chr1` finds `1`). Optional negatives:
 * GC-matched background windows of the reference, or dinucleotide-shuffled positives
 * (@strand/genomics gcMatchedBackground, dinucleotideShuffle), labelled 0.
 *
 * Parts: task peaks (sorted typed arrays per chromosome: memory is the peaks', not the
 * windows'); the reference read in blocks (sorted regions cost a read per block, not per
 * window); the stream of windows into the store (sequence-store-writer.ts, with coordinates).
 */
import { basename } from 'node:path';
import {
  canonicalChromosome,
  createRng,
  dinucleotideShuffle,
  FastaIndex,
  gcMatchedBackground,
  readBed,
} from '@strand/genomics';
import type { BedRecord, GenomicRegion } from '@strand/genomics';
import type { StoredColumns } from '../learning/stored-data.ts';
import { importError } from './import-error.ts';
import type { ImportProgressReporter } from './import-progress.ts';
import type { SequenceStoreRecord, StoredSequences } from './sequence-store-writer.ts';
import { SequenceStoreWriter } from './sequence-store-writer.ts';

/** Negatives an intervals import can add. */
export const INTERVAL_NEGATIVES = ['gc-matched', 'shuffled'] as const;
export type IntervalNegatives = (typeof INTERVAL_NEGATIVES)[number];

/** What an intervals import reads (see the file comment). */
export interface IntervalsInput {
  /** BED (3–12 columns) or narrowPeak regions. */
  path: string;
  /** The reference FASTA (plain or bgzip; its .fai is built when missing). */
  referencePath: string;
  /** Width of every window, centred on its region. */
  windowWidth: number;
  /** BED files whose peaks are the tasks; without them, labelColumn or 1 for every region. */
  taskPaths?: string[] | null;
  /** The regions' label column(s): `name`, `score`, or 0-based column numbers, comma-separated. */
  labelColumn?: string | null;
  negatives?: IntervalNegatives | null;
  /** Seed of the negatives. */
  seed?: number | null;
}

/** Reference bases kept around the last window read. */
const BLOCK = 1 << 20;
/** Positives per round of GC-matched background. */
const NEGATIVE_ROUND = 512;

/** Peaks of one BED file per canonical chromosome: starts ascending, running maximum of ends. */
class PeakIndex {
  private readonly byChrom = new Map<string, { starts: Int32Array; maxEnds: Int32Array }>();

  static async read(path: string): Promise<PeakIndex> {
    const lists = new Map<string, number[]>();
    for await (const r of readBed(path, { label: basename(path) })) {
      const key = canonicalChromosome(r.chrom);
      let list = lists.get(key);
      if (!list) lists.set(key, (list = []));
      list.push(r.start, r.end);
    }
    const index = new PeakIndex();
    for (const [key, flat] of lists) {
      const n = flat.length / 2;
      const order = Int32Array.from({ length: n }, (_, i) => i).sort(
        (a, b) => flat[2 * a] - flat[2 * b],
      );
      const starts = new Int32Array(n);
      const maxEnds = new Int32Array(n);
      let max = -1;
      order.forEach((i, k) => {
        starts[k] = flat[2 * i];
        max = Math.max(max, flat[2 * i + 1]);
        maxEnds[k] = max;
      });
      index.byChrom.set(key, { starts, maxEnds });
    }
    return index;
  }

  overlaps(chrom: string, start: number, end: number): boolean {
    const set = this.byChrom.get(canonicalChromosome(chrom));
    if (!set) return false;
    let lo = 0;
    let hi = set.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (set.starts[mid] < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && set.maxEnds[lo - 1] > start;
  }
}

/**
 * The reference read a block at a time around the windows asked for. The block adapts: it
 * doubles (to 1 Mb) while blocks serve many windows (sorted regions: a read per block) and
 * halves (down to the window) while they serve one (unsorted regions: a read per window).
 */
class BlockReader {
  private chrom = '';
  private start = 0;
  private bases = '';
  private size = 1 << 16;
  private served = 0;

  constructor(readonly fasta: FastaIndex) {}

  async fetch(chrom: string, start: number, end: number): Promise<string> {
    if (chrom !== this.chrom || start < this.start || end > this.start + this.bases.length) {
      if (this.served <= 1) this.size = Math.max(this.size >> 1, 1);
      else if (this.served >= 16) this.size = Math.min(this.size << 1, BLOCK);
      this.served = 0;
      const length = this.fasta.length(chrom) ?? 0;
      this.chrom = chrom;
      this.start = start;
      this.bases = await this.fasta.fetch(
        chrom,
        start,
        Math.min(length, start + Math.max(this.size, end - start)),
      );
    }
    this.served++;
    return this.bases.slice(start - this.start, end - this.start);
  }
}

/** The label columns of `labelColumn`, as readBed numbers them. */
function labelColumns(raw: string): (number | 'name' | 'score')[] {
  return raw.split(',').map((c) => {
    const name = c.trim();
    if (name === 'name' || name === 'score') return name;
    const n = Number(name);
    if (!Number.isInteger(n) || n < 3) {
      throw importError(
        'INVALID_OPTIONS',
        `labelColumn "${name}": give name, score or a 0-based column number ≥ 3`,
      );
    }
    return n;
  });
}

const COLUMN_INDEX = { name: 3, score: 4 } as const;

/** Writes the windows of an intervals import into the store table `tmp` (file comment). */
export async function importIntervals(
  input: IntervalsInput,
  tmp: string,
  progress: ImportProgressReporter,
): Promise<StoredSequences> {
  const width = input.windowWidth;
  if (!Number.isInteger(width) || width < 1 || width > 1_000_000) {
    throw importError(
      'INVALID_OPTIONS',
      `windowWidth must be an integer from 1 to 1000000; got ${width}`,
    );
  }
  if (input.taskPaths?.length && input.labelColumn) {
    throw importError('INVALID_OPTIONS', 'give task BED files or label columns, not both');
  }
  const fasta = await FastaIndex.open(input.referencePath);
  const reference = new BlockReader(fasta);
  const tasks = await Promise.all((input.taskPaths ?? []).map((p) => PeakIndex.read(p)));
  const taskNames = (input.taskPaths ?? []).map((p) =>
    basename(p).replace(/\.(bed|narrowPeak|bed\.gz|narrowPeak\.gz)$/i, ''),
  );
  const columnsOf = input.labelColumn ? labelColumns(input.labelColumn) : [];
  const labelNames =
    tasks.length > 0
      ? taskNames
      : columnsOf.length > 0
        ? columnsOf.map((c) => (typeof c === 'number' ? `column_${c + 1}` : c))
        : ['label'];
  const columns: StoredColumns = { labels: labelNames, features: [], profile: null };
  const writer = new SequenceStoreWriter(tmp, columns, basename(input.path), true);
  const zeros = labelNames.map(() => 0 as string | number);
  const rng = createRng(input.seed ?? 1);
  const narrowPeak = /\.narrowPeak(\.gz)?$/i.test(input.path);
  let skipped = 0;
  let unknown = 0;
  let negatives = 0;
  const pending: GenomicRegion[] = [];
  const addNegatives = async (line: number) => {
    if (input.negatives !== 'gc-matched' || pending.length === 0) return;
    const background = await gcMatchedBackground(fasta, pending.splice(0), {
      seed: rng.int(2 ** 31),
      tolerance: 0.05,
    });
    for (const b of background) {
      const sequence = await reference.fetch(b.chrom, b.start, b.end);
      writer.add(window(b.chrom, b.start, b.end, sequence, zeros, '_background'), line);
      negatives++;
    }
  };
  let line = 0;
  try {
    for await (const r of readBed(progress.read(input.path), {
      label: basename(input.path),
      ...(narrowPeak ? { format: 'narrowPeak' as const } : {}),
    })) {
      progress.record();
      line = r.line;
      const chrom = fasta.resolve(r.chrom);
      if (chrom === undefined) {
        unknown++;
        continue;
      }
      const centre =
        narrowPeak && (r.peak ?? -1) >= 0
          ? r.start + (r.peak as number)
          : Math.floor((r.start + r.end) / 2);
      const start = centre - Math.floor(width / 2);
      const end = start + width;
      if (start < 0 || end > (fasta.length(chrom) ?? 0)) {
        skipped++;
        continue;
      }
      const sequence = await reference.fetch(chrom, start, end);
      const labels =
        tasks.length > 0
          ? tasks.map((t) => (t.overlaps(chrom, start, end) ? 1 : 0))
          : columnsOf.length > 0
            ? columnsOf.map((c) => labelOf(r, typeof c === 'number' ? c : COLUMN_INDEX[c]))
            : [1];
      writer.add(window(chrom, start, end, sequence, labels, ''), r.line);
      if (input.negatives === 'shuffled') {
        const shuffled = dinucleotideShuffle(sequence, rng);
        writer.add(window(chrom, start, end, shuffled, zeros, '_shuffled'), r.line);
        negatives++;
      } else if (input.negatives === 'gc-matched') {
        pending.push({ chrom, start, end });
        if (pending.length >= NEGATIVE_ROUND) await addNegatives(r.line);
      }
    }
    await addNegatives(line);
    if (writer.records === 0) {
      throw importError(
        'EMPTY',
        `${basename(input.path)}: no window of ${width} bp fits the reference (${unknown} regions on chromosomes it lacks, ${skipped} off a chromosome's end)`,
      );
    }
    const stored = writer.finish();
    Object.assign(stored.summary, {
      intervals: {
        reference: basename(input.referencePath),
        windowWidth: width,
        tasks: taskNames,
        negatives: input.negatives ?? null,
        negativeRecords: negatives,
        skippedOffChromosome: skipped,
        skippedUnknownChromosome: unknown,
      },
    });
    return stored;
  } catch (error) {
    writer.abort();
    throw error;
  }
}

/** A window as a stored record; its id says where it lies (chromosome splits read it). */
function window(
  chrom: string,
  start: number,
  end: number,
  sequence: string,
  labels: readonly (string | number)[],
  suffix: string,
): SequenceStoreRecord {
  return { id: `${chrom}:${start}-${end}${suffix}`, sequence, labels, chrom, start, end };
}

/** A region's value in column `index`, as a label. */
function labelOf(r: BedRecord, index: number): string | number {
  const value = r.columns[index];
  if (value === undefined) {
    throw importError(
      'MISSING_LABEL',
      `line ${r.line}: no column ${index + 1} to label the region`,
    );
  }
  return /^[+-]?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}
