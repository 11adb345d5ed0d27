import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBed } from '../formats/bed/bed-reader.ts';
import type { BedRecord } from '../formats/bed/bed-reader.ts';
import { openVcf } from '../formats/vcf/vcf-reader.ts';
import type { VcfRecord } from '../formats/vcf/vcf-record.ts';
import { bgzipCompress } from '../io/bgzip.ts';
import { geneBurden } from './gene-burden.ts';
import { genotypeDosage } from './genotype-dosage.ts';

// Genes in `chr` spelling; the VCF below uses bare names (1, 2, MT), as often happens.
// GA has two lines (two exons); GB overlaps GA's second exon; GC is on chrM.
const BED = [
  'chr1\t99\t200\tGA', // POS 100..200
  'chr1\t299\t400\tGA', // POS 300..400
  'chr1\t350\t500\tGB', // POS 351..500
  'chrM\t0\t1000\tGC',
  'chr2\t0\t10\tGD', // no variants
].join('\n');

const HEADER = [
  '##fileformat=VCFv4.2',
  '##INFO=<ID=AF,Number=A,Type=Float,Description="allele frequency">',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2\tS3',
];
const ROWS = [
  '1\t50\t.\tA\tG\t.\tPASS\tAF=0.5\tGT\t1/1\t1/1\t1/1', // outside every gene
  '1\t98\t.\tCAT\tC\t.\tPASS\tAF=0.001\tGT\t0/1\t0/0\t0/0', // deletion reaching into GA (REF span)
  '1\t150\t.\tA\tG\t.\tPASS\tAF=0.001\tGT\t1/1\t0|1\t./.', // GA: hom-alt, het, missing
  '1\t160\t.\tA\tG,T\t.\tPASS\tAF=0.2,0.001\tGT\t1/2\t0/2\t.', // GA: multi-allelic
  '1\t360\t.\tC\tT\t.\tPASS\t.\tGT\t0/1\t./1\t1/1', // GA and GB (overlap); no AF
  '1\t450\t.\tG\tA\t.\tPASS\tAF=0.3\tGT\t0/0\t1/1\t0/1', // GB only, common
  'MT\t7\t.\tT\tC,*\t.\tPASS\tAF=0.01,0.01\tGT\t1\t2\t0', // GC, haploid; `*` is not a variant here
];
const vcfText = `${HEADER.join('\n')}\n${ROWS.join('\n')}\n`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strand-burden-'));
  await writeFile(join(dir, 'genes.bed'), `${BED}\n`);
  await writeFile(join(dir, 'calls.vcf'), vcfText);
  await writeFile(join(dir, 'calls.vcf.gz'), bgzipCompress(Buffer.from(vcfText)));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const genes = () => readBed(join(dir, 'genes.bed'), { label: 'genes.bed' });
/** Matrix rows by sample as { gene: count }. */
const table = (samples: string[], names: string[], m: ArrayLike<number>) =>
  Object.fromEntries(
    samples.map((s, i) => [
      s,
      Object.fromEntries(names.map((g, j) => [g, m[i * names.length + j]])),
    ]),
  );

describe('geneBurden', () => {
  it('counts non-reference alleles per sample and gene across chr naming, overlaps and exons', async () => {
    const b = await geneBurden(join(dir, 'calls.vcf'), genes());
    expect(b.samples).toEqual(['S1', 'S2', 'S3']);
    expect(b.genes).toEqual(['GA', 'GB', 'GC', 'GD']);
    // GA: 98 del (1,0,0) + 150 (2,1,0) + 160 (2,1,0) + 360 (1,1,2) ; GB: 360 + 450 (0,2,1) ;
    // GC: haploid 1 counts, allele 2 is `*` and does not.
    expect(table(b.samples, b.genes, b.matrix)).toEqual({
      S1: { GA: 6, GB: 1, GC: 1, GD: 0 },
      S2: { GA: 3, GB: 3, GC: 0, GD: 0 },
      S3: { GA: 2, GB: 3, GC: 0, GD: 0 },
    });
    // Missing: S3 at 150 (./.) and 160 (.), S2 at 360 (./1, still counted 1) in GA and GB.
    expect(table(b.samples, b.genes, b.missingCounts)).toEqual({
      S1: { GA: 0, GB: 0, GC: 0, GD: 0 },
      S2: { GA: 1, GB: 1, GC: 0, GD: 0 },
      S3: { GA: 2, GB: 0, GC: 0, GD: 0 },
    });
    expect(b.matrix).toBeInstanceOf(Float32Array);
    expect([b.variantsUsed, b.variantsOutsideGenes, b.variantsFiltered]).toEqual([6, 1, 0]);
  });

  it('gives the same result for a bgzipped VCF and for a stream of records', async () => {
    const plain = await geneBurden(join(dir, 'calls.vcf'), genes());
    const gz = await geneBurden(join(dir, 'calls.vcf.gz'), genes());
    expect(gz).toEqual(plain);
    const records = await openVcf(Readable.from([Buffer.from(vcfText)]), { genotypes: true });
    async function* only(): AsyncGenerator<VcfRecord> {
      yield* records;
    }
    const bedRecords: BedRecord[] = [];
    for await (const r of genes()) bedRecords.push(r);
    const streamed = await geneBurden(only(), bedRecords);
    expect(streamed.matrix).toEqual(plain.matrix);
    expect(streamed.samples).toEqual(['S1', 'S2', 'S3']);
  });

  it('counts only ALT alleles below maxAlleleFrequency (rare-variant burden)', async () => {
    const b = await geneBurden(join(dir, 'calls.vcf'), genes(), { maxAlleleFrequency: 0.05 });
    // 160: only T (AF 0.001) counts → S1 1/2 gives 1, S2 0/2 gives 1; 450 (AF 0.3) is filtered;
    // 360 has no AF and is kept by default.
    expect(table(b.samples, b.genes, b.matrix)).toEqual({
      S1: { GA: 5, GB: 1, GC: 1, GD: 0 },
      S2: { GA: 3, GB: 1, GC: 0, GD: 0 },
      S3: { GA: 2, GB: 2, GC: 0, GD: 0 },
    });
    expect([b.variantsUsed, b.variantsFiltered, b.allelesWithoutFrequency]).toEqual([5, 1, 1]);
    const strict = await geneBurden(join(dir, 'calls.vcf'), genes(), {
      maxAlleleFrequency: 0.05,
      withoutFrequency: 'skip',
    });
    expect(table(strict.samples, strict.genes, strict.matrix)['S3']).toEqual({
      GA: 0,
      GB: 0,
      GC: 0,
      GD: 0,
    });
  });

  it('names the file and line of bad input', async () => {
    await expect(
      geneBurden(join(dir, 'calls.vcf'), genes(), { maxAlleleFrequency: 0 }),
    ).rejects.toThrow('maxAlleleFrequency must be in (0, 1], got 0');
    const unnamed = Readable.from([Buffer.from('chr1\t0\t10\n')]);
    await expect(
      geneBurden(join(dir, 'calls.vcf'), readBed(unnamed, { label: 'g.bed' }), {
        genesLabel: 'g.bed',
      }),
    ).rejects.toThrow('g.bed:1: the gene has no name (BED column 4)');
    async function* badGt(): AsyncGenerator<VcfRecord> {
      const base = { chrom: 'chr1', pos: 150, id: [], ref: 'A', alts: ['G'], qual: null };
      yield { ...base, line: 9, filter: [], info: {}, samples: { S1: { GT: ['0/2'] } } };
    }
    await expect(geneBurden(badGt(), genes(), { label: 'custom' })).rejects.toThrow(
      'custom:9: sample "S1": GT is not a genotype of 1 ALT allele(s)',
    );
    const noGenotypes = await openVcf(join(dir, 'calls.vcf'));
    await expect(geneBurden(noGenotypes, genes(), { label: 'calls.vcf' })).rejects.toThrow(
      'calls.vcf:5: the record carries no genotypes (open the VCF with genotypes: true)',
    );
  });
});

describe('genotypeDosage', () => {
  it('reads diploid, haploid, polyploid, phased and partly missing genotypes', () => {
    const all = [true, true];
    expect(genotypeDosage('0/0', all)).toEqual({ dosage: 0, missing: false });
    expect(genotypeDosage('1|1', all)).toEqual({ dosage: 2, missing: false });
    expect(genotypeDosage('0/2', [true, false])).toEqual({ dosage: 0, missing: false });
    expect(genotypeDosage('|1/2', all)).toEqual({ dosage: 2, missing: false });
    expect(genotypeDosage('1/1/0', all)).toEqual({ dosage: 2, missing: false });
    expect(genotypeDosage('./.', all)).toEqual({ dosage: 0, missing: true });
    expect(genotypeDosage(undefined, all)).toEqual({ dosage: 0, missing: true });
    expect(genotypeDosage('./2', all)).toEqual({ dosage: 1, missing: true });
    expect(genotypeDosage('0/3', all)).toBeUndefined();
    expect(genotypeDosage('a/b', all)).toBeUndefined();
  });
});
