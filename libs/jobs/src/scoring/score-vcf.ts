/**
 * The chunked, resumable variant scorer.
 *
 * Map of this file:
 *   1. scoreVcf ........ load the model, open the reference, pre-flight (refuse a gross
 *                        mismatch unless forced), load or start progress, score the chunks
 *                        not yet done, write the final files
 *   2. cutChunk / commitChunk  windows of each record's ALTs; then scoreVariantWindows → one
 *                        chunk file, written atomically, then progress.json (the commit point).
 *                        Inference runs on ONNX Runtime's threads where it can (createPredictor),
 *                        so chunk k + 1's windows are cut while chunk k is being predicted
 *   3. fingerprint ..... what must not change between a run and its resumption
 *
 * Resumption: chunk k always holds records [k × chunkSize, (k + 1) × chunkSize) in file order,
 * and progress.json counts only chunks whose file was renamed into place before it was written.
 * A run killed anywhere therefore restarts after the last committed chunk; a chunk written but
 * not yet committed is simply written again (same name, same content). Memory is one chunk.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  FastaIndex,
  openVcf,
  preflight,
  ReferenceReader,
  sha256OfFiles,
  variantWindows,
  WINDOW_ANCHOR,
} from '@strand/genomics';
import type {
  PreflightSummary,
  VariantWindow,
  VariantWindowResult,
  VcfRecord,
} from '@strand/genomics';
import {
  averageVariantScores,
  createPredictor,
  initBackend,
  loadModel,
  MODEL_FILES,
  scoreVariantWindows,
} from '@strand/models';
import type { ModelMetadata, Predictor, PredictorOptions, WindowPair } from '@strand/models';
import { writeAtomically } from './atomic-write.ts';
import { referenceFingerprint } from './reference-fingerprint.ts';
import { checkIsmTop, ISM_FILE, writeVariantIsm } from './variant-ism.ts';
import type { Background, BackgroundSource } from './background.ts';
import {
  BACKGROUND_SIZE,
  backgroundFingerprint,
  backgroundOf,
  checkBackgroundSize,
  loadBackground,
  randomSnvs,
  sampleVcf,
  saveBackground,
} from './background.ts';
import { writeScoresTsv, writeScoresVcf } from './final-outputs.ts';
import { grossMismatch } from './preflight-gate.ts';
import type { ScoredAllele } from './score-rows.ts';
import { chunkRows, taskNames } from './score-rows.ts';
import type { NotScored, ScoringFingerprint, ScoringProgress } from './scoring-progress.ts';
import { chunkPath, loadProgress, savedChunkSize, saveProgress } from './scoring-progress.ts';
import { ScoringError } from './scoring.error.ts';

/** Options of `scoreVcf`. */
export interface ScoreVcfOptions {
  vcf: string;
  /** Indexed (or indexable) FASTA of the genome build the VCF was called on. */
  reference: string;
  /** A directory written by `saveModel` / `strand train --out`. */
  modelDir: string;
  outDir: string;
  /** VCF records per chunk (the unit of resumption); default: the resumed run's, else 1000. */
  chunkSize?: number;
  /**
   * Average the predictions of both strands. Default: what the model was trained for
   * (strand.json's rcAverage: `strand train --rc-average`), else false.
   */
  reverseComplement?: boolean;
  /**
   * Shift averaging: also score each variant with both windows moved 1…N bases left and right
   * (the variant off centre by up to N), and average the 2N + 1 predictions of ref and of alt
   * before taking differences. 0 (default): the centred windows only. At most MAX_SHIFTS and
   * less than half the model's input length.
   */
  shifts?: number;
  /**
   * Calibrate against a background (background.ts): each allele also gets a `quantile` per task,
   * the mid-rank of its |alt − ref| among the background's. Default: none.
   */
  background?: BackgroundSource;
  /** Background variants drawn (BACKGROUND_SIZE: default 10 000, at most 100 000). */
  backgroundSize?: number;
  /** Called while the background is scored (before the VCF), after each batch. */
  onBackgroundProgress?: (done: number, total: number) => void | Promise<void>;
  /**
   * In-silico mutagenesis of the K largest-|effect| alleles' ref and alt windows (variant-ism.ts),
   * written to ism.json; 0 (default) to MAX_ISM_TOP.
   */
  ismTop?: number;
  /** Called after each attributed variant. */
  onIsmProgress?: (done: number, total: number) => void | Promise<void>;
  /** Score even when the pre-flight finds a gross mismatch with the reference. */
  force?: boolean;
  /** Variants per forward pass; default 256. */
  batchSize?: number;
  /**
   * The inference engine (default: ONNX Runtime when installed and the model exports, else
   * TF.js; STRAND_INFERENCE overrides) and ONNX Runtime's threads (default 1).
   */
  inference?: PredictorOptions;
  /** Called with the pre-flight summary before any scoring. */
  onPreflight?: (summary: PreflightSummary) => void | Promise<void>;
  /** Called after each committed chunk; awaited. */
  onProgress?: (progress: ScoreVcfProgress) => void | Promise<void>;
}

/** Progress of a scoring run. */
export interface ScoreVcfProgress {
  variantsDone: number;
  variantsTotal: number;
  chunksDone: number;
  scored: number;
}

/** What a finished run reports. */
export interface ScoreVcfResult {
  preflight: PreflightSummary;
  backend: string;
  /** The inference engine that predicted (onnxruntime-… or tfjs-…). */
  engine: string;
  tasks: string[];
  /** VCF records read. */
  variants: number;
  /** Alleles scored (rows of scores.tsv = scored × tasks). */
  scored: number;
  notScored: NotScored;
  /** Records already done by an earlier run when this one started (0 for a fresh run). */
  resumedFrom: number;
  /** Whether both strands were averaged (asked for, or the model's rcAverage). */
  reverseComplement: boolean;
  /**
   * How the windows were cut: their width (the model's input length), how indels sit in them
   * (`left`: left-anchored, see @strand/genomics variantWindows) and the shifts averaged.
   */
  windows: { width: number; anchor: typeof WINDOW_ANCHOR; shifts: number };
  /** The background the quantiles were taken against (null: none asked for). */
  background: { kind: BackgroundSource['kind']; alleles: number } | null;
  /** ism.json and the variants it attributes (null: no ismTop). */
  attributions: { file: string; variants: number } | null;
  files: { tsv: string; vcf: string; progress: string };
}

/** The most shifts scoreVcf averages over (2 × 10 + 1 window pairs per allele). */
export const MAX_SHIFTS = 10;

/**
 * Scores every ALT allele of a VCF with a saved model, chunk by chunk, resumably (see file).
 * @example await scoreVcf({ vcf: 'calls.vcf.gz', reference: 'hg19.fa', modelDir, outDir })
 */
export async function scoreVcf(options: ScoreVcfOptions): Promise<ScoreVcfResult> {
  const { outDir, batchSize = 256, shifts = 0 } = options;
  const backgroundSize = options.backgroundSize ?? BACKGROUND_SIZE.default;
  if (options.background) checkBackgroundSize(backgroundSize);
  const ismTop = options.ismTop ?? 0;
  checkIsmTop(ismTop);
  if (!Number.isInteger(shifts) || shifts < 0 || shifts > MAX_SHIFTS) {
    throw new ScoringError(
      'INVALID_OPTIONS',
      `shifts must be an integer from 0 to ${MAX_SHIFTS}, got ${shifts}`,
    );
  }
  // Resuming without a chunk size keeps the one the run started with.
  const chunkSize = options.chunkSize ?? (await savedChunkSize(outDir)) ?? 1000;
  for (const [name, value] of [
    ['chunkSize', chunkSize],
    ['batchSize', batchSize],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new ScoringError('INVALID_OPTIONS', `${name} must be an integer ≥ 1, got ${value}`);
    }
  }
  const backend = await initBackend();
  const fasta = await FastaIndex.open(options.reference);
  // Scoring reads the fixed columns only: INFO is checked but not parsed (see openVcf).
  const summary = await preflight(await openVcf(options.vcf, { info: false }), fasta);
  await options.onPreflight?.(summary);
  const problem = grossMismatch(summary);
  if (problem !== undefined && options.force !== true) {
    throw new ScoringError(
      'PREFLIGHT_FAILED',
      `${options.vcf}: ${problem} (force to score anyway)`,
    );
  }
  const { model, metadata } = await loadModel(options.modelDir);
  const reverseComplement = options.reverseComplement ?? metadata.rcAverage === true;
  if (shifts > 0 && shifts >= Math.ceil(metadata.inputLength / 2)) {
    model.dispose();
    throw new ScoringError(
      'INVALID_OPTIONS',
      `shifts must be less than half the model's input length ${metadata.inputLength}, got ${shifts}`,
    );
  }
  let predictor: Predictor | undefined;
  try {
    predictor = await createPredictor(model, options.inference);
    const tasks = taskNames(metadata.labelNames, model.outputs[0]?.shape[1] ?? 1);
    const backgroundPrint = options.background
      ? await backgroundFingerprint(options.background, backgroundSize)
      : 'none';
    const print = await fingerprint(options, {
      chunkSize,
      batchSize,
      reverseComplement,
      shifts,
      background: backgroundPrint,
      ismTop,
    });
    await mkdir(join(outDir, 'chunks'), { recursive: true });
    const progress = await loadProgress(outDir, print);
    const resumedFrom = progress.variants;
    const run: ChunkRun = {
      predictor,
      metadata,
      tasks,
      reader: new ReferenceReader(fasta),
      batchSize,
      reverseComplement,
      shifts,
      background: undefined,
    };
    if (options.background && !progress.complete) {
      run.background =
        (await loadBackground(outDir, backgroundPrint)) ??
        (await scoreBackground(
          run,
          options.background,
          backgroundSize,
          fasta,
          backgroundPrint,
          options.onBackgroundProgress,
        ));
      await saveBackground(outDir, run.background);
    }
    const report = () =>
      options.onProgress?.({
        variantsDone: progress.variants,
        variantsTotal: summary.records,
        chunksDone: progress.chunks,
        scored: progress.scored,
      });
    if (!progress.complete) {
      let record = 0;
      let first = progress.variants; // the first record of the chunk being read
      let chunk: VcfRecord[] = [];
      // At most one chunk in inference while the next one's windows are cut.
      let committing: Promise<void> = Promise.resolve();
      const next = async () => {
        const cut = await cutChunk(run, chunk, first);
        first += chunk.length;
        chunk = [];
        await committing;
        committing = commitChunk(run, outDir, cut, progress).then(report);
      };
      for await (const variant of await openVcf(options.vcf, { info: false })) {
        if (record++ < progress.variants) continue;
        chunk.push(variant);
        if (chunk.length >= chunkSize) await next();
      }
      if (chunk.length > 0) await next();
      await committing;
      const quantiles = run.background !== undefined;
      await writeScoresTsv(outDir, progress.chunks, quantiles);
      const calibration = run.background
        ? `,Background=${options.background?.kind},BackgroundAlleles=${run.background.alleles}`
        : '';
      const modelLine = `<Architecture=${metadata.architecture},InputLength=${metadata.inputLength},ReverseComplement=${reverseComplement},Anchor=${WINDOW_ANCHOR},Shifts=${shifts}${calibration},Tasks=${tasks.join('|')}>`;
      await writeScoresVcf(outDir, options.vcf, progress.chunks, tasks, modelLine, quantiles);
      if (ismTop > 0) {
        progress.attributed = await writeVariantIsm({
          outDir,
          chunks: progress.chunks,
          k: ismTop,
          predictor,
          reader: run.reader,
          width: metadata.inputLength,
          tasks,
          reverseComplement,
          batchSize,
          onProgress: options.onIsmProgress,
        });
      }
      progress.complete = true;
      await saveProgress(outDir, progress);
    }
    return {
      preflight: summary,
      backend,
      engine: predictor.engine,
      tasks,
      variants: progress.variants,
      scored: progress.scored,
      notScored: progress.notScored,
      resumedFrom,
      reverseComplement,
      windows: { width: metadata.inputLength, anchor: WINDOW_ANCHOR, shifts },
      background: options.background
        ? {
            kind: options.background.kind,
            alleles: (await loadBackground(outDir, backgroundPrint))?.alleles ?? 0,
          }
        : null,
      attributions:
        ismTop > 0 ? { file: join(outDir, ISM_FILE), variants: progress.attributed ?? 0 } : null,
      files: {
        tsv: join(outDir, 'scores.tsv'),
        vcf: join(outDir, 'scores.vcf'),
        progress: join(outDir, 'progress.json'),
      },
    };
  } finally {
    await predictor?.dispose();
    model.dispose();
  }
}

interface ChunkRun {
  predictor: Predictor;
  metadata: ModelMetadata;
  tasks: string[];
  reader: ReferenceReader;
  batchSize: number;
  reverseComplement: boolean;
  /** Window pairs per allele: 2 × shifts + 1, consecutive in CutChunk.pairs. */
  shifts: number;
  /** The scored background, when quantiles are asked for. */
  background: Background | undefined;
}

/** Background variants scored per forward-pass group (and per progress report). */
const BACKGROUND_BATCH = 1000;

/**
 * Draws the background (background.ts) and scores it exactly as the VCF's alleles are scored:
 * same windows, shifts and strands. Memory: the drawn records and one |effect| per allele × task.
 */
async function scoreBackground(
  run: ChunkRun,
  source: BackgroundSource,
  size: number,
  fasta: FastaIndex,
  print: string,
  onProgress?: (done: number, total: number) => void | Promise<void>,
): Promise<Background> {
  const records =
    source.kind === 'random' ? await randomSnvs(fasta, size) : await sampleVcf(source.path, size);
  const effects: number[] = [];
  await onProgress?.(0, records.length);
  for (let start = 0; start < records.length; start += BACKGROUND_BATCH) {
    const cut = await cutChunk(run, records.slice(start, start + BACKGROUND_BATCH), start);
    if (cut.pairs.length > 0) {
      const scores = await scoreCut(run, cut);
      for (const value of scores.absDiff) effects.push(value);
    }
    await onProgress?.(Math.min(start + BACKGROUND_BATCH, records.length), records.length);
  }
  if (effects.length === 0) {
    throw new ScoringError(
      'INVALID_OPTIONS',
      'background: none of its variants could be scored against this reference (wrong build or chromosome names?)',
    );
  }
  return backgroundOf(print, run.tasks, Float64Array.from(effects));
}

/** Scores a cut chunk's window pairs, averaged over shifts. */
async function scoreCut(run: ChunkRun, chunk: CutChunk) {
  return averageVariantScores(
    await scoreVariantWindows(run.predictor, chunk.pairs, {
      reverseComplement: run.reverseComplement,
      batchSize: run.batchSize,
    }),
    2 * run.shifts + 1,
  );
}

/** A chunk's records with the windows of their ALTs, before scoring. */
interface CutChunk {
  records: number;
  alleles: ScoredAllele[];
  pairs: WindowPair[];
  notScored: NotScored;
}

/** Cuts the windows of every ALT of `records` (the first is record number `first`). */
async function cutChunk(run: ChunkRun, records: VcfRecord[], first: number): Promise<CutChunk> {
  const alleles: ScoredAllele[] = [];
  const pairs: WindowPair[] = [];
  const notScored: NotScored = { refMismatch: 0, unknownChromosome: 0, skipped: 0 };
  const width = run.metadata.inputLength;
  for (const [k, variant] of records.entries()) {
    // The other shifts' windows of the same record, in shift order (−N … N, 0 left out).
    const shifted: VariantWindowResult[][] = [];
    for (let shift = -run.shifts; shift <= run.shifts; shift++) {
      if (shift !== 0) shifted.push(await variantWindows(variant, run.reader, width, shift));
    }
    for (const [i, w] of (await variantWindows(variant, run.reader, width)).entries()) {
      if (w.status === 'ok') {
        alleles.push({ record: first + k, altIndex: w.altIndex, variant, alt: w.alt });
        const around = shifted.map((results) => results[i] as VariantWindow);
        // −N … −1, 0, 1 … N: one allele's pairs side by side, averaged after scoring.
        pairs.push(...around.slice(0, run.shifts), w, ...around.slice(run.shifts));
      } else if (w.status === 'ref-mismatch') notScored.refMismatch++;
      else if (w.status === 'unknown-chromosome') notScored.unknownChromosome++;
      else notScored.skipped++;
    }
  }
  return { records: records.length, alleles, pairs, notScored };
}

/** Scores a cut chunk, writes its file, then commits it in progress.json. */
async function commitChunk(
  run: ChunkRun,
  outDir: string,
  chunk: CutChunk,
  progress: ScoringProgress,
): Promise<void> {
  const scores = await scoreCut(run, chunk);
  await writeAtomically(
    chunkPath(outDir, progress.chunks),
    chunkRows(chunk.alleles, scores, run.tasks, run.background?.sorted),
  );
  progress.chunks++;
  progress.variants += chunk.records;
  progress.scored += chunk.alleles.length;
  const before = progress.notScored;
  progress.notScored = {
    refMismatch: before.refMismatch + chunk.notScored.refMismatch,
    unknownChromosome: before.unknownChromosome + chunk.notScored.unknownChromosome,
    skipped: before.skipped + chunk.notScored.skipped,
  };
  await saveProgress(outDir, progress);
}

async function fingerprint(
  options: ScoreVcfOptions,
  settings: Pick<
    ScoringFingerprint,
    'chunkSize' | 'batchSize' | 'reverseComplement' | 'shifts' | 'background' | 'ismTop'
  >,
): Promise<ScoringFingerprint> {
  const { modelDir } = options;
  const [vcfSha256, reference, modelSha256] = await Promise.all([
    sha256OfFiles([options.vcf]),
    referenceFingerprint(options.reference),
    sha256OfFiles(Object.values(MODEL_FILES).map((file) => join(modelDir, file))),
  ]);
  return {
    vcfSha256,
    reference: `${reference.bytes}:${reference.faiSha256}`,
    modelSha256,
    ...settings,
  };
}
