import type { SimulatedGene, SimulatedSite } from './cohort-layout.ts';

/** A BED4 of the genes (name column = gene). */
export function genesBed(genes: readonly SimulatedGene[]): string {
  return genes.map((g) => `${g.chrom}\t${g.start}\t${g.end}\t${g.name}\n`).join('');
}

/** The header of the simulated VCF: contigs long enough for every gene, AF and GT defined. */
export function vcfHeader(
  genes: readonly SimulatedGene[],
  samples: readonly string[],
  seed: number,
): string {
  const contigEnds = new Map<string, number>();
  for (const g of genes) contigEnds.set(g.chrom, Math.max(contigEnds.get(g.chrom) ?? 0, g.end));
  const contigs = [...contigEnds].map(
    ([chrom, end]) => `##contig=<ID=${chrom},length=${end + 1_000_000}>`,
  );
  return [
    '##fileformat=VCFv4.2',
    `##source=strand simulateCohort seed=${seed}`,
    ...contigs,
    '##INFO=<ID=AF,Number=A,Type=Float,Description="Population frequency of each ALT allele">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', ...samples].join(
      '\t',
    ),
  ].join('\n');
}

/** One VCF data line for `site` with the samples' GT values. */
export function vcfLine(site: SimulatedSite, genotypes: readonly string[]): string {
  const af = site.frequencies.map((f) => Number(f.toPrecision(4))).join(',');
  return `${site.chrom}\t${site.pos}\t.\t${site.ref}\t${site.alts.join(',')}\t.\tPASS\tAF=${af}\tGT\t${genotypes.join('\t')}`;
}

/** Genes × samples TSV (the layout `readExpressionMatrix` reads), 3 decimals. */
export function expressionTsv(
  genes: readonly string[],
  samples: readonly string[],
  values: Float32Array,
): string {
  const lines = [['gene', ...samples].join('\t')];
  const n = samples.length;
  genes.forEach((gene, g) => {
    const row = [gene];
    for (let s = 0; s < n; s++) row.push((values[s * genes.length + g] as number).toFixed(3));
    lines.push(row.join('\t'));
  });
  return `${lines.join('\n')}\n`;
}

/** The sample table: `sample` and `status` (case / control). */
export function sampleTable(samples: readonly string[], status: Uint8Array): string {
  const rows = samples.map((s, i) => `${s}\t${status[i] === 1 ? 'case' : 'control'}`);
  return `sample\tstatus\n${rows.join('\n')}\n`;
}
