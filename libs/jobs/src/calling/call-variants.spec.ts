import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateCalls, FastaIndex, ReferenceReader } from '@strand/genomics';
import { HAS_READ_SIMULATOR, sharedDataPath, simulateReads } from '@strand/genomics/testing';
import * as tf from '@tensorflow/tfjs';
import { loadModel } from '@strand/models';
import { callVariants, DEFAULT_CALLER_MODEL } from './call-variants.ts';
import { PileupTable } from './pileup-table.ts';
import { labelledPileups, trainCaller } from './train-caller.ts';

const CHR17 = sharedDataPath('reference', 'hg19_chr17_part.fa');
const SKIP = !HAS_READ_SIMULATOR || !existsSync(CHR17);

describe.skipIf(SKIP)(
  `strand call with the default model on simulated reads${SKIP ? ' (skipped: no dwgsim/minimap2/samtools or no chr17 reference)' : ''}`,
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'strand-call-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    let simulated: ReturnType<typeof simulateReads> | undefined;
    // chr17 (human) was never trained on: the default model learnt on E. coli.
    const reads = () =>
      (simulated ??= simulateReads(CHR17, 'chr17:20001-30000', dir, {
        coverage: 30,
        rate: 0.004,
        seed: 3,
      }));

    it('writes a VCF 4.2 whose SNVs and indels match the truth', async () => {
      const sim = reads();
      const out = join(dir, 'calls.vcf');
      const progress: number[] = [];
      const result = await callVariants({
        bam: sim.bam,
        reference: sim.reference,
        region: 'chr17:20001-30000',
        out,
        onProgress: (p) => progress.push(p.basesDone),
      });
      expect(progress.at(-1)).toBe(10_000);
      const text = readFileSync(out, 'utf8');
      expect(text.startsWith('##fileformat=VCFv4.2\n')).toBe(true);
      expect(text).toMatch(/\tGT:GQ:PL\t(0\/1|1\/1):\d+:\d+,\d+,\d+\n/);
      expect(result.calls).toBe(text.split('\n').filter((l) => l && !l.startsWith('#')).length);
      const scores = await evaluateCalls(
        sim.truth,
        out,
        new ReferenceReader(await FastaIndex.open(sim.reference)),
        { chrom: 'chr17', start0: 20_000, end0: 30_000 },
      );
      expect(scores.snv.precision).toBeGreaterThanOrEqual(0.9);
      expect(scores.snv.recall).toBeGreaterThanOrEqual(0.75);
      expect(scores.snv.genotypeConcordance).toBeGreaterThanOrEqual(0.9);
      expect(scores.indel.truePositives).toBeGreaterThan(0);
    }, 120_000);

    it('makes the same calls from the same reads as CRAM (samtools view -C, @gmod/cram)', async () => {
      const sim = reads();
      const cram = join(dir, 'reads.cram');
      execFileSync('samtools', ['view', '-C', '-T', sim.reference, '-o', cram, sim.bam]);
      execFileSync('samtools', ['index', cram]);
      const body = (file: string) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .filter((l) => l && !l.startsWith('#'));
      const region = 'chr17:20001-30000';
      const fromBam = join(dir, 'bam.vcf');
      const fromCram = join(dir, 'cram.vcf');
      const bam = await callVariants({
        bam: sim.bam,
        reference: sim.reference,
        region,
        out: fromBam,
      });
      const viaCram = await callVariants({
        bam: cram,
        reference: sim.reference,
        region,
        out: fromCram,
      });
      expect(body(fromBam).length).toBeGreaterThan(10);
      expect(body(fromCram)).toEqual(body(fromBam));
      expect(viaCram.candidates).toBe(bam.candidates);
      expect(viaCram.readsFetched).toBe(bam.readsFetched);
    }, 120_000);

    it('makes the same calls whatever the batch size, with batches that span tiles', async () => {
      const sim = reads();
      const region = 'chr17:20001-30000';
      const body = (file: string) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .filter((l) => l && !l.startsWith('#'));
      const run = async (batchSize: number) => {
        const out = join(dir, `batch-${batchSize}.vcf`);
        const calls: number[] = [];
        const result = await callVariants({
          bam: sim.bam,
          reference: sim.reference,
          region,
          out,
          batchSize,
          onProgress: (p) => calls.push(p.calls),
        });
        expect(calls.at(-1)).toBe(result.calls);
        return body(out);
      };
      const whole = await run(256); // 10 kb is two 5 kb tiles: one batch holds both
      expect(whole.length).toBeGreaterThan(10);
      expect(await run(3)).toEqual(whole);
      await expect(run(0)).rejects.toThrow(/batchSize must be a positive integer, got 0/);
    }, 120_000);

    it('stores every candidate with the pileup image the model saw and its call (pileups)', async () => {
      const sim = reads();
      const out = join(dir, 'with-pileups.vcf');
      const path = join(dir, 'pileups.arrow');
      const result = await callVariants({
        bam: sim.bam,
        reference: sim.reference,
        region: 'chr17:20001-30000',
        out,
        pileups: path,
      });
      expect(result.pileups).toMatchObject({
        rows: result.candidates,
        width: 21,
        pileupRows: 40,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(result.pileups!.genotypes.reduce((a, n) => a + n, 0)).toBe(result.candidates);
      expect(result.pileups!.genotypes[0]).toBe(result.candidates - result.calls);
      const table = await PileupTable.open(path);
      try {
        expect(table.count).toBe(result.candidates);
        expect(table.shape).toEqual({ width: 21, rows: 40 });
        const all = await table.candidates(0, table.count);
        // The called candidates are the VCF's records, in order, with its QUAL and FILTER.
        const vcf = readFileSync(out, 'utf8')
          .split('\n')
          .filter((l) => l && !l.startsWith('#'))
          .map((l) => l.split('\t').slice(0, 7).join('\t'));
        const called = all
          .filter((c) => c.genotype !== 0)
          .map((c) => [c.chrom, c.pos, '.', c.ref, c.alt, c.qual.toFixed(1), c.filter].join('\t'));
        expect(called).toEqual(vcf);
        expect(all.filter((c) => c.genotype === 0).every((c) => c.filter === 'RefCall')).toBe(true);
        // A page read from the middle is the same rows.
        expect(await table.candidates(5, 3)).toEqual(all.slice(5, 8));
        // The stored image is the model's input: the model gives it the stored P(hom-ref), which
        // the read-count split of genotypeProbabilities leaves as it is.
        const { model } = await loadModel(DEFAULT_CALLER_MODEL);
        for (const index of [0, Math.floor(table.count / 2), table.count - 1]) {
          const one = await table.pileup(index);
          expect(one).toMatchObject({ index, chrom: 'chr17', pos: all[index]!.pos });
          expect(one.image.length).toBe(21 * 40 * 6);
          const x = tf.tensor3d(one.image, [1, 21, 240]);
          const p = (model.predict(x) as tf.Tensor).dataSync();
          expect(p[0]).toBeCloseTo(one.probabilities[0]!, 5);
          x.dispose();
        }
        model.dispose();
        await expect(table.pileup(table.count)).rejects.toThrow(RangeError);
      } finally {
        await table.close();
      }
    }, 120_000);

    it('labels stored pileups from a truth VCF exactly as training extracts them, and trains on the table', async () => {
      const sim = reads();
      const region = 'chr17:20001-30000';
      const path = join(dir, 'labelled.arrow');
      const result = await callVariants({
        bam: sim.bam,
        reference: sim.reference,
        region,
        out: join(dir, 'labelled.vcf'),
        pileups: path,
        truth: sim.truth,
      });
      const extracted = await labelledPileups(
        [{ bam: sim.bam, reference: sim.reference, truth: sim.truth, region }],
        { width: 21, rows: 40 },
      );
      const table = await PileupTable.open(path);
      try {
        expect(table.labelled).toBe(true);
        const stored = await table.labelledImages();
        expect(stored.count).toBe(extracted.count);
        expect(Array.from(stored.y)).toEqual(Array.from(extracted.y));
        expect(stored.x).toEqual(extracted.x);
        expect(result.pileups!.truths).toEqual(
          [0, 1, 2].map((k) => extracted.y.filter((v) => v === k).length),
        );
        // Labelled: true variants among them (on these clean 30× reads, every candidate is one).
        expect(result.pileups!.truths![1]! + result.pileups!.truths![2]!).toBeGreaterThan(5);
      } finally {
        await table.close();
      }
      // Unlabelled tables are refused for training; a labelled one trains without the reads.
      await expect(
        trainCaller({ tables: [join(dir, 'pileups.arrow')], out: join(dir, 'm0'), epochs: 1 }),
      ).rejects.toThrow(/carry no truth labels/);
      const trained = await trainCaller({
        tables: [path],
        out: join(dir, 'from-table'),
        epochs: 1,
      });
      expect(trained.examples).toBe(extracted.count);
      expect(trained.classes).toEqual(result.pileups!.truths);
      await expect(
        callVariants({
          bam: sim.bam,
          reference: sim.reference,
          region,
          out: join(dir, 'x.vcf'),
          truth: sim.truth,
        }),
      ).rejects.toThrow(/give pileups too/);
    }, 180_000);
  },
);
