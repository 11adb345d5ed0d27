/**
 * The two final files, built chunk by chunk from the chunk files (and, for scores.vcf, the input
 * VCF's lines) so memory stays one chunk: scores.tsv (the chunk rows without their two
 * bookkeeping columns) and scores.vcf (the input with STRAND_* INFO values per ALT). Text goes
 * to the file in blocks of about a megabyte: with a string and an await per line, the two files
 * took 2.3 s of a 200,000-variant run; 1.1 s this way.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openText } from '@strand/genomics';
import { streamAtomically } from './atomic-write.ts';
import type { ChunkRow } from './score-rows.ts';
import { parseChunkRow, QUANTILE_COLUMN, SCORE_COLUMNS } from './score-rows.ts';
import { chunkPath } from './scoring-progress.ts';

/** Characters of output gathered before they are handed to the file. */
const BLOCK = 1 << 20;

/** Each chunk file's text, in chunk order (one chunk in memory at a time). */
async function* chunkTexts(outDir: string, chunks: number): AsyncGenerator<string> {
  for (let index = 0; index < chunks; index++) yield readFile(chunkPath(outDir, index), 'utf8');
}

/**
 * The chunk files' rows in order: one chunk's text in memory, each row parsed when it is reached
 * (a 919-task model writes 919 rows per allele; parsing a whole chunk at once held them all).
 */
class ChunkRowReader {
  private text = '';
  private at = 0;
  private row: ChunkRow | undefined;
  private done = false;

  constructor(private readonly texts: AsyncIterator<string>) {}

  /** The next row not yet taken; undefined after the last; null when `load` must run first. */
  peek(): ChunkRow | null | undefined {
    while (this.row === undefined && this.at < this.text.length) {
      let end = this.text.indexOf('\n', this.at);
      if (end === -1) end = this.text.length;
      if (end > this.at) this.row = parseChunkRow(this.text.slice(this.at, end));
      this.at = end + 1;
    }
    return this.row ?? (this.done ? undefined : null);
  }

  /** Reads the next chunk file (after `peek` gave null). */
  async load(): Promise<void> {
    const next = await this.texts.next();
    if (next.done) this.done = true;
    else {
      this.text = next.value;
      this.at = 0;
    }
  }

  take(): void {
    this.row = undefined;
  }
}

/** Writes `outDir/scores.tsv` from the chunk files (with a quantile column when calibrated). */
export async function writeScoresTsv(
  outDir: string,
  chunks: number,
  quantiles = false,
): Promise<string> {
  const path = join(outDir, 'scores.tsv');
  async function* blocks() {
    yield `${[...SCORE_COLUMNS, ...(quantiles ? [QUANTILE_COLUMN] : [])].join('\t')}\n`;
    for await (const text of chunkTexts(outDir, chunks)) {
      // Every row without its first two columns (record, alt_index).
      let out = '';
      for (let start = 0; start < text.length;) {
        let end = text.indexOf('\n', start);
        if (end === -1) end = text.length;
        const second = text.indexOf('\t', text.indexOf('\t', start) + 1);
        if (end > start && second !== -1 && second < end) out += `${text.slice(second + 1, end)}\n`;
        start = end + 1;
        if (out.length >= BLOCK) {
          yield out;
          out = '';
        }
      }
      if (out !== '') yield out;
    }
  }
  await streamAtomically(path, blocks());
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

/** Where each (task, field) of a record's INFO goes: keys in output order, tasks by name. */
interface InfoLayout {
  /** `KEY` per (task, field), task-major: the order of the INFO values. */
  keys: string[];
  fields: readonly InfoField[];
  task: Map<string, number>;
}

function infoLayout(tasks: readonly string[], fields: readonly InfoField[]): InfoLayout {
  return {
    keys: tasks.flatMap((task) => fields.map(([base]) => infoKey(base, task, tasks))),
    fields,
    task: new Map(tasks.map((task, t) => [task, t])),
  };
}

/**
 * INFO values for one record from its chunk rows (per ALT, `.` where an ALT was not scored).
 * One pass over the rows: a 919-task model has 919 rows per ALT, and a pass per task was
 * quadratic in the tasks.
 */
function annotation(rows: ChunkRow[], alts: number, layout: InfoLayout): string {
  const { keys, fields } = layout;
  const values = new Array<string>(keys.length * alts).fill('.');
  for (const row of rows) {
    const t = layout.task.get(row.task);
    if (t === undefined || row.altIndex < 1 || row.altIndex > alts) continue;
    for (let f = 0; f < fields.length; f++) {
      values[(t * fields.length + f) * alts + row.altIndex - 1] = row[(fields[f] as InfoField)[1]];
    }
  }
  let out = '';
  for (let k = 0; k < keys.length; k++) {
    out += `${k === 0 ? '' : ';'}${keys[k]}=${values.slice(k * alts, (k + 1) * alts).join(',')}`;
  }
  return out;
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
  const layout = infoLayout(tasks, fields);
  async function* blocks() {
    const rows = new ChunkRowReader(chunkTexts(outDir, chunks));
    let record = 0;
    let out = '';
    for await (const { line } of openText(vcf)) {
      if (line === '') continue;
      if (line.startsWith('#CHROM')) {
        for (const task of tasks) {
          for (const [base, , what] of fields) {
            const label = tasks.length === 1 ? '' : ` (task ${task})`;
            out += `##INFO=<ID=${infoKey(base, task, tasks)},Number=A,Type=Float,Description="Strand: ${what}${label}">\n`;
          }
        }
        out += `##strand_model=${modelLine}\n`;
      }
      if (line.startsWith('#')) {
        out += `${line}\n`;
        continue;
      }
      const mine: ChunkRow[] = [];
      for (let row = rows.peek(); row !== undefined; row = rows.peek()) {
        if (row === null) await rows.load();
        else if (row.record !== record) break;
        else {
          mine.push(row);
          rows.take();
        }
      }
      record++;
      if (mine.length === 0) out += `${line}\n`;
      else {
        const cells = line.split('\t');
        const alts = cells[4] === '.' ? 0 : cells[4].split(',').length;
        const extra = annotation(mine, alts, layout);
        cells[7] = cells[7] === '.' || cells[7] === '' ? extra : `${cells[7]};${extra}`;
        out += `${cells.join('\t')}\n`;
      }
      if (out.length >= BLOCK) {
        yield out;
        out = '';
      }
    }
    if (out !== '') yield out;
  }
  await streamAtomically(path, blocks());
  return path;
}
