import type { Rng } from '../random/rng.ts';

/** A simulated gene: 0-based half-open interval on `chrom`. */
export interface SimulatedGene {
  name: string;
  chrom: string;
  start: number;
  end: number;
}

/** A simulated variant site; `gene` is the index of the gene it lies in, or -1 (intergenic). */
export interface SimulatedSite {
  chrom: string;
  /** 1-based. */
  pos: number;
  ref: string;
  alts: string[];
  /** Population frequency of each ALT (written as INFO/AF). */
  frequencies: number[];
  gene: number;
}

const BASES = 'ACGT';
/** Allele frequencies are log-uniform in this range: most sites rare, as in real cohorts. */
const MIN_AF = 0.002;
const MAX_AF = 0.3;
const MULTIALLELIC_SHARE = 0.05;
const INTERGENIC_SHARE = 0.5;

/** A frequency drawn log-uniformly from [MIN_AF, MAX_AF]. */
function drawFrequency(rng: Rng): number {
  return MIN_AF * Math.exp(rng.next() * Math.log(MAX_AF / MIN_AF));
}

/**
 * Lays `count` non-overlapping genes (5–80 kb, 20–200 kb apart) over up to 22 autosomes in
 * blocks, so that the gene list is in BED order. Names are GENE001, GENE002, …
 */
export function layOutGenes(count: number, rng: Rng): SimulatedGene[] {
  const chromosomes = Math.min(22, count);
  const perChromosome = Math.ceil(count / chromosomes);
  const width = String(count).length < 3 ? 3 : String(count).length;
  const genes: SimulatedGene[] = [];
  let cursor = 0;
  for (let i = 0; i < count; i++) {
    if (i % perChromosome === 0) cursor = 1_000_000;
    const start = cursor + 20_000 + rng.int(180_000);
    const end = start + 5_000 + rng.int(75_000);
    cursor = end;
    genes.push({
      name: `GENE${String(i + 1).padStart(width, '0')}`,
      chrom: `chr${Math.floor(i / perChromosome) + 1}`,
      start,
      end,
    });
  }
  return genes;
}

/**
 * Variant sites: per gene 1 to 2 × `perGene` − 1 (mean `perGene`) at distinct positions inside
 * it, and for half the genes one intergenic site in the gap before it; 5% of sites have two ALTs.
 * Returned in file order (chromosome blocks, ascending position).
 */
export function placeSites(genes: SimulatedGene[], perGene: number, rng: Rng): SimulatedSite[] {
  const sites: SimulatedSite[] = [];
  let previousEnd = 0;
  let previousChrom = '';
  genes.forEach((gene, g) => {
    if (gene.chrom !== previousChrom) previousEnd = 0;
    previousChrom = gene.chrom;
    if (rng.next() < INTERGENIC_SHARE && gene.start - previousEnd > 2) {
      sites.push(
        site(gene.chrom, previousEnd + 1 + rng.int(gene.start - previousEnd - 1), -1, rng),
      );
    }
    const n = 1 + rng.int(2 * perGene - 1);
    const offsets = new Set<number>();
    while (offsets.size < Math.min(n, gene.end - gene.start)) {
      offsets.add(rng.int(gene.end - gene.start));
    }
    for (const offset of [...offsets].sort((a, b) => a - b)) {
      sites.push(site(gene.chrom, gene.start + offset + 1, g, rng));
    }
    previousEnd = gene.end;
  });
  return sites;
}

function site(chrom: string, pos: number, gene: number, rng: Rng): SimulatedSite {
  const ref = BASES[rng.int(4)];
  const others = [...BASES].filter((b) => b !== ref);
  rng.shuffle(others);
  const alts = rng.next() < MULTIALLELIC_SHARE ? others.slice(0, 2) : others.slice(0, 1);
  const frequencies = alts.map(() => drawFrequency(rng));
  return { chrom, pos, ref, alts, frequencies, gene };
}
