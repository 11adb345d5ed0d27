/** One alignment as the caller needs it, whichever file (BAM, CRAM) it came from. */
export interface AlignedRead {
  /** First aligned reference base, 0-based. */
  start0: number;
  /** One past the last aligned reference base. */
  end0: number;
  flags: number;
  mapq: number;
  /** CIGAR as BAM stores it: each op is `length << 4 | code` (M=0 I=1 D=2 N=3 S=4 H=5 P=6 ==7 X=8). */
  cigar: ArrayLike<number>;
  /** Read bases (uppercase), soft clips included. */
  seq: string;
  /** Phred base qualities, one per base of `seq` (255 when the file has none). */
  qual: ArrayLike<number>;
}

/** SAM flag bits the caller reads. */
export const FLAG = {
  unmapped: 0x4,
  reverse: 0x10,
  secondary: 0x100,
  qcFail: 0x200,
  duplicate: 0x400,
  supplementary: 0x800,
} as const;

/** Which reads count (DeepVariant's defaults: MAPQ ≥ 10, base quality ≥ 10). */
export interface ReadFilter {
  /** Reads below this mapping quality are left out; default 10. */
  minMapq: number;
  /** Reads with any of these flag bits are left out; default unmapped, secondary, QC-fail,
   *  duplicate and supplementary. */
  excludeFlags: number;
  /** Bases below this quality are not counted for SNV candidates; default 10. */
  minBaseQuality: number;
}

export const DEFAULT_READ_FILTER: Readonly<ReadFilter> = Object.freeze({
  minMapq: 10,
  excludeFlags: FLAG.unmapped | FLAG.secondary | FLAG.qcFail | FLAG.duplicate | FLAG.supplementary,
  minBaseQuality: 10,
});

/** Whether a read passes the MAPQ and flag filters. */
export function keepRead(read: AlignedRead, filter: ReadFilter): boolean {
  return read.mapq >= filter.minMapq && (read.flags & filter.excludeFlags) === 0;
}
