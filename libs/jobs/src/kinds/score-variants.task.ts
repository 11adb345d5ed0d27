/**
 * The worker-thread half of SCORE_VARIANTS (see score-variants.kind.ts): scoreVcf with the job's
 * directory as its output folder, so a job run again after a crash resumes from the chunks it
 * committed. The pre-flight summary is written to `preflight.json` before any scoring, so the job
 * can report it even when the pre-flight refuses to go on.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PreflightSummary } from '@strand/genomics';
import type { WorkerTools } from '../platform/run-in-worker.ts';
import { JobError } from '../platform/job-kind.ts';
import { scoreVcf } from '../scoring/score-vcf.ts';
import type { NotScored } from '../scoring/scoring-progress.ts';
import type { BackgroundSource } from '../scoring/background.ts';

export interface ScoreVariantsTaskInput {
  vcf: string;
  reference: string;
  modelDir: string;
  outDir: string;
  chunkSize: number;
  /** null: as the model was trained (its rcAverage). */
  reverseComplement: boolean | null;
  /** Shift averaging's N (0: centred windows only). */
  shifts: number;
  force: boolean;
  /** Calibrate against this background (background.ts); null: none. */
  background: BackgroundSource | null;
  backgroundSize: number;
  /** ISM of the top K alleles, written to ism.json (0: none). */
  ismTop: number;
  /** How messages name each file instead of its server path: path → label. */
  labels: Record<string, string>;
}

export interface ScoreVariantsTaskResult {
  backend: string;
  tasks: string[];
  variants: number;
  scored: number;
  notScored: NotScored;
  resumedFrom: number;
  /** Whether both strands were averaged. */
  reverseComplement: boolean;
  /** The background the quantiles were taken against; null without one. */
  background: { kind: string; alleles: number } | null;
  /** Alleles attributed in ism.json; null without ismTop. */
  attributed: number | null;
}

/** Where the pre-flight summary is kept in the job's directory. */
export const PREFLIGHT_FILE = 'preflight.json';

/** Runs the scoring; progress is counted in VCF records. */
export async function scoreVariantsTask(
  input: ScoreVariantsTaskInput,
  { progress, signal }: WorkerTools,
): Promise<ScoreVariantsTaskResult> {
  try {
    const result = await scoreVcf({
      vcf: input.vcf,
      reference: input.reference,
      modelDir: input.modelDir,
      outDir: input.outDir,
      chunkSize: input.chunkSize,
      shifts: input.shifts,
      ...(input.reverseComplement === null ? {} : { reverseComplement: input.reverseComplement }),
      force: input.force,
      ...(input.background
        ? { background: input.background, backgroundSize: input.backgroundSize }
        : {}),
      onBackgroundProgress: (done, total) => {
        progress({ done, total, unit: 'background variants', message: 'scoring the background' });
        if (signal.aborted) throw new JobError('aborted');
      },
      ismTop: input.ismTop,
      onIsmProgress: (done, total) => {
        progress({ done, total, unit: 'variants', message: 'per-base attribution (ISM)' });
        if (signal.aborted) throw new JobError('aborted');
      },
      onPreflight: async (summary: PreflightSummary) => {
        await writeFile(join(input.outDir, PREFLIGHT_FILE), `${JSON.stringify(summary)}\n`);
        progress({ done: 0, total: summary.records, unit: 'variants', message: 'scoring' });
      },
      onProgress: (p) => {
        progress({ done: p.variantsDone, total: p.variantsTotal, unit: 'variants' });
        // Between chunks: the one just committed is kept, the next run starts after it.
        if (signal.aborted) throw new JobError('aborted');
      },
    });
    // scores.tsv and scores.vcf are written: the chunks were only needed to resume.
    await rm(join(input.outDir, 'chunks'), { recursive: true, force: true });
    return {
      backend: result.backend,
      tasks: result.tasks,
      variants: result.variants,
      scored: result.scored,
      notScored: result.notScored,
      resumedFrom: result.resumedFrom,
      reverseComplement: result.reverseComplement,
      background: result.background,
      attributed: result.attributions?.variants ?? null,
    };
  } catch (error) {
    throw withLabels(error, input.labels);
  }
}

/**
 * The error with every server path in its message replaced by its label (a job's error is shown
 * to the project's members, who must not learn the server's directory layout). Keeps the name,
 * so Strand's own errors stay "expected" and their message is shown, and a `code`.
 */
export function withLabels(error: unknown, labels: Record<string, string>): unknown {
  // Errors that are not Strand's keep their message hidden anyway (see job.worker.ts).
  const unexpected =
    error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError;
  if (!(error instanceof Error) || error.name === 'Error' || unexpected) return error;
  let message = error.message;
  // Longest first, so a path is never half-replaced by a label of its parent directory.
  for (const path of Object.keys(labels).sort((a, b) => b.length - a.length)) {
    message = message.split(path).join(labels[path]);
  }
  if (message === error.message) return error;
  const labelled = new Error(message);
  labelled.name = error.name;
  // And its code (PREFLIGHT_FAILED: the client offers force).
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') Object.assign(labelled, { code });
  return labelled;
}
