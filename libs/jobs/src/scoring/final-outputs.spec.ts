import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VcfRecord } from '@strand/genomics';
import { writeScoresTsv, writeScoresVcf } from './final-outputs.ts';
import type { ScoredAllele } from './score-rows.ts';
import { chunkRows } from './score-rows.ts';
import { chunkPath } from './scoring-progress.ts';

const TASKS = ['H3K4me3 (GM12878)', 'CTCF'];
const VCF = [
  '##fileformat=VCFv4.2',
  '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO',
  'chr1\t10\trs1\tA\tG,T\t.\tPASS\tDP=4', // two ALTs, the second not scored
  'chr1\t20\t.\tC\tA\t.\t.\t.', // no rows: not scored at all
  'chr1\t30\trs3\tG\tC,A\t.\t.\t.', // both ALTs scored
];

/** An allele of record `record` (0-based) with its scores: ref 0.1·k, alt 0.2·k per task. */
function allele(record: number, altIndex: number, pos: number, ref: string, alts: string[]) {
  const variant = { chrom: 'chr1', pos, id: [], ref, alts } as unknown as VcfRecord;
  return { record, altIndex, variant, alt: alts[altIndex - 1] } as ScoredAllele;
}

function scores(count: number) {
  const n = count * TASKS.length;
  const of = (f: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => f(i + 1));
  return {
    count,
    tasks: TASKS.length,
    ref: of((k) => 0.1 * k),
    alt: of((k) => 0.25 * k),
    diff: of((k) => 0.15 * k),
    absDiff: of((k) => 0.15 * k),
    logOddsChange: of((k) => -k),
  };
}

describe('writeScoresTsv / writeScoresVcf', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'strand-final-outputs-'));
    await mkdir(join(dir, 'chunks'));
    // Chunk 0: record 0's first ALT; chunk 1: record 1 unscored, record 2's two ALTs.
    const first = [allele(0, 1, 10, 'A', ['G', 'T'])];
    const second = [allele(2, 1, 30, 'G', ['C', 'A']), allele(2, 2, 30, 'G', ['C', 'A'])];
    await writeFile(chunkPath(dir, 0), chunkRows(first, scores(1), TASKS));
    await writeFile(chunkPath(dir, 1), chunkRows(second, scores(2), TASKS));
    await writeFile(join(dir, 'in.vcf'), VCF.join('\n') + '\n');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes one scores.tsv row per allele and task, without the bookkeeping columns', async () => {
    await writeScoresTsv(dir, 2);
    const lines = (await readFile(join(dir, 'scores.tsv'), 'utf8')).split('\n');
    expect(lines).toEqual([
      'chrom\tpos\tid\tref\talt\ttask\tref_pred\talt_pred\tdiff\tabs_diff\tlog_odds',
      'chr1\t10\t.\tA\tG\tH3K4me3 (GM12878)\t0.1\t0.25\t0.15\t0.15\t-1',
      'chr1\t10\t.\tA\tG\tCTCF\t0.2\t0.5\t0.3\t0.3\t-2',
      'chr1\t30\t.\tG\tC\tH3K4me3 (GM12878)\t0.1\t0.25\t0.15\t0.15\t-1',
      'chr1\t30\t.\tG\tC\tCTCF\t0.2\t0.5\t0.3\t0.3\t-2',
      'chr1\t30\t.\tG\tA\tH3K4me3 (GM12878)\t0.3\t0.75\t0.45\t0.45\t-3',
      'chr1\t30\t.\tG\tA\tCTCF\t0.4\t1\t0.6\t0.6\t-4',
      '',
    ]);
  });

  it('puts each task’s values per ALT into INFO, `.` where an ALT was not scored', async () => {
    await writeScoresVcf(dir, join(dir, 'in.vcf'), 2, TASKS, '<Test>');
    const lines = (await readFile(join(dir, 'scores.vcf'), 'utf8')).split('\n');
    const keys = lines.filter((l) => l.startsWith('##INFO')).map((l) => /ID=([^,]+)/.exec(l)?.[1]);
    expect(keys).toEqual([
      'STRAND_REF_H3K4me3__GM12878_',
      'STRAND_ALT_H3K4me3__GM12878_',
      'STRAND_DIFF_H3K4me3__GM12878_',
      'STRAND_LOG_ODDS_H3K4me3__GM12878_',
      'STRAND_REF_CTCF',
      'STRAND_ALT_CTCF',
      'STRAND_DIFF_CTCF',
      'STRAND_LOG_ODDS_CTCF',
    ]);
    expect(lines).toContain('##strand_model=<Test>');
    const info = (pos: string) => lines.find((l) => l.startsWith(`chr1\t${pos}\t`))?.split('\t')[7];
    expect(info('10')).toBe(
      'DP=4;STRAND_REF_H3K4me3__GM12878_=0.1,.;STRAND_ALT_H3K4me3__GM12878_=0.25,.;' +
        'STRAND_DIFF_H3K4me3__GM12878_=0.15,.;STRAND_LOG_ODDS_H3K4me3__GM12878_=-1,.;' +
        'STRAND_REF_CTCF=0.2,.;STRAND_ALT_CTCF=0.5,.;STRAND_DIFF_CTCF=0.3,.;STRAND_LOG_ODDS_CTCF=-2,.',
    );
    expect(info('20')).toBe('.');
    expect(info('30')).toBe(
      'STRAND_REF_H3K4me3__GM12878_=0.1,0.3;STRAND_ALT_H3K4me3__GM12878_=0.25,0.75;' +
        'STRAND_DIFF_H3K4me3__GM12878_=0.15,0.45;STRAND_LOG_ODDS_H3K4me3__GM12878_=-1,-3;' +
        'STRAND_REF_CTCF=0.2,0.4;STRAND_ALT_CTCF=0.5,1;STRAND_DIFF_CTCF=0.3,0.6;STRAND_LOG_ODDS_CTCF=-2,-4',
    );
    expect(lines.filter((l) => !l.startsWith('##'))).toHaveLength(5); // #CHROM, 3 records, ''
  });
});
