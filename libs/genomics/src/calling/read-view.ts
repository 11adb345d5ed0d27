import type { AlignedRead } from './aligned-read.ts';
import { FLAG } from './aligned-read.ts';
import type { AllelePair } from './normalize-allele.ts';
import { normalizeAllele } from './normalize-allele.ts';

/** Reference bases of [start0, start0 + bases.length), uppercase; `N` outside. */
export class RefWindow {
  constructor(
    readonly start0: number,
    readonly bases: string,
  ) {}

  at = (pos0: number): string => this.bases[pos0 - this.start0] ?? 'N';
}

/** Code in `ReadView.bases` of a deleted reference base. */
export const DELETED = 42; // '*'

/**
 * A read laid on the reference: its base (char code) and quality at each reference position it
 * covers (`DELETED` inside a deletion), where insertions follow, and its indels as normalised
 * allele pairs (so reads that place the same indel differently in a repeat agree).
 */
export interface ReadView {
  read: AlignedRead;
  reverse: boolean;
  /** Char code per reference position [read.start0, read.end0); 0 where skipped (N). */
  bases: Uint8Array;
  quals: Uint8Array;
  /** 0-based reference positions after which the read carries inserted bases. */
  insertionsAfter: number[];
  /** Normalised indels (VCF-style: one anchor base). */
  indels: AllelePair[];
}

/**
 * Lays one read on the reference (CIGAR walk; soft clips are not aligned, so not counted).
 * `storage` (zeroed, 2 × the read's reference span) holds its bases then its qualities, so a tile
 * of reads can share one buffer instead of two small ArrayBuffers per read.
 */
export function viewRead(
  read: AlignedRead,
  ref: RefWindow,
  storage: Uint8Array = new Uint8Array(2 * referenceSpan(read)),
): ReadView {
  const span = referenceSpan(read);
  if (storage.length < 2 * span)
    throw new RangeError(`viewRead: storage of ${storage.length} bytes, ${2 * span} needed`);
  const bases = storage.subarray(0, span);
  const quals = storage.subarray(span, 2 * span);
  const insertionsAfter: number[] = [];
  const indels: AllelePair[] = [];
  let refPos = read.start0;
  let readPos = 0;
  for (let i = 0; i < read.cigar.length; i++) {
    const op = read.cigar[i] & 0xf;
    const len = read.cigar[i] >>> 4;
    switch (op) {
      case 0: // M
      case 7: // =
      case 8: // X
        for (let k = 0; k < len; k++) {
          const at = refPos + k - read.start0;
          if (at >= 0 && at < span) {
            bases[at] = read.seq.charCodeAt(readPos + k);
            quals[at] = read.qual[readPos + k] ?? 255;
          }
        }
        refPos += len;
        readPos += len;
        break;
      case 1: {
        // I: inserted after refPos - 1
        const anchor = ref.at(refPos - 1);
        insertionsAfter.push(refPos - 1);
        indels.push(
          normalizeAllele(
            { pos0: refPos - 1, ref: anchor, alt: anchor + read.seq.slice(readPos, readPos + len) },
            ref.at,
          ),
        );
        readPos += len;
        break;
      }
      case 2: {
        // D
        for (let k = 0; k < len; k++) {
          const at = refPos + k - read.start0;
          if (at >= 0 && at < span) bases[at] = DELETED;
        }
        const anchor = ref.at(refPos - 1);
        let deleted = '';
        for (let k = 0; k < len; k++) deleted += ref.at(refPos + k);
        indels.push(
          normalizeAllele({ pos0: refPos - 1, ref: anchor + deleted, alt: anchor }, ref.at),
        );
        refPos += len;
        break;
      }
      case 3: // N
        refPos += len;
        break;
      case 4: // S
        readPos += len;
        break;
      default: // H, P
        break;
    }
  }
  return {
    read,
    reverse: (read.flags & FLAG.reverse) !== 0,
    bases,
    quals,
    insertionsAfter,
    indels,
  };
}

/** Reference positions a read covers ([start0, end0); 0 for a malformed read ending before it starts). */
export function referenceSpan(read: AlignedRead): number {
  return Math.max(0, read.end0 - read.start0);
}

/** Whether the read carries `allele` (an SNV base at its position, or the same normalised indel). */
export function readSupports(view: ReadView, allele: AllelePair): boolean {
  if (allele.ref.length === 1 && allele.alt.length === 1) {
    const at = allele.pos0 - view.read.start0;
    return at >= 0 && at < view.bases.length && view.bases[at] === allele.alt.charCodeAt(0);
  }
  return view.indels.some(
    (indel) => indel.pos0 === allele.pos0 && indel.ref === allele.ref && indel.alt === allele.alt,
  );
}
