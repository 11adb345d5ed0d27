import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { BgzipIndexedFasta, IndexedFasta } from '@gmod/indexedfasta';
import { GenomicsError } from '../../errors/genomics-error.ts';
import { COMPRESSION_SNIFF_BYTES, detectCompression } from '../../io/detect-compression.ts';
import { buildGzi } from '../../io/gzi-builder.ts';
import { ChromosomeNames } from '../chromosome-names.ts';
import { buildFai } from './fai-builder.ts';

/** Options of {@link FastaIndex.open}. */
export interface FastaIndexOptions {
  /** The `.fai`; defaults to `<path>.fai`. Built there when missing. */
  faiPath?: string;
  /** The `.gzi` of a bgzipped FASTA; defaults to `<path>.gzi`. Built there when missing. */
  gziPath?: string;
}

async function sniff(path: string) {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(
      Buffer.alloc(COMPRESSION_SNIFF_BYTES),
      0,
      COMPRESSION_SNIFF_BYTES,
      0,
    );
    return detectCompression(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/**
 * Random access to a reference FASTA by region through its `.fai` (@gmod/indexedfasta:
 * IndexedFasta for plain files, BgzipIndexedFasta with a `.gzi` for bgzip); missing indexes
 * are built and written. Chromosome names are reconciled (`chr17` finds `17`, `chrM` finds
 * `MT`). Plain gzip cannot be read at random and is refused.
 */
export class FastaIndex {
  private constructor(
    readonly path: string,
    /** The `.fai` the index was read from. */
    readonly faiPath: string,
    /** `none` or `bgzip` (plain gzip is refused). */
    readonly compression: 'none' | 'bgzip',
    private readonly fasta: IndexedFasta,
    private readonly names: ChromosomeNames,
    private readonly sizes: Record<string, number>,
  ) {}

  /** Opens an indexed FASTA, building the `.fai` of a plain FASTA when it is missing. */
  static async open(path: string, options: FastaIndexOptions = {}): Promise<FastaIndex> {
    const faiPath = options.faiPath ?? `${path}.fai`;
    const compression = await sniff(path);
    if (compression === 'gzip') {
      throw new GenomicsError(
        'UNINDEXABLE_FASTA',
        `${path}: gzip FASTA cannot be indexed; compress it with bgzip`,
      );
    }
    let fasta: IndexedFasta;
    if (compression === 'bgzip') {
      const gziPath = options.gziPath ?? `${path}.gzi`;
      if (!existsSync(gziPath)) await buildGzi(path, gziPath);
      if (!existsSync(faiPath)) await buildFai(path, faiPath, true);
      fasta = new BgzipIndexedFasta({ path, faiPath, gziPath });
    } else {
      if (!existsSync(faiPath)) await buildFai(path, faiPath);
      fasta = new IndexedFasta({ path, faiPath });
    }
    const sizes = await fasta.getSequenceSizes();
    const names = new ChromosomeNames(Object.keys(sizes));
    return new FastaIndex(path, faiPath, compression, fasta, names, sizes);
  }

  /** Sequence names as the index spells them. */
  get sequenceNames(): string[] {
    return this.names.names;
  }

  /** The index's spelling of a chromosome name, or undefined when absent. */
  resolve(chrom: string): string | undefined {
    return this.names.resolve(chrom);
  }

  /** Length of a chromosome (any spelling), or undefined when absent. */
  length(chrom: string): number | undefined {
    const name = this.resolve(chrom);
    return name === undefined ? undefined : this.sizes[name];
  }

  /** Bases [start0, end0) of a chromosome, 0-based half-open, case kept (lowercase = soft-masked). */
  async fetch(chrom: string, start0: number, end0: number): Promise<string> {
    const name = this.resolve(chrom);
    if (name === undefined) {
      const known = this.names.names.slice(0, 10).join(', ');
      throw new GenomicsError(
        'UNKNOWN_CHROMOSOME',
        `${this.path}: chromosome "${chrom}" is not in the reference (${known})`,
      );
    }
    const size = this.sizes[name];
    if (
      !Number.isInteger(start0) ||
      !Number.isInteger(end0) ||
      start0 < 0 ||
      end0 > size ||
      start0 > end0
    ) {
      throw new GenomicsError(
        'OUT_OF_RANGE',
        `${this.path}: region ${chrom}:${start0}-${end0} (0-based, half-open) is outside ${name} (length ${size})`,
      );
    }
    if (start0 === end0) return '';
    return (await this.fasta.getSequence(name, start0, end0)) ?? '';
  }
}
