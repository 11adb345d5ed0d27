import type { FastaIndex } from '../formats/fasta/fasta-index.ts';

const BLOCK = 1 << 16;

/**
 * Reads reference bases for many nearby variants: keeps the last 64 kb block of each
 * chromosome, so sorted variants cost one FASTA read per block rather than one per variant.
 * Positions outside the chromosome read as `N` (windows at contig edges are padded).
 */
export class ReferenceReader {
  private readonly blocks = new Map<string, { start: number; bases: string }>();

  constructor(readonly fasta: FastaIndex) {}

  /** Bases [start0, end0) of `chrom` (already resolved to the FASTA's spelling), N-padded. */
  async bases(chrom: string, start0: number, end0: number): Promise<string> {
    const length = this.fasta.length(chrom) ?? 0;
    const from = Math.max(0, start0);
    const to = Math.min(length, end0);
    let inside = '';
    for (let at = from; at < to;) {
      const block = await this.block(chrom, at - (at % BLOCK), length);
      const stop = Math.min(to, block.start + block.bases.length);
      inside += block.bases.slice(at - block.start, stop - block.start);
      at = stop;
    }
    const left = 'N'.repeat(Math.max(0, Math.min(from, end0) - start0));
    const right = 'N'.repeat(Math.max(0, end0 - Math.max(to, start0)));
    return left + inside + right;
  }

  private async block(chrom: string, start: number, length: number) {
    const cached = this.blocks.get(chrom);
    if (cached?.start === start) return cached;
    const bases = await this.fasta.fetch(chrom, start, Math.min(length, start + BLOCK));
    const block = { start, bases };
    this.blocks.set(chrom, block);
    return block;
  }
}
