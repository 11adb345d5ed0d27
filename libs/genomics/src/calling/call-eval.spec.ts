import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FastaIndex } from '../formats/fasta/fasta-index.ts';
import { ReferenceReader } from '../variants/reference-reader.ts';
import { evaluateCalls } from './call-eval.ts';

const dir = mkdtempSync(join(tmpdir(), 'strand-call-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

//                 1234567890123456789012345
const REFERENCE = 'GGCACACATGAAACCCGGGTTTAAC';
const header =
  '##fileformat=VCFv4.2\n##contig=<ID=c,length=25>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO';
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), `${text}\n`);
  return join(dir, name);
};

describe('evaluateCalls', () => {
  it('matches after normalisation and scores SNVs and indels apart, with genotypes', async () => {
    writeFileSync(join(dir, 'ref.fa'), `>c\n${REFERENCE}\n`);
    const reference = new ReferenceReader(await FastaIndex.open(join(dir, 'ref.fa')));
    // Truth: a CA deletion written at its leftmost place, two SNVs (het, hom), one insertion.
    const truth = file(
      'truth.vcf',
      `${header}\nc\t2\t.\tGCA\tG\t.\tPASS\tAF=0.5\nc\t11\t.\tA\tT\t.\tPASS\tAF=1.0\nc\t16\t.\tC\tG\t.\tPASS\tAF=0.5\nc\t20\t.\tT\tTA\t.\tPASS\tAF=0.5`,
    );
    // Calls: the same deletion written at the right end of the repeat, the hom SNV as het, a
    // false SNV, a RefCall that does not count, and the insertion missed.
    const calls = file(
      'calls.vcf',
      `${header}\tFORMAT\tS\nc\t6\t.\tACA\tA\t30\tPASS\t.\tGT\t0/1\nc\t11\t.\tA\tT\t30\tPASS\t.\tGT\t0/1\nc\t16\t.\tC\tG\t30\tPASS\t.\tGT\t1|0\nc\t18\t.\tG\tA\t30\tPASS\t.\tGT\t0/1\nc\t23\t.\tA\tC\t3\tRefCall\t.\tGT\t0/0`,
    );
    const r = await evaluateCalls(truth, calls, reference);
    expect(r.snv).toMatchObject({
      truth: 2,
      calls: 3,
      truePositives: 2,
      falsePositives: 1,
      falseNegatives: 0,
    });
    expect(r.snv.precision).toBeCloseTo(2 / 3);
    expect(r.snv.recall).toBe(1);
    expect(r.snv.f1).toBeCloseTo(0.8);
    expect(r.snv.genotypeConcordance).toBe(0.5);
    expect(r.indel).toMatchObject({
      truth: 2,
      calls: 1,
      truePositives: 1,
      falseNegatives: 1,
      genotypeConcordance: 1,
    });
    expect(r.all.truePositives).toBe(3);
  });

  it('leaves out calls below a minimum QUAL, as if they were filtered LowQual', async () => {
    writeFileSync(join(dir, 'ref.fa'), `>c\n${REFERENCE}\n`);
    const reference = new ReferenceReader(await FastaIndex.open(join(dir, 'ref.fa')));
    const truth = file('truth-q.vcf', `${header}\nc\t11\t.\tA\tT\t.\tPASS\tAF=1.0`);
    const calls = file(
      'calls-q.vcf',
      `${header}\nc\t11\t.\tA\tT\t12.5\tPASS\t.\nc\t18\t.\tG\tA\t4\tPASS\t.`,
    );
    const all = await evaluateCalls(truth, calls, reference);
    expect(all.snv).toMatchObject({ calls: 2, truePositives: 1, falsePositives: 1 });
    const cut = await evaluateCalls(truth, calls, reference, undefined, 5);
    expect(cut.snv).toMatchObject({ calls: 1, truePositives: 1, falsePositives: 0 });
    const tooHigh = await evaluateCalls(truth, calls, reference, undefined, 13);
    expect(tooHigh.snv).toMatchObject({ calls: 0, falseNegatives: 1 });
  });
});
