import { existsSync } from 'node:fs';
import { BamFile } from '@gmod/bam';
import { CraiIndex, IndexedCramFile } from '@gmod/cram';
import { GenomicsError } from '../errors/genomics-error.ts';
import type { FastaIndex } from '../formats/fasta/fasta-index.ts';
import type { AlignedRead } from './aligned-read.ts';

/** Reads of an indexed BAM or CRAM by region (@gmod/bam, @gmod/cram). */
export interface AlignmentFile {
  /** Reference names and lengths from the header, in file order. */
  contigs(): Promise<{ name: string; length: number }[]>;
  /** Every alignment overlapping [start0, end0) of `chrom`, unfiltered, sorted by start. */
  reads(chrom: string, start0: number, end0: number): Promise<AlignedRead[]>;
}

/** `reads.bam.bai`, `reads.bam.csi`, then `reads.bai` (samtools' and Picard's spellings). */
function firstIndex(path: string, suffixes: string[]): string | undefined {
  const candidates = suffixes.flatMap((suffix) => [
    `${path}${suffix}`,
    path.replace(/\.[^.]+$/, suffix),
  ]);
  return candidates.find((candidate) => candidate !== path && existsSync(candidate));
}

// @gmod/bam keeps parsed chunks up to 100 MB of decompressed bytes (its default, made for a
// genome browser's view that moves back and forth), so a caller streaming tile after tile held
// every tile it had read: RSS grew ~12 MB per 50 kb tile at 30×. Tiles go left to right, so a
// chunk is wanted again only by the next few 5 kb tiles of the same 16 kb index window (and for
// reads across a tile edge). A chunk kept longer outlives V8's young generation and is freed only
// by a full collection, so the budget is a few windows' worth at 30× (~1.3 MB each): with none,
// every tile decompressed its window again (~50% more buffer garbage per tile, bench:call).
const BAM_CACHE_BYTES = 4 * 2 ** 20;

/**
 * Opens `path` (`.bam` with `.bai`/`.csi`, or `.cram` with `.crai`; the reference decodes CRAM).
 * A missing index is a typed error that says how to build one.
 */
export async function openAlignmentFile(
  path: string,
  reference: FastaIndex,
): Promise<AlignmentFile> {
  if (!existsSync(path)) throw new GenomicsError('FILE_NOT_FOUND', `${path}: no such file`);
  if (/\.cram$/i.test(path)) return openCram(path, reference);
  const index = firstIndex(path, ['.bai', '.csi']);
  if (!index)
    throw new GenomicsError(
      'MISSING_INDEX',
      `${path}: no .bai or .csi index; run samtools index ${path}`,
    );
  const bam = new BamFile({
    bamPath: path,
    ...(index.endsWith('.csi') ? { csiPath: index } : { baiPath: index }),
    maxCacheBytes: BAM_CACHE_BYTES,
  });
  const header = await bam.getHeader();
  const contigs = (header ?? [])
    .filter((line) => line.tag === 'SQ')
    .map((line) => {
      const get = (tag: string) => line.data.find((d) => d.tag === tag)?.value ?? '';
      return { name: get('SN'), length: Number(get('LN')) };
    });
  return {
    contigs: async () => contigs,
    reads: async (chrom, start0, end0) => {
      const records = await bam.getRecordsForRange(chrom, start0, end0);
      return records.map((r) => ({
        start0: r.start,
        end0: r.end,
        flags: r.flags,
        mapq: r.mq ?? 255,
        cigar: r.NUMERIC_CIGAR,
        seq: r.seq.toUpperCase(),
        qual: r.qual ?? new Uint8Array(r.seq.length).fill(255),
      }));
    },
  };
}

const CRAM_OP: Record<string, number> = { M: 0, I: 1, D: 2, N: 3, S: 4, H: 5, P: 6, '=': 7, X: 8 };

async function openCram(path: string, reference: FastaIndex): Promise<AlignmentFile> {
  const crai = firstIndex(path, ['.crai']);
  if (!crai)
    throw new GenomicsError('MISSING_INDEX', `${path}: no .crai index; run samtools index ${path}`);
  const contigNames: string[] = [];
  const cram = new IndexedCramFile({
    cramPath: path,
    index: new CraiIndex({ path: crai }),
    seqFetch: async (seqId: number, start1: number, end1: number) =>
      reference.fetch(contigNames[seqId] ?? '', start1 - 1, end1),
  });
  const header = await cram.cram.getSamHeader();
  const contigs = header
    .filter((line) => line.tag === 'SQ')
    .map((line) => {
      const get = (tag: string) => line.data.find((d) => d.tag === tag)?.value ?? '';
      return { name: get('SN'), length: Number(get('LN')) };
    });
  contigs.forEach((c, i) => (contigNames[i] = c.name));
  return {
    contigs: async () => contigs,
    reads: async (chrom, start0, end0) => {
      const seqId = contigNames.indexOf(chrom);
      if (seqId < 0) return [];
      const records = await cram.getRecordsForRange(seqId, start0 + 1, end0);
      return records
        .map((r) => {
          const seq = (r.getReadBases() ?? '').toUpperCase();
          const cigar = cigarOf(r.readFeatures ?? [], r.lengthOnRef ?? 0, seq.length);
          return {
            start0: r.alignmentStart - 1,
            end0: r.alignmentStart - 1 + (r.lengthOnRef ?? 0),
            flags: r.flags,
            mapq: r.mappingQuality ?? 255,
            cigar,
            seq,
            qual: r.qualityScores ?? new Uint8Array(seq.length).fill(255),
          };
        })
        .sort((a, b) => a.start0 - b.start0);
    },
  };
}

/** A BAM-style CIGAR from CRAM read features (insertions, deletions, soft clips, skips). */
function cigarOf(
  features: readonly { code: string; pos: number; data: unknown }[],
  lengthOnRef: number,
  readLength: number,
): number[] {
  const ops: number[] = [];
  const push = (len: number, code: number) => {
    if (len <= 0) return;
    const last = ops.length - 1;
    if (last >= 0 && (ops[last] & 0xf) === code) ops[last] += len << 4;
    else ops.push((len << 4) | code);
  };
  let readPos = 1; // 1-based position in the read of the next base
  let refUsed = 0;
  for (const f of features) {
    const gap = f.pos - readPos;
    push(gap, CRAM_OP.M);
    readPos += gap;
    refUsed += gap;
    switch (f.code) {
      case 'I':
      case 'i': {
        const len = f.code === 'i' ? 1 : String(f.data).length;
        push(len, CRAM_OP.I);
        readPos += len;
        break;
      }
      case 'S': {
        const len = String(f.data).length;
        push(len, CRAM_OP.S);
        readPos += len;
        break;
      }
      case 'D':
      case 'N': {
        const len = Number(f.data);
        push(len, f.code === 'D' ? CRAM_OP.D : CRAM_OP.N);
        refUsed += len;
        break;
      }
      default:
        break; // substitutions, bases and qualities are matches on the CIGAR
    }
  }
  push(Math.min(readLength - readPos + 1, lengthOnRef - refUsed), CRAM_OP.M);
  return ops;
}
