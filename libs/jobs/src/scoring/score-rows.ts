import type { VcfRecord } from '@strand/genomics';
import type { VariantEffectScores } from '@strand/models';
import { quantileOf } from './background.ts';

/** Columns of `scores.tsv`. */
export const SCORE_COLUMNS = [
  'chrom',
  'pos',
  'id',
  'ref',
  'alt',
  'task',
  'ref_pred',
  'alt_pred',
  'diff',
  'abs_diff',
  'log_odds',
] as const;

/** The column scores.tsv adds after SCORE_COLUMNS when scored against a background. */
export const QUANTILE_COLUMN = 'quantile';

/** A scored allele: which record (0-based, in file order) and which ALT (1-based). */
export interface ScoredAllele {
  record: number;
  altIndex: number;
  variant: VcfRecord;
  alt: string;
}

/** Seven significant digits: float32 predictions hold about that many. */
export function formatScore(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(7))) : String(x);
}

/**
 * Chunk-file rows: `record`, `alt_index`, then the columns of `scores.tsv`, one row per allele
 * and task. The two leading columns let `scores.vcf` find a record's scores without a lookup.
 * With `background` (per task, sorted |effects|), each row ends with the allele's quantile.
 */
export function chunkRows(
  alleles: readonly ScoredAllele[],
  scores: VariantEffectScores,
  tasks: readonly string[],
  background?: readonly Float64Array[],
): string {
  let out = '';
  alleles.forEach((a, i) => {
    const v = a.variant;
    const id = v.id.length > 0 ? v.id.join(';') : '.';
    tasks.forEach((task, t) => {
      const at = i * scores.tasks + t;
      const values = [scores.ref, scores.alt, scores.diff, scores.absDiff, scores.logOddsChange];
      let numbers = values.map((array) => formatScore(array[at])).join('\t');
      if (background) numbers += `\t${formatScore(quantileOf(background[t], scores.diff[at]))}`;
      out += `${a.record}\t${a.altIndex}\t${v.chrom}\t${v.pos}\t${id}\t${v.ref}\t${a.alt}\t${task}\t${numbers}\n`;
    });
  });
  return out;
}

/** One parsed chunk row. */
export interface ChunkRow {
  record: number;
  altIndex: number;
  task: string;
  /** The `scores.tsv` columns, tab-joined. */
  tsv: string;
  refPred: string;
  altPred: string;
  diff: string;
  logOdds: string;
  /** `.` when scored without a background. */
  quantile: string;
}

/** Parses a chunk-file row. */
export function parseChunkRow(line: string): ChunkRow {
  const cells = line.split('\t');
  return {
    record: Number(cells[0]),
    altIndex: Number(cells[1]),
    task: cells[7],
    tsv: cells.slice(2).join('\t'),
    refPred: cells[8],
    altPred: cells[9],
    diff: cells[10],
    logOdds: cells[12],
    quantile: cells[13] ?? '.',
  };
}

/**
 * Names of the model's outputs: its label names when there is one per output; the positive
 * class of a binary model (`strand train` records both class names for its one output).
 */
export function taskNames(labelNames: readonly string[], outputs: number): string[] {
  if (labelNames.length === outputs) return [...labelNames];
  if (outputs === 1 && labelNames.length === 2) return [labelNames[1]];
  return Array.from({ length: outputs }, (_, i) => `task${i}`);
}
