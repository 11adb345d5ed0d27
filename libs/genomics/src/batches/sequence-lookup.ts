import type { ReferenceSequence, WindowSource } from './window-source.ts';

interface Entry {
  key: Uint8Array;
  /** As the BED spells it, for messages. */
  written: string;
  sequence: ReferenceSequence | undefined;
  next: Entry | undefined;
}

/**
 * Finds the reference sequence of a BED chromosome given as bytes, without decoding them: each
 * spelling is decoded and resolved once, then found again by an FNV-1a hash of its bytes and a
 * byte compare. A run of regions on one chromosome hits the last entry first.
 */
export class SequenceLookup {
  private readonly table = new Map<number, Entry>();
  private readonly byText = new Map<string, ReferenceSequence | undefined>();
  private last: Entry | undefined;
  /** As the BED spells the last chromosome looked up. */
  written = '';

  constructor(private readonly source: WindowSource) {}

  /** The sequence of bytes [from, to) of `bytes`, or undefined when the reference lacks it. */
  find(bytes: Uint8Array, from: number, to: number): ReferenceSequence | undefined {
    const last = this.last;
    if (last !== undefined && same(last.key, bytes, from, to)) return last.sequence;
    let hash = 0x811c9dc5;
    for (let i = from; i < to; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
    let entry = this.table.get(hash);
    while (entry !== undefined && !same(entry.key, bytes, from, to)) entry = entry.next;
    if (entry === undefined) {
      // A copy: `bytes` is the reader's buffer, overwritten by later lines (and Buffer#slice
      // would only be a view of it).
      const key = Uint8Array.prototype.slice.call(bytes, from, to);
      const written = Buffer.from(key.buffer, key.byteOffset, key.length).toString('utf8');
      entry = { key, written, sequence: this.source.sequence(written), next: this.table.get(hash) };
      this.table.set(hash, entry);
    }
    this.last = entry;
    this.written = entry.written;
    return entry.sequence;
  }

  /** The same for a name already decoded (lines that took the BED reader's string path). */
  findText(chrom: string): ReferenceSequence | undefined {
    if (!this.byText.has(chrom)) this.byText.set(chrom, this.source.sequence(chrom));
    this.written = chrom;
    return this.byText.get(chrom);
  }
}

function same(key: Uint8Array, bytes: Uint8Array, from: number, to: number): boolean {
  if (key.length !== to - from) return false;
  for (let i = 0; i < key.length; i++) if (key[i] !== bytes[from + i]) return false;
  return true;
}
