/**
 * Per-base attribution of the top variants by in-silico mutagenesis (ISM): after a scoring run,
 * the K rows of largest |alt − ref| are found by streaming the chunk files (memory: K rows), and
 * for each, every single-base substitution of its reference window and of its alternate window
 * is predicted with the same model, strands and engine. The matrix of a window is [length, 4]
 * (A, C, G, T): prediction(window with that base at that position) − prediction(window), for the
 * row's task; 0 where the window already has that base. Centred windows only (no shifts).
 * Written to `ism.json` in the output folder, not to the job's result row: K × 2 × length × 4
 * numbers (50 × 2 × 1000 × 4 = 400 000 for a 1 kb model) are too many for a JSON column.
 */
import { join } from 'node:path';
import { openText, variantWindows } from '@strand/genomics';
import type { ReferenceReader, VcfRecord } from '@strand/genomics';
import { scoreVariantWindows } from '@strand/models';
import type { Predictor, WindowPair } from '@strand/models';
import { writeAtomically } from './atomic-write.ts';
import type { ChunkRow } from './score-rows.ts';
import { parseChunkRow } from './score-rows.ts';
import { chunkPath } from './scoring-progress.ts';
import { ScoringError } from './scoring.error.ts';

/** The most variants attributed (`--ism-top`, `scoreVariants(ismTop)`). */
export const MAX_ISM_TOP = 50;

/** The file ISM attributions are written to in the output folder. */
export const ISM_FILE = 'ism.json';

/** Checks `--ism-top`: an integer from 0 to MAX_ISM_TOP. */
export function checkIsmTop(k: number): void {
  if (!Number.isInteger(k) || k < 0 || k > MAX_ISM_TOP) {
    throw new ScoringError(
      'INVALID_OPTIONS',
      `ismTop must be an integer from 0 to ${MAX_ISM_TOP}, got ${k}`,
    );
  }
}

/** One attributed variant allele × task of `ism.json`. */
export interface VariantAttribution {
  /** Its 0-based line of scores.tsv (after the header), as `VariantScore.row`. */
  row: number;
  chrom: string;
  pos: number;
  /** The VCF ID; null for `.`. */
  variantId: string | null;
  ref: string;
  alt: string;
  task: string;
  diff: number;
  quantile: number | null;
  /** The 0-based index of the first REF base in both windows. */
  center: number;
  refWindow: string;
  altWindow: string;
  /** [length][A, C, G, T]: the effect of each substitution of refWindow (4 significant digits). */
  refScores: number[][];
  /** The same for altWindow. */
  altScores: number[][];
}

/** `ism.json`. */
export interface IsmFile {
  formatVersion: 1;
  width: number;
  reverseComplement: boolean;
  variants: VariantAttribution[];
}

interface Ranked {
  row: number;
  chunk: ChunkRow;
  cells: string[];
  abs: number;
}

/** The `k` rows of largest |diff| in the chunk files (ties: the earlier row), largest first. */
export async function topRows(outDir: string, chunks: number, k: number): Promise<Ranked[]> {
  const top: Ranked[] = [];
  let row = 0;
  for (let index = 0; index < chunks; index++) {
    for await (const { line } of openText(chunkPath(outDir, index))) {
      if (line === '') continue;
      const chunk = parseChunkRow(line);
      const abs = Math.abs(Number(chunk.diff));
      if (top.length < k || abs > top[top.length - 1].abs) {
        const entry = { row, chunk, cells: chunk.tsv.split('\t'), abs };
        let at = top.findIndex((t) => abs > t.abs);
        if (at < 0) at = top.length;
        top.splice(at, 0, entry);
        if (top.length > k) top.pop();
      }
      row++;
    }
  }
  return top;
}

const BASES = 'ACGT';
const round = (x: number) => Number(x.toPrecision(4));

/** Every substitution of `window` as a pair (the window, the mutant), and each pair's cell. */
function mutants(window: string): { pairs: WindowPair[]; cells: number[] } {
  const pairs: WindowPair[] = [];
  const cells: number[] = [];
  for (let i = 0; i < window.length; i++) {
    for (let b = 0; b < 4; b++) {
      if (window[i] === BASES[b]) continue;
      pairs.push({
        refWindow: window,
        altWindow: window.slice(0, i) + BASES[b] + window.slice(i + 1),
      });
      cells.push(i * 4 + b);
    }
  }
  return { pairs, cells };
}

/** The [length][4] ISM matrix of `window` for task `task` (see file). */
async function ismMatrix(
  predictor: Predictor,
  window: string,
  task: number,
  options: { reverseComplement: boolean; batchSize: number },
): Promise<number[][]> {
  const { pairs, cells } = mutants(window);
  const scores = await scoreVariantWindows(predictor, pairs, options);
  const matrix = Array.from({ length: window.length }, () => [0, 0, 0, 0]);
  cells.forEach((cell, k) => {
    matrix[cell >> 2][cell & 3] = round(scores.diff[k * scores.tasks + task]);
  });
  return matrix;
}

/**
 * Attributes the `k` largest-|effect| rows of a finished run (see file) and writes `ism.json`;
 * `onProgress` after each variant. Returns the number attributed.
 */
export async function writeVariantIsm(run: {
  outDir: string;
  chunks: number;
  k: number;
  predictor: Predictor;
  reader: ReferenceReader;
  width: number;
  tasks: readonly string[];
  reverseComplement: boolean;
  batchSize: number;
  onProgress?: (done: number, total: number) => void | Promise<void>;
}): Promise<number> {
  const top = await topRows(run.outDir, run.chunks, run.k);
  const variants: VariantAttribution[] = [];
  await run.onProgress?.(0, top.length);
  for (const t of top) {
    // scores.tsv columns: chrom pos id ref alt task ref_pred alt_pred diff abs_diff log_odds [q]
    const [chrom, pos, id, ref, alt, task] = t.cells;
    const record: VcfRecord = {
      line: 0,
      chrom,
      pos: Number(pos),
      id: id === '.' ? [] : id.split(';'),
      ref,
      alts: [alt],
      qual: null,
      filter: [],
      info: {},
    };
    const [w] = await variantWindows(record, run.reader, run.width);
    if (w?.status !== 'ok') continue; // scored before, so placeable; a changed reference is not
    const taskIndex = Math.max(0, run.tasks.indexOf(task));
    const options = { reverseComplement: run.reverseComplement, batchSize: run.batchSize };
    variants.push({
      row: t.row,
      chrom,
      pos: Number(pos),
      variantId: id === '.' ? null : id,
      ref,
      alt,
      task,
      diff: Number(t.chunk.diff),
      quantile: t.chunk.quantile === '.' ? null : Number(t.chunk.quantile),
      center: w.center,
      refWindow: w.refWindow,
      altWindow: w.altWindow,
      refScores: await ismMatrix(run.predictor, w.refWindow, taskIndex, options),
      altScores: await ismMatrix(run.predictor, w.altWindow, taskIndex, options),
    });
    await run.onProgress?.(variants.length, top.length);
  }
  const file: IsmFile = {
    formatVersion: 1,
    width: run.width,
    reverseComplement: run.reverseComplement,
    variants,
  };
  await writeAtomically(join(run.outDir, ISM_FILE), `${JSON.stringify(file)}\n`);
  return variants.length;
}
