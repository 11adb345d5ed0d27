/**
 * Reading VCFs shaped like real call sets, against bcftools on the same files: Strand's reader
 * (`openVcf`, every line checked) over
 * - `gatk`: one sample, GATK HaplotypeCaller's 14 INFO keys and GT:AD:DP:GQ:PL, values varying
 *   per record as in a real call set;
 * - `cohort`: 1000 Genomes' shape, 2,504 samples of GT only, mostly 0|0;
 * with INFO parsed (`openVcf(path)`, what an import reads) and not (`{ info: false }`, what variant
 * scoring reads), and `bcftools view -H` to /dev/null when bcftools is installed (apt-get install
 * -y bcftools). Prints records/s and the ratio Strand ÷ bcftools per file, then one JSON line.
 *
 *   node --import tsx tools/bench/vcf-read.ts [--records 200000] [--cohort-records 5000]
 *        [--repeat 3]
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createRng, openVcf } from '@strand/genomics';
import { median, positiveInteger, round } from './bench-helpers.ts';

const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: '200000' },
    'cohort-records': { type: 'string', default: '5000' },
    repeat: { type: 'string', default: '3' },
  },
});
const records = positiveInteger('records', args.records);
const cohortRecords = positiveInteger('cohort-records', args['cohort-records']);
const repeat = positiveInteger('repeat', args.repeat);
const rng = createRng(7);
const BASES = 'ACGT';

/** A GATK HaplotypeCaller-style single-sample VCF of `n` SNVs. */
function gatkVcf(n: number): string {
  const info: [string, string, string][] = [
    ['AC', 'A', 'Integer'],
    ['AF', 'A', 'Float'],
    ['AN', '1', 'Integer'],
    ['BaseQRankSum', '1', 'Float'],
    ['DP', '1', 'Integer'],
    ['ExcessHet', '1', 'Float'],
    ['FS', '1', 'Float'],
    ['MLEAC', 'A', 'Integer'],
    ['MLEAF', 'A', 'Float'],
    ['MQ', '1', 'Float'],
    ['MQRankSum', '1', 'Float'],
    ['QD', '1', 'Float'],
    ['ReadPosRankSum', '1', 'Float'],
    ['SOR', '1', 'Float'],
  ];
  const format: [string, string, string][] = [
    ['GT', '1', 'String'],
    ['AD', 'R', 'Integer'],
    ['DP', '1', 'Integer'],
    ['GQ', '1', 'Integer'],
    ['PL', 'G', 'Integer'],
  ];
  const lines = [
    '##fileformat=VCFv4.2',
    '##contig=<ID=chr1,length=248956422>',
    ...info.map(
      ([id, num, type]) => `##INFO=<ID=${id},Number=${num},Type=${type},Description="-">`,
    ),
    ...format.map(([id, num, t]) => `##FORMAT=<ID=${id},Number=${num},Type=${t},Description="-">`),
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNA12878',
  ];
  const signed = () => ((rng.next() - 0.5) * 4).toFixed(3);
  let pos = 10_000;
  for (let i = 0; i < n; i++) {
    pos += 1 + rng.int(1000);
    const ref = BASES[rng.int(4)] as string;
    const alt = BASES[(BASES.indexOf(ref) + 1 + rng.int(3)) % 4] as string;
    const hom = rng.next() < 0.35;
    const dp = 8 + rng.int(60);
    const altReads = hom ? dp : Math.round(dp * (0.3 + rng.next() * 0.4));
    const values = [
      `AC=${hom ? 2 : 1}`,
      `AF=${hom ? '1.00' : '0.500'}`,
      'AN=2',
      ...(hom ? [] : [`BaseQRankSum=${signed()}`]),
      `DP=${dp}`,
      'ExcessHet=3.0103',
      `FS=${rng.next() < 0.5 ? '0.000' : (rng.next() * 20).toFixed(3)}`,
      `MLEAC=${hom ? 2 : 1}`,
      `MLEAF=${hom ? '1.00' : '0.500'}`,
      `MQ=${rng.next() < 0.8 ? '60.00' : (40 + rng.next() * 20).toFixed(2)}`,
      ...(hom ? [] : [`MQRankSum=${signed()}`]),
      `QD=${(2 + rng.next() * 30).toFixed(2)}`,
      ...(hom ? [] : [`ReadPosRankSum=${signed()}`]),
      `SOR=${(rng.next() * 3).toFixed(3)}`,
    ];
    const gq = 20 + rng.int(80);
    const pl = hom ? `${dp * 30},${dp * 3},0` : `${altReads * 30},0,${(dp - altReads) * 30}`;
    const sample = `${hom ? '1/1' : '0/1'}:${dp - altReads},${altReads}:${dp}:${gq}:${pl}`;
    const qual = (dp * 25 * rng.next()).toFixed(2);
    const id = rng.next() < 0.6 ? `rs${100000 + i}` : '.';
    lines.push(
      `chr1\t${pos}\t${id}\t${ref}\t${alt}\t${qual}\tPASS\t${values.join(';')}\tGT:AD:DP:GQ:PL\t${sample}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A 1000 Genomes-style VCF: `samples` columns of GT only, mostly 0|0. */
function cohortVcf(n: number, samples: number): string {
  const names = Array.from({ length: samples }, (_, i) => `HG${String(i).padStart(5, '0')}`);
  const lines = [
    '##fileformat=VCFv4.1',
    '##contig=<ID=22,length=51304566>',
    '##INFO=<ID=AC,Number=A,Type=Integer,Description="-">',
    '##INFO=<ID=AF,Number=A,Type=Float,Description="-">',
    '##INFO=<ID=AN,Number=1,Type=Integer,Description="-">',
    '##INFO=<ID=NS,Number=1,Type=Integer,Description="-">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    `#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t${names.join('\t')}`,
  ];
  let pos = 16_050_000;
  for (let i = 0; i < n; i++) {
    pos += 1 + rng.int(400);
    const ref = BASES[rng.int(4)] as string;
    const alt = BASES[(BASES.indexOf(ref) + 1 + rng.int(3)) % 4] as string;
    const carriers = rng.next() * 0.1;
    let ac = 0;
    const gts = names.map(() => {
      const a = rng.next() < carriers ? 1 : 0;
      const b = rng.next() < carriers ? 1 : 0;
      ac += a + b;
      return `${a}|${b}`;
    });
    const af = (ac / (2 * samples)).toFixed(4);
    lines.push(
      `22\t${pos}\trs${i}\t${ref}\t${alt}\t100\tPASS\tAC=${ac};AF=${af};AN=${2 * samples};NS=${samples}\tGT\t${gts.join('\t')}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function strandRead(path: string, info: boolean): Promise<number> {
  const started = performance.now();
  let n = 0;
  for await (const record of await openVcf(path, { info })) n += record.alts.length > 0 ? 1 : 0;
  const seconds = (performance.now() - started) / 1000;
  if (n === 0) throw new Error(`${path}: no records read`);
  return seconds;
}

function bcftoolsRead(path: string): number | undefined {
  const started = performance.now();
  const run = spawnSync('bcftools', ['view', '-H', '-o', '/dev/null', path]);
  if (run.error || run.status !== 0) return undefined;
  return (performance.now() - started) / 1000;
}

const dir = await mkdtemp(join(os.tmpdir(), 'strand-bench-vcf-'));
try {
  const files = {
    gatk: { path: join(dir, 'gatk.vcf'), records },
    cohort: { path: join(dir, 'cohort.vcf'), records: cohortRecords },
  };
  await writeFile(files.gatk.path, gatkVcf(records));
  await writeFile(files.cohort.path, cohortVcf(cohortRecords, 2504));
  const summary: Record<string, Record<string, number | null>> = {};
  console.log(`${'file'.padEnd(8)} ${'reader'.padEnd(22)} ${'records/s'.padStart(12)}`);
  for (const [name, file] of Object.entries(files)) {
    const times: Record<string, number[]> = { info: [], no_info: [], bcftools: [] };
    for (let r = 0; r < repeat; r++) {
      (times['info'] as number[]).push(await strandRead(file.path, true));
      (times['no_info'] as number[]).push(await strandRead(file.path, false));
      const b = bcftoolsRead(file.path);
      if (b !== undefined) (times['bcftools'] as number[]).push(b);
    }
    const rate = (xs: number[]) => (xs.length > 0 ? round(file.records / median(xs), 0) : null);
    const rates = {
      strand_info: rate(times['info'] as number[]),
      strand_no_info: rate(times['no_info'] as number[]),
      bcftools: rate(times['bcftools'] as number[]),
    };
    for (const [reader, value] of Object.entries(rates)) {
      console.log(`${name.padEnd(8)} ${reader.padEnd(22)} ${String(value ?? '—').padStart(12)}`);
    }
    summary[name] = {
      ...rates,
      ratio_info: rates.bcftools ? round((rates.strand_info ?? 0) / rates.bcftools, 3) : null,
      ratio_no_info: rates.bcftools ? round((rates.strand_no_info ?? 0) / rates.bcftools, 3) : null,
    };
  }
  console.log(JSON.stringify({ records: { gatk: records, cohort: cohortRecords }, ...summary }));
} finally {
  await rm(dir, { recursive: true, force: true });
}
