import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  Dataset,
  DEFAULT_PROJECT_SLUG,
  ModelArtifact,
  openDatabase,
  Project,
  registerModelVersion,
  Run,
  setModelAlias,
} from '@strand/data';
import {
  BUNDLED_MOTIFS,
  createRng,
  reverseComplement,
  simulatePlantedMotifs,
} from '@strand/genomics';
import {
  buildModel,
  initBackend,
  inSilicoMutagenesis,
  loadModel,
  saveModel,
  trainModel,
} from '@strand/models';
import { plantedMotifDataset } from '@strand/models/testing';

// Specs of `strand score`, `strand explain` and `strand motifs`, run as a user would: spawned.
const bin = fileURLToPath(new URL('../bin/strand.mjs', import.meta.url));
const strand = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 230_000 });

// Each test spawns the CLI (tsx compiles it on start): on a loaded 2-core machine one spawn
// took 60–80 s, past the shared 60 s test timeout.
vi.setConfig({ testTimeout: 240_000 });

const LENGTH = 40;
let dir: string;
let model: string;
let reference: string;
let vcf: string;
let sequences: string;
let chrom: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strand-cli-apply-'));
  await initBackend();
  const config = { filters: 8, kernelSize: 8, hiddenUnits: 8, dropout: 0.1 };
  const net = buildModel({
    architecture: 'deepbind',
    config,
    inputLength: LENGTH,
    alphabetSize: 4,
    seed: 2,
  });
  const data = plantedMotifDataset({ count: 600, length: LENGTH, seed: 2 });
  await trainModel(net, data, { epochs: 8, batchSize: 32, learningRate: 0.02, seed: 2 });
  model = join(dir, 'model');
  await saveModel(net, model, {
    architecture: 'deepbind',
    config,
    alphabet: 'ACGT',
    inputLength: LENGTH,
    labelNames: ['negative', 'positive'],
    seed: 2,
    backend: 'test',
    dataChecksum: 'test',
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  net.dispose();
  // A random 2 kb chromosome and 30 SNVs on it, the 10th with a wrong REF.
  const rng = createRng(9);
  chrom = Array.from({ length: 2000 }, () => 'ACGT'[rng.int(4)]).join('');
  reference = join(dir, 'ref.fa');
  await writeFile(reference, `>chr1\n${chrom.match(/.{1,60}/g)!.join('\n')}\n`);
  const records = Array.from({ length: 30 }, (_, i) => {
    const pos = 50 + i * 60;
    const base = chrom[pos - 1];
    const alt = base === 'A' ? 'G' : 'A';
    const ref = i === 9 ? (base === 'C' ? 'T' : 'C') : base;
    return `1\t${pos}\tv${i}\t${ref}\t${ref === alt ? 'T' : alt}\t.\tPASS\t.`;
  });
  vcf = join(dir, 'calls.vcf');
  await writeFile(
    vcf,
    `##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n${records.join('\n')}\n`,
  );
  const gata = BUNDLED_MOTIFS.find((m) => m.name === 'GATA1')!;
  const sim = simulatePlantedMotifs({ count: 60, length: LENGTH, motifs: [gata], seed: 11 });
  sequences = join(dir, 'seqs.fa');
  await writeFile(sequences, sim.sequences.map((s, i) => `>s${i}\n${s}`).join('\n') + '\n');
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('strand score', () => {
  it('prints the pre-flight, scores every allele and writes scores.tsv / scores.vcf; a rerun resumes', async () => {
    const out = join(dir, 'scores');
    const r = strand(
      'score',
      '--model',
      model,
      '--vcf',
      vcf,
      '--reference',
      reference,
      '--out',
      out,
      '--chunk-size',
      '8',
    );
    expect(r.status).toBe(0);
    expect(r.stderr.split('\n').slice(0, 3)).toEqual([
      'Pre-flight: 30 records (30 snv)',
      '  1 REF mismatches, e.g.',
      `    line 12 1:590 REF ${chrom[589] === 'C' ? 'T' : 'C'}: reference has ${chrom[589]}`,
    ]);
    expect(r.stdout.split('\n')).toEqual([
      expect.stringMatching(/^Scored 29 alleles of 30 records \(tasks: positive; backend \w+\)\.$/),
      'Windows: 40 bases, indels left-anchored, centred only.',
      'Not scored: 1 REF mismatches, 0 on unknown chromosomes, 0 unplaceable.',
      `Wrote ${join(out, 'scores.tsv')} and ${join(out, 'scores.vcf')}`,
      '',
    ]);
    const tsv = (await readFile(join(out, 'scores.tsv'), 'utf8')).trim().split('\n');
    expect(tsv).toHaveLength(30);
    expect(tsv[1]).toMatch(/^1\t50\tv0\t[ACGT]\t[ACGT]\tpositive(\t-?[0-9.e-]+){5}$/);
    const again = strand(
      'score',
      '--model',
      model,
      '--vcf',
      vcf,
      '--reference',
      reference,
      '--out',
      out,
      '--json',
    );
    expect(again.status).toBe(0);
    expect(again.stderr).toBe('');
    expect(JSON.parse(again.stdout)).toMatchObject({ scored: 29, variants: 30, resumedFrom: 30 });
  });

  it('calibrates against --background random with --background-size, attributes --ism-top K, and checks all three', async () => {
    const out = join(dir, 'calibrated');
    const args = ['score', '--model', model, '--vcf', vcf, '--reference', reference];
    const r = strand(
      ...args,
      '--out',
      out,
      '--background',
      'random',
      '--background-size',
      '300',
      '--ism-top',
      '3',
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      'Calibrated against 300 random substitutions of the reference: quantile column.',
    );
    expect(r.stdout).toContain(`ISM of the top 3 alleles by |diff|: ${join(out, 'ism.json')}`);
    const ism = JSON.parse(await readFile(join(out, 'ism.json'), 'utf8')) as {
      variants: { diff: number; refScores: number[][]; altScores: number[][] }[];
    };
    const effects = ism.variants.map((v) => Math.abs(v.diff));
    expect(effects).toEqual([...effects].sort((a, b) => b - a));
    for (const v of ism.variants) {
      expect(v.refScores).toHaveLength(LENGTH);
      expect(v.altScores).toHaveLength(LENGTH);
    }
    const tsv = (await readFile(join(out, 'scores.tsv'), 'utf8')).trim().split('\n');
    expect(tsv[0].split('\t').at(-1)).toBe('quantile');
    const rows = tsv.slice(1).map((line) => line.split('\t'));
    // Each quantile is the mid-rank of |diff| (column 8) in one shared background: so the
    // alleles' quantiles are ordered as their |diff| are.
    const pairs = rows.map((c) => [Math.abs(Number(c[8])), Number(c[11])] as const);
    for (const [, q] of pairs) expect(q).toBeGreaterThanOrEqual(0);
    for (const [, q] of pairs) expect(q).toBeLessThanOrEqual(1);
    const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i][1]).toBeGreaterThanOrEqual(sorted[i - 1][1]);
    expect(await readFile(join(out, 'scores.vcf'), 'utf8')).toContain('STRAND_QUANTILE=');

    const tooSmall = strand(...args, '--background', 'random', '--background-size', '5');
    expect(tooSmall.status).toBe(2);
    expect(tooSmall.stderr).toBe(
      'strand score: --background-size must be an integer from 100 to 100000; got "5"\n',
    );
    const alone = strand(...args, '--background-size', '500');
    expect(alone.status).toBe(2);
    expect(alone.stderr).toBe('strand score: --background-size needs --background\n');
    const tooMany = strand(...args, '--ism-top', '51');
    expect(tooMany.status).toBe(2);
    expect(tooMany.stderr).toBe(
      'strand score: --ism-top must be an integer from 0 to 50; got "51"\n',
    );
  });

  it('refuses a gross mismatch (wrong genome build?) and says how to force it', () => {
    const r = strand(
      'score',
      '--model',
      model,
      '--vcf',
      vcf,
      '--reference',
      join(dir, 'seqs.fa'),
      '--out',
      join(dir, 'wrong'),
      '--json',
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `${vcf}: 30 of 30 records (100.0%) are on chromosomes missing from the reference (1): wrong genome build? (force to score anyway)\n`,
    );
    const usage = strand('score', '--vcf', vcf);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^strand score: --model is required/);
  });
});

describe('strand explain', () => {
  it('explains genomic regions of a reference, keeping chrom, start, end and strand', async () => {
    const r = strand(
      'explain',
      '--model',
      model,
      '--regions',
      '1:11-50,chr1:101-140:-',
      '--reference',
      reference,
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as {
      sequences: {
        id: string;
        chrom: string;
        start: number;
        end: number;
        strand: string;
        scores: number[][];
      }[];
    };
    expect(
      result.sequences.map(({ id, chrom, start, end, strand }) => [id, chrom, start, end, strand]),
    ).toEqual([
      ['chr1:11-50', 'chr1', 11, 50, '+'],
      ['chr1:101-140:-', 'chr1', 101, 140, '-'],
    ]);
    // The scores of the region's bases (reverse-complemented on '-'), as the library gives them.
    const { model: net } = await loadModel(model);
    try {
      const bases = [chrom.slice(10, 50), reverseComplement(chrom.slice(100, 140))];
      bases.forEach((seq, i) => {
        const { scores } = inSilicoMutagenesis(net, seq);
        expect(result.sequences[i].scores[7]).toEqual(
          Array.from(scores.subarray(28, 32), (x) => Number(x.toPrecision(6))),
        );
      });
    } finally {
      net.dispose();
    }
  });

  it('refuses bad regions of a BED file, each named, and regions without a reference', async () => {
    const bed = join(dir, 'bad.bed');
    await writeFile(bed, 'chr1\t0\t40\nchr9\t0\t40\nchr1\t1990\t2030\nchr1\t0\t39\n');
    const r = strand('explain', '--model', model, '--bed', bed, '--reference', reference);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      [
        'strand explain: region 2 ("chr9:1-40"): contig "chr9" is not in the reference',
        'strand explain: region 3 ("chr1:1991-2030") runs off chr1, which has 2000 bases',
        `strand explain: region 4 ("chr1:1-39") has 39 bases; the model takes ${LENGTH}`,
        '',
      ].join('\n'),
    );
    const usage = strand('explain', '--model', model, '--regions', 'chr1:1-40');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toBe('strand explain: --regions and --bed need --reference FASTA\n');
  });

  it('gives per-position, per-base scores with --json for each method', () => {
    const seq = 'ACGTTGCAAGATAAGGCTTACGTAGCTAGCTAGGATCCAT';
    const ism = strand('explain', '--model', model, '--sequence', seq, '--json');
    expect(ism.status).toBe(0);
    const result = JSON.parse(ism.stdout);
    expect(result.method).toBe('ism');
    expect(result.sequences).toHaveLength(1);
    const [s] = result.sequences;
    expect(s.length).toBe(LENGTH);
    expect(s.scores).toHaveLength(LENGTH);
    // ISM scores the base already present as 0.
    expect(s.scores[0][0]).toBe(0);
    expect(s.scores[1][1]).toBe(0);
    const ig = strand(
      'explain',
      '--model',
      model,
      '--fasta',
      sequences,
      '--method',
      'ig',
      '--json',
    );
    expect(ig.status).toBe(0);
    expect(JSON.parse(ig.stdout).sequences).toHaveLength(60);
    const human = strand(
      'explain',
      '--model',
      model,
      '--sequence',
      seq,
      '--method',
      'saliency',
      '--top',
      '3',
    );
    expect(human.status).toBe(0);
    expect(human.stdout.split('\n')[0]).toMatch(
      /^sequence\tprediction [0-9.e-]+\t\(saliency; top positions, 1-based: pos A C G T\)$/,
    );
    expect(human.stdout.trim().split('\n')).toHaveLength(4);
  });

  it('gives DeepLIFT and DeepSHAP contributions that sum to logit − reference', () => {
    const seq = 'ACGTTGCAAGATAAGGCTTACGTAGCTAGCTAGGATCCAT';
    for (const method of ['deeplift', 'deepshap']) {
      const run = strand(
        'explain',
        '--model',
        model,
        '--sequence',
        seq,
        '--method',
        method,
        '--shuffles',
        '5',
        '--json',
      );
      expect(run.status).toBe(0);
      const [s] = JSON.parse(run.stdout).sequences;
      expect(s.scores).toHaveLength(LENGTH);
      const sum = s.scores.flat().reduce((a: number, v: number) => a + v, 0);
      // Scores are rounded to 6 digits: the sum carries that rounding.
      expect(Math.abs(sum - (s.logit - s.reference))).toBeLessThan(1e-3);
      expect(s.convergenceDelta).toBeLessThan(1e-3);
      // Only the base present has a contribution.
      expect(s.scores[0].filter((v: number) => v !== 0).length).toBeLessThanOrEqual(1);
    }
  });

  it('takes a stored model: a run id, a version id or NAME@ALIAS of the embedded store', async () => {
    const store = join(dir, 'store');
    const db = await openDatabase({ dataDir: store });
    const em = db.fork();
    const project = await em.findOneOrFail(Project, { slug: DEFAULT_PROJECT_SLUG });
    const dataset = new Dataset(project, 'training data', 'sequence-classification');
    Object.assign(dataset, { status: 'READY', checksum: 'c'.repeat(64) });
    const run = new Run(project, dataset, 'deepbind', {}, 2, 8, 32, 0.02);
    Object.assign(run, { status: 'SUCCEEDED' });
    const path = `models/${run.id}`;
    await cp(model, db.artifacts.resolve(path), { recursive: true });
    em.persist([run, new ModelArtifact(run, path, 'tfjs-layers', await db.artifacts.sizeOf(path))]);
    await em.flush();
    const version = await registerModelVersion(em, run, 'gata');
    await setModelAlias(em, project.id, 'gata', 'production', version.version);
    await db.close();

    const seq = 'ACGTTGCAAGATAAGGCTTACGTAGCTAGCTAGGATCCAT';
    const byDir = strand('explain', '--model', model, '--sequence', seq, '--json');
    expect(byDir.status).toBe(0);
    for (const ref of [run.id, version.id, 'gata@production']) {
      const stored = strand(
        'explain',
        '--model',
        ref,
        '--data-dir',
        store,
        '--sequence',
        seq,
        '--json',
      );
      expect(stored.stderr).toBe('');
      expect(JSON.parse(stored.stdout).sequences).toEqual(JSON.parse(byDir.stdout).sequences);
    }
    const unknown = strand(
      'explain',
      '--model',
      'gata@staging',
      '--data-dir',
      store,
      '--sequence',
      seq,
    );
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe(
      'strand explain: --model gata@staging: model "gata" has no alias "staging"\n',
    );
    const neither = strand('explain', '--model', 'no-such-thing', '--sequence', seq);
    expect(neither.status).toBe(2);
  });

  it('names what is wrong with the input', () => {
    const short = strand('explain', '--model', model, '--sequence', 'ACGT');
    expect(short.status).toBe(1);
    expect(short.stderr).toBe(
      `inSilicoMutagenesis: sequence of length 4 does not fit the model's input length ${LENGTH}\n`,
    );
    const method = strand('explain', '--model', model, '--sequence', 'ACGT', '--method', 'shap');
    expect(method.status).toBe(2);
    expect(method.stderr).toBe(
      'strand explain: --method must be ism, saliency, ig, deeplift or deepshap; got "shap"\n',
    );
  });
});

describe('strand motifs', () => {
  it('lists first-layer filters by importance with PWMs and JASPAR matches', async () => {
    const r = strand('motifs', '--model', model, '--sequences', sequences, '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const { filters } = JSON.parse(r.stdout);
    expect(filters).toHaveLength(8);
    const importance = filters.map((f: { importance: number }) => f.importance);
    expect(importance).toEqual([...importance].sort((a, b) => b - a));
    const first = filters[0];
    expect(Object.keys(first)).toEqual([
      'index',
      'importance',
      'sites',
      'pwm',
      'informationContent',
      'matches',
    ]);
    expect(first.pwm).toHaveLength(8);
    for (const row of first.pwm)
      expect(row.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 6);
    expect(first.matches).toHaveLength(5);
    expect(Object.keys(first.matches[0])).toEqual(['id', 'name', 'score', 'pvalue']);
    // The model learnt the planted GATA1: one of its three most important filters matches it.
    const top3 = filters
      .slice(0, 3)
      .map((f: { matches: { name: string }[] }) => f.matches[0]?.name);
    expect(top3).toContain('GATA1');

    const jaspar = join(dir, 'two.jaspar');
    const two = BUNDLED_MOTIFS.slice(0, 2);
    await writeFile(
      jaspar,
      two
        .map(
          (m) =>
            `>${m.id} ${m.name}\n${'ACGT'
              .split('')
              .map((b, k) => `${b} [ ${m.counts.map((c) => c[k]).join(' ')} ]`)
              .join('\n')}`,
        )
        .join('\n') + '\n',
    );
    const custom = strand(
      'motifs',
      '--model',
      model,
      '--sequences',
      sequences,
      '--jaspar',
      jaspar,
      '--json',
    );
    expect(custom.status).toBe(0);
    const names = JSON.parse(custom.stdout).filters[0].matches.map((m: { name: string }) => m.name);
    expect(names.sort()).toEqual(two.map((m) => m.name).sort());
  });
});

describe('strand modisco', () => {
  it('discovers the planted motif in a sequence table, ordered by support, with JASPAR matches', async () => {
    const gata = BUNDLED_MOTIFS.find((m) => m.name === 'GATA1')!;
    const sim = simulatePlantedMotifs({ count: 300, length: LENGTH, motifs: [gata], seed: 12 });
    const table = join(dir, 'table.tsv');
    await writeFile(
      table,
      `id\tlabel\tsequence\n${sim.sequences.map((s, i) => `r${i}\t${sim.labels[i]}\t${s}`).join('\n')}\n`,
    );
    const r = strand('modisco', '--model', model, '--sequences', table, '--label', '1', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.sequences).toBe(150);
    const { motifs } = result;
    expect(motifs.length).toBeGreaterThan(0);
    const support = motifs.map((m: { seqlets: number }) => m.seqlets);
    expect(support).toEqual([...support].sort((a, b) => b - a));
    expect(Object.keys(motifs[0])).toEqual([
      'name',
      'sign',
      'seqlets',
      'consensus',
      'informationContent',
      'pwm',
      'cwm',
      'matches',
    ]);
    expect(Object.keys(motifs[0].matches[0])).toEqual(['name', 'id', 'p', 'score']);
    const top = motifs.find((m: { sign: string }) => m.sign === 'positive');
    expect(top.matches[0]).toMatchObject({ name: 'GATA1', id: gata.id });
  });
});

describe('strand marginalize and strand design', () => {
  it('gives the planted motif a positive effect with its spread, a spacing scan and an ablation drop', () => {
    const r = strand(
      'marginalize',
      '--model',
      model,
      '--sequences',
      sequences,
      '--motif',
      'GATA1',
      '--second',
      'GATA1',
      '--spacings',
      '0-4',
      '--ablate',
      '--scan-step',
      '10',
      '--backgrounds',
      '40',
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.motif).toMatchObject({ id: 'MA0035.5', name: 'GATA1', consensus: 'CTAATCT' });
    expect(out.backgrounds).toBe(40);
    expect(out.effect.n).toBe(40);
    // The model learnt GATA1: inserting it raises the logit on average.
    expect(out.effect.mean).toBeGreaterThan(0.5);
    expect(out.effect.sd).toBeGreaterThan(0);
    expect(out.spacings.map((s: { spacing: number }) => s.spacing)).toEqual([0, 1, 2, 3, 4]);
    // The motif alone at every 10th start that fits: effect by position.
    const starts = out.positions.map((p: { position: number }) => p.position);
    expect(starts[0]).toBe(0);
    expect(starts.every((x: number, i: number) => x === i * 10)).toBe(true);
    expect(starts.at(-1) + 10).toBeGreaterThan(LENGTH - out.motif.consensus.length);
    expect(out.positions.every((p: { effect: { n: number } }) => p.effect.n === 40)).toBe(true);
    expect(out.ablation.ablated).toBeGreaterThan(0);
    expect(out.ablation.drop.mean).toBeGreaterThan(0);
  });

  it('designs edits that raise the output within the constraints, with the trajectory', () => {
    const start = 'ACGT'.repeat(LENGTH / 4);
    const r = strand(
      'design',
      '--model',
      model,
      '--sequence',
      start,
      '--method',
      'beam',
      '--max-edits',
      '4',
      '--fixed',
      '0-9',
      '--gc',
      '0.3-0.7',
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.best.score).toBeGreaterThan(out.start.score);
    expect(out.best.edits.length).toBeLessThanOrEqual(4);
    expect(out.best.edits.every((e: { position: number }) => e.position >= 10)).toBe(true);
    expect(out.trajectory[0].score).toBe(out.start.score);
  });
});
