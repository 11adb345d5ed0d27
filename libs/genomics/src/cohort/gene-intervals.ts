import { FormatError } from '../errors/format-error.ts';
import { GenomicsError } from '../errors/genomics-error.ts';
import { canonicalChromosome } from '../formats/chromosome-names.ts';
import type { BedRecord } from '../formats/bed/bed-reader.ts';

/** Intervals of one chromosome, sorted by start, with the running maximum of their ends. */
interface ChromosomeIntervals {
  starts: Int32Array;
  ends: Int32Array;
  genes: Int32Array;
  /** maxEnd[i] = max(ends[0..i]): lets an overlap query stop walking left early. */
  maxEnd: Int32Array;
}

/**
 * The genes of a BED file (name column = gene) as an overlap index. A gene may have several
 * lines (exons, say): they form one gene, in the order its name first appears. Chromosomes are
 * keyed by their canonical name (`chr1` = `1`, `chrM` = `MT`), as FASTA and VCF reconcile them.
 */
export class GeneIntervals {
  /** Gene names, in order of first appearance. */
  readonly genes: string[];
  private readonly byChromosome: Map<string, ChromosomeIntervals>;

  private constructor(genes: string[], byChromosome: Map<string, ChromosomeIntervals>) {
    this.genes = genes;
    this.byChromosome = byChromosome;
  }

  /** Reads the genes; `label` names the BED in errors (`genes.bed:7: …`). */
  static async from(
    records: Iterable<BedRecord> | AsyncIterable<BedRecord>,
    label = 'genes',
  ): Promise<GeneIntervals> {
    const genes: string[] = [];
    const index = new Map<string, number>();
    const raw = new Map<string, { start: number; end: number; gene: number }[]>();
    for await (const record of records) {
      const name = record.name?.trim();
      if (!name || name === '.') {
        throw new FormatError(label, record.line, 'the gene has no name (BED column 4)');
      }
      let gene = index.get(name);
      if (gene === undefined) {
        gene = genes.length;
        index.set(name, gene);
        genes.push(name);
      }
      const chrom = canonicalChromosome(record.chrom);
      const list = raw.get(chrom) ?? [];
      list.push({ start: record.start, end: record.end, gene });
      raw.set(chrom, list);
    }
    if (genes.length === 0) {
      throw new GenomicsError('NO_GENES', `${label}: no gene intervals`);
    }
    const byChromosome = new Map<string, ChromosomeIntervals>();
    for (const [chrom, list] of raw) {
      list.sort((a, b) => a.start - b.start || a.end - b.end);
      const n = list.length;
      const intervals: ChromosomeIntervals = {
        starts: Int32Array.from(list, (x) => x.start),
        ends: Int32Array.from(list, (x) => x.end),
        genes: Int32Array.from(list, (x) => x.gene),
        maxEnd: new Int32Array(n),
      };
      let max = -1;
      for (let i = 0; i < n; i++) {
        max = Math.max(max, intervals.ends[i]);
        intervals.maxEnd[i] = max;
      }
      byChromosome.set(chrom, intervals);
    }
    return new GeneIntervals(genes, byChromosome);
  }

  /**
   * Indexes of the genes with an interval overlapping the 0-based half-open [start, end) on
   * `chrom` (any spelling), each once, written to `out` (cleared first). Returns `out`.
   */
  overlapping(chrom: string, start: number, end: number, out: number[] = []): number[] {
    out.length = 0;
    const c = this.byChromosome.get(canonicalChromosome(chrom));
    if (c === undefined) return out;
    // The last interval starting before `end`, then left while an earlier one can still reach.
    let lo = 0;
    let hi = c.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (c.starts[mid] < end) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && c.maxEnd[i] > start; i--) {
      if (c.ends[i] > start && c.ends[i] > c.starts[i] && !out.includes(c.genes[i])) {
        out.push(c.genes[i]);
      }
    }
    return out;
  }
}
