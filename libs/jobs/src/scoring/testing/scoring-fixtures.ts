/** Fixtures of the scoring specs: a tiny trained DeepBind and a VCF that fits a reference. */
import { readFile, writeFile } from 'node:fs/promises';
import { createRng } from '@strand/genomics';
import { buildModel, saveModel, trainModel } from '@strand/models';
import { plantedMotifDataset, TINY_DEEPBIND } from '@strand/models/testing';

/**
 * Trains a tiny DeepBind on planted GATA1 sites (256 sequences, 2 epochs unless told) and saves
 * it in `dir`.
 */
export async function saveTinyModel(
  dir: string,
  inputLength: number,
  training: { count?: number; epochs?: number } = {},
): Promise<void> {
  const { count = 256, epochs = 2 } = training;
  const data = plantedMotifDataset({ count, length: inputLength, seed: 5 });
  const config = { ...TINY_DEEPBIND };
  const model = buildModel({
    architecture: 'deepbind',
    config,
    inputLength,
    alphabetSize: 4,
    seed: 5,
  });
  await trainModel(model, data, { epochs, batchSize: 64, learningRate: 0.01, seed: 5 });
  await saveModel(model, dir, {
    architecture: 'deepbind',
    config,
    alphabet: 'ACGT',
    inputLength,
    labelNames: ['background', 'bound'],
    seed: 5,
    backend: 'test',
    dataChecksum: 'test',
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  model.dispose();
}

/** Options of `writeTestVcf`. */
export interface TestVcfOptions {
  count: number;
  seed: number;
  /** Share of records whose REF is made wrong on purpose; default 0. */
  mismatchShare?: number;
}

const OTHER: Record<string, string> = { A: 'CGT', C: 'AGT', G: 'ACT', T: 'ACG' };

/**
 * Writes a sorted VCF of `count` records on the single sequence of `fastaPath` with REFs read
 * from it: mostly SNVs, every 50th an insertion, every 37th with two ALTs, every 10th with an
 * INFO value. Returns the number of ALT alleles.
 */
export async function writeTestVcf(
  path: string,
  fastaPath: string,
  o: TestVcfOptions,
): Promise<number> {
  const [header, ...lines] = (await readFile(fastaPath, 'utf8')).split('\n');
  const name = header.slice(1).split(/\s/)[0];
  const sequence = lines.join('').toUpperCase();
  const rng = createRng(o.seed);
  const step = Math.floor(sequence.length / (o.count + 1));
  const out = [
    '##fileformat=VCFv4.2',
    `##contig=<ID=${name},length=${sequence.length}>`,
    '##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">',
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO',
  ];
  let alleles = 0;
  for (let i = 0; i < o.count; i++) {
    let pos = (i + 1) * step;
    while (!OTHER[sequence[pos - 1]]) pos++;
    const base = sequence[pos - 1];
    const snv = OTHER[base][rng.int(3)];
    const alts =
      i % 50 === 0 ? [`${base}GA`] : i % 37 === 0 ? [snv, OTHER[base].replace(snv, '')[0]] : [snv];
    // A wrong REF is a base that is neither the reference's nor an ALT.
    const wrong = [...OTHER[base]].find((b) => !alts.includes(b));
    const ref = rng.next() < (o.mismatchShare ?? 0) && wrong ? wrong : base;
    alleles += alts.length;
    const info = i % 10 === 0 ? `DP=${i}` : '.';
    out.push(`${name}\t${pos}\trs${i}\t${ref}\t${alts.join(',')}\t.\tPASS\t${info}`);
  }
  await writeFile(path, `${out.join('\n')}\n`);
  return alleles;
}

/**
 * Writes a one-sequence FASTA `chrP` of `length` seeded random bases with `motif` written at each
 * 0-based start of `sites`; returns the sequence.
 */
export async function writePlantedReference(
  path: string,
  o: { length: number; seed: number; motif: string; sites: readonly number[] },
): Promise<string> {
  const rng = createRng(o.seed);
  const bases = Array.from({ length: o.length }, () => 'ACGT'[rng.int(4)]);
  for (const site of o.sites) bases.splice(site, o.motif.length, ...o.motif);
  const sequence = bases.join('');
  const lines = sequence.match(/.{1,60}/g) ?? [];
  await writeFile(path, `>chrP\n${lines.join('\n')}\n`);
  return sequence;
}

/** Writes a VCF of SNVs on `chrP`: `[pos1, ref, alt, id]` each. */
export async function writeSnvVcf(
  path: string,
  snvs: readonly (readonly [number, string, string, string])[],
): Promise<void> {
  const out = [
    '##fileformat=VCFv4.2',
    '##contig=<ID=chrP>',
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO',
    ...snvs.map(([pos, ref, alt, id]) => `chrP\t${pos}\t${id}\t${ref}\t${alt}\t.\tPASS\t.`),
  ];
  await writeFile(path, `${out.join('\n')}\n`);
}
