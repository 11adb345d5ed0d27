/**
 * Stores a finished scoring run's `scores.tsv` as `variant_score` rows (one per line, `row` =
 * its 0-based line after the header), streamed in batches so memory stays one batch. Loading
 * starts by deleting what an interrupted earlier attempt stored (and a stopped or failed load
 * deletes what it stored), so running it again after a crash leaves every row exactly once.
 */
import type { EntityManager } from '@mikro-orm/core';
import { openText } from '@strand/genomics';
import { deleteVariantScores, insertVariantScores } from '@strand/data';
import type { VariantScoreValues } from '@strand/data';
import { JobError } from '../platform/job-kind.ts';
import { WorkerAbortedError } from '../platform/run-in-worker.ts';
import { QUANTILE_COLUMN, SCORE_COLUMNS } from './score-rows.ts';

/** Rows per INSERT: large enough to amortise a statement, small enough to keep writes short. */
export const SCORE_BATCH_ROWS = 1000;

export interface LoadScoresOptions {
  signal?: AbortSignal;
  /** Called after each stored batch with the rows stored so far. */
  onProgress?: (rows: number) => void;
}

/** Loads `tsvPath` (a `scores.tsv`) as the scores of job `jobId`; returns the rows stored. */
export async function loadVariantScores(
  em: EntityManager,
  jobId: string,
  tsvPath: string,
  options: LoadScoresOptions = {},
): Promise<number> {
  await deleteVariantScores(em, jobId);
  let batch: VariantScoreValues[] = [];
  let stored = 0;
  let columns: number = SCORE_COLUMNS.length;
  const flush = async () => {
    if (options.signal?.aborted) throw new WorkerAbortedError();
    await insertVariantScores(em, jobId, stored, batch);
    stored += batch.length;
    batch = [];
    options.onProgress?.(stored);
  };
  try {
    for await (const { line, number } of openText(tsvPath, { label: 'scores.tsv' })) {
      if (number === 1) {
        const plain = SCORE_COLUMNS.join('\t');
        if (line === `${plain}\t${QUANTILE_COLUMN}`) columns++;
        else if (line !== plain) throw new JobError('scores.tsv:1: not the header scoreVcf writes');
        continue;
      }
      if (line === '') continue;
      batch.push(parseScoreLine(line, number, columns));
      if (batch.length === SCORE_BATCH_ROWS) await flush();
    }
    if (batch.length > 0) await flush();
  } catch (error) {
    // A stopped or failed load leaves no half set behind (a restarted job loads them all again).
    await deleteVariantScores(em, jobId).catch(() => undefined);
    throw error;
  }
  return stored;
}

/**
 * One `scores.tsv` line as row values; a JobError naming the line when it is not one. `columns`:
 * SCORE_COLUMNS' count, one more when the file has a quantile column.
 */
export function parseScoreLine(
  line: string,
  number: number,
  columns: number = SCORE_COLUMNS.length,
): VariantScoreValues {
  const cells = line.split('\t');
  if (cells.length !== columns) {
    throw new JobError(`scores.tsv:${number}: ${cells.length} columns, expected ${columns}`);
  }
  const [chrom, pos, id, ref, alt, task, ...numbers] = cells;
  const [refPred, altPred, diff, absDiff, logOddsChange, quantile] = numbers.map(Number);
  const calibrated = columns > SCORE_COLUMNS.length;
  if (calibrated && !(quantile >= 0 && quantile <= 1)) {
    throw new JobError(`scores.tsv:${number}: the quantile is not a number from 0 to 1`);
  }
  if (![refPred, altPred, diff, absDiff, logOddsChange].every(Number.isFinite)) {
    // Sorting and paging need numbers; a model giving NaN or ±Infinity is broken.
    throw new JobError(
      `scores.tsv:${number}: the model gave a value that is not a finite number (${chrom}:${pos}, task ${task})`,
    );
  }
  return {
    chrom,
    pos: Number(pos),
    variantId: id === '.' ? null : id,
    ref,
    alt,
    task,
    refPred,
    altPred,
    diff,
    absDiff,
    logOddsChange,
    quantile: calibrated ? quantile : null,
  };
}
