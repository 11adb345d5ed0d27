/**
 * The two final files, built by streaming the chunk files (and, for scores.vcf, the input VCF's
 * lines) so memory stays one line at a time: scores.tsv (the chunk rows without their two
 * bookkeeping columns) and scores.vcf (the input with STRAND_* INFO values per ALT).
 */
import { join } from 'node:path';
import { openText } from '@strand/genomics';
import { streamAtomically } from './atomic-write.ts';
import type { ChunkRow } from './score-rows.ts';
import { parseChunkRow, QUANTILE_COLUMN, SCORE_COLUMNS } from './score-rows.ts';
import { chunkPath } from './scoring-progress.ts';

async function* chunkRows(outDir: string, chunks: number): AsyncGenerator<ChunkRow> {
  for (let index = 0; index < chunks; index++) {
    for await (const { line } of openText(chunkPath(outDir, index))) {
      if (line !== '') yield parseChunkRow(line);
    }
  }
}

/** Writes `outDir/scores.tsv` from the chunk files (with a quantile column when calibrated). */
export async function writeScoresTsv(
  outDir: string,
  chunks: number,
  quantiles = false,
): Promise<string> {
  const path = join(outDir, 'scores.tsv');
  async function* lines() {
    yield `${[...SCORE_COLUMNS, ...(quantiles ? [QUANTILE_COLUMN] : [])].join('\t')}\n`;
    for await (const row of chunkRows(outDir, chunks)) yield `${row.tsv}\n`;
  }
  await streamAtomically(path, lines());
  return path;
}

/** An INFO key for a task: `STRAND_DIFF`, or `STRAND_DIFF_<task>` when the model has several. */
function infoKey(base: string, task: string, tasks: readonly string[]): string {
  return tasks.length === 1 ? base : `${base}_${task.replace(/[^0-9A-Za-z_.]/g, '_')}`;
}

const FIELDS = [
  ['STRAND_REF', 'refPred', "the model's prediction for the reference window"],
  ['STRAND_ALT', 'altPred', "the model's prediction for the alternate window"],
  ['STRAND_DIFF', 'diff', 'alt − ref prediction'],
  [
    'STRAND_LOG_ODDS',
    'logOdds',
    'logit(alt) − logit(ref), probabilities clipped to [1e-7, 1 − 1e-7]',
  ],
] as const;

/** An INFO key, the chunk-row value it carries, and its description. */
type InfoField = readonly [string, 'refPred' | 'altPred' | 'diff' | 'logOdds' | 'quantile', string];

/** The INFO field of a calibrated run. */
const QUANTILE_FIELD = [
  'STRAND_QUANTILE',
  'quantile',
  "share of the background variants whose |alt − ref| is below this allele's (ties count half): 0.99 = a larger effect, either sign, than 99% of the background",
] as const;

/** INFO values for one record from its chunk rows (per ALT, `.` where an ALT was not scored). */
function annotation(
  rows: ChunkRow[],
  alts: number,
  tasks: readonly string[],
  fields: readonly InfoField[],
): string {
  const parts: string[] = [];
  for (const task of tasks) {
    for (const [base, field] of fields) {
      const values = Array.from({ length: alts }, () => '.');
      for (const row of rows) if (row.task === task) values[row.altIndex - 1] = row[field];
      parts.push(`${infoKey(base, task, tasks)}=${values.join(',')}`);
    }
  }
  return parts.join(';');
}

/**
 * Writes `outDir/scores.vcf`: the input VCF's header with `##INFO` lines for the STRAND_* keys
 * (and a `##strand_model` line), then every record with its scores appended to INFO.
 */
export async function writeScoresVcf(
  outDir: string,
  vcf: string,
  chunks: number,
  tasks: readonly string[],
  modelLine: string,
  quantiles = false,
): Promise<string> {
  const path = join(outDir, 'scores.vcf');
  const fields: readonly InfoField[] = quantiles ? [...FIELDS, QUANTILE_FIELD] : FIELDS;
  async function* lines() {
    const rows = chunkRows(outDir, chunks);
    let next = await rows.next();
    let record = 0;
    for await (const { line } of openText(vcf)) {
      if (line === '') continue;
      if (line.startsWith('#CHROM')) {
        for (const task of tasks) {
          for (const [base, , what] of fields) {
            const label = tasks.length === 1 ? '' : ` (task ${task})`;
            yield `##INFO=<ID=${infoKey(base, task, tasks)},Number=A,Type=Float,Description="Strand: ${what}${label}">\n`;
          }
        }
        yield `##strand_model=${modelLine}\n`;
      }
      if (line.startsWith('#')) {
        yield `${line}\n`;
        continue;
      }
      const mine: ChunkRow[] = [];
      while (!next.done && next.value.record === record) {
        mine.push(next.value);
        next = await rows.next();
      }
      record++;
      if (mine.length === 0) {
        yield `${line}\n`;
        continue;
      }
      const cells = line.split('\t');
      const alts = cells[4] === '.' ? 0 : cells[4].split(',').length;
      const extra = annotation(mine, alts, tasks, fields);
      cells[7] = cells[7] === '.' || cells[7] === '' ? extra : `${cells[7]};${extra}`;
      yield `${cells.join('\t')}\n`;
    }
  }
  await streamAtomically(path, lines());
  return path;
}
